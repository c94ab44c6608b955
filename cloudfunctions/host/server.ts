import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { Envelope } from '../../types/errors';
import { createDispatcher, type ActionMap, type FunctionDef } from '../core/shared/dispatch';
import { tick } from '../core/scheduler';
import { INCOMING, INCOMING_PURPOSES, MB, refusalOf, sniff, type IncomingPurpose } from '../core/attachments/incoming';
import { DiskFiles } from '../adapters/local/disk-files';
import { KeywordCheck } from '../adapters/local/keyword-check';
import { QrCodeMaker } from '../adapters/local/qr-code-maker';
import { OutboxNotifier } from '../adapters/local/outbox-notifier';
import { DevPhoneNumbers } from '../adapters/local/dev-phone-numbers';
import type { Clock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import { callerFor, listPersonas, PERSONA_HEADER } from './personas';

/**
 * A function call's body, as CloudBase takes it: 100 KB. Files never travel in a call; they go
 * to /upload (storage, in production) and the call carries the id. A call over this is refused
 * here as the cloud would refuse it, so a page that sends a file inline fails in every test.
 */
export const MAX_BODY_BYTES = 100 * 1024;

export interface HostOptions {
  store: DocStore;
  clock: Clock;
  functions: Record<string, FunctionDef<ActionMap>>;
  idKey: string;
  /** The audit signing key (PKCS#8 PEM); checkpoints go unsigned without one. */
  signingKey?: string;
  /** Attachments on disk, served at /files/. */
  files: DiskFiles;
  /** Where phones reach this host, for the QR codes it draws; defaults to where it listens. */
  publicBase?: string;
  /** The built H5 app; absent in function-only tests. */
  staticDir?: string;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.jpeg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Text worth compressing; pictures, PDFs and woff/woff2 fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.ttf', '.ico']);

/**
 * webpack's content-hashed names (js/app.83287b1f.js, css/403.072b7a2d6a04018c5829.css): the
 * bytes under such a name never change, so a phone may keep them for a year without asking.
 */
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

/** A year, immutable: a new build references new names, and index.html is always revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The built H5 app fits many times over; past this the cache starts again (old builds' files). */
const STATIC_CACHE_BYTES = 64 * 1024 * 1024;

type Encoding = 'br' | 'gzip';

/**
 * One built file held in memory with its compressed forms, made once per file instead of per
 * request. gzip is made on the first request that wants it (tens of ms for the largest chunk);
 * brotli at its best quality takes about a second per large chunk, so it is made in the
 * background and served once ready, gzip meanwhile.
 */
interface StaticEntry {
  mtimeMs: number;
  size: number;
  raw: Buffer;
  /** null: compressing did not make it smaller. */
  gzip?: Promise<Buffer | null>;
  br?: Buffer | null;
  brQueued?: boolean;
  /** For HTML: its Content-Security-Policy, with the hashes of its own inline scripts. */
  csp?: string;
}

/**
 * Accept-Encoding's acceptable codings with their weights: q=0 means "not this one", and `*`
 * stands for any coding not named.
 */
export function acceptedEncodings(header: string | string[] | undefined): Map<Encoding, number> {
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const out = new Map<Encoding, number>();
  for (const enc of ['br', 'gzip'] as const) {
    const w = weights.get(enc) ?? weights.get('*') ?? 0;
    if (w > 0) out.set(enc, w);
  }
  return out;
}

/** The validator of one representation: size and time of the file, and which encoding. */
function etagOf(entry: StaticEntry, encoding: Encoding | null): string {
  return `"${entry.size.toString(16)}-${Math.floor(entry.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

/** API answers shorter than this go uncompressed. */
const API_GZIP_MIN = 1024;

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Envelope<never> | object);
}

function sendNotFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('未找到该文件');
}

class TooLarge extends Error {}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The Host header's name, lower-cased (host names are case-insensitive), without the port:
 * `LocalHost:10086` → localhost, `[::1]:80` → [::1].
 */
export function hostNameOf(header: string | undefined): string {
  return (header ?? '').trim().toLowerCase().replace(/:\d+$/, '');
}

/**
 * The app shell's Content-Security-Policy: its own scripts and the inline ones it was built with
 * (by hash, so an injected one does not run), no framing by other sites (clickjacking a vote),
 * no plugins, forms and base only to itself.
 */
export function shellPolicy(html: string): string {
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${inline.join(' ')}`.trim(),
    // Taro and NutUI set style attributes from script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        // A chunked body declares no length: it is found too large while it arrives. The rest is
        // read and dropped so the 413 reaches the client instead of a reset connection.
        over = true;
        chunks.length = 0;
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The local host: the same function handlers the cloud runs, over `POST /api/<function>`,
 * plus the built H5 app and the dev persona list. It answers only envelopes on /api, never
 * a stack trace.
 */
export function createHost(opts: HostOptions): http.Server & { runTimers: () => ReturnType<typeof tick> } {
  const dispatchers = new Map(Object.entries(opts.functions).map(([name, def]) => [name, createDispatcher(def)]));
  const staticRoot = opts.staticDir ? resolve(opts.staticDir) : undefined;
  const notifier = new OutboxNotifier(opts.store, () => opts.clock.now());
  const contentCheck = new KeywordCheck();
  // Set once listening: only a loopback host honours dev personas (see 'listening' below).
  let personasOn = false;
  // Codes point at this host, whatever port it ended up on.
  let base = opts.publicBase ?? 'http://127.0.0.1:10086';
  const codeMaker = new QrCodeMaker(() => base);
  const phones = new DevPhoneNumbers();

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, fn: string): Promise<void> {
    const started = process.hrtime.bigint();
    if (req.method !== 'POST') {
      sendError(res, 405, 'INVALID_ARGUMENT', '请使用 POST 调用接口。');
      return;
    }
    const dispatch = dispatchers.get(fn);
    if (!dispatch) {
      sendError(res, 404, 'NOT_FOUND', `没有名为“${fn.slice(0, 40)}”的功能，请更新小程序后再试。`);
      return;
    }
    let raw: string;
    try {
      raw = (await readBody(req)).toString('utf8');
    } catch (e) {
      if (e instanceof TooLarge) {
        res.setHeader('connection', 'close');
        sendError(res, 413, 'PAYLOAD_TOO_LARGE', `提交的内容太大（上限 ${MAX_BODY_BYTES / 1024} KB），请精简后再试。`);
      }
      return;
    }
    let event: unknown;
    try {
      event = JSON.parse(raw);
    } catch {
      sendError(res, 400, 'INVALID_ARGUMENT', '请求内容不是有效的 JSON。');
      return;
    }
    const persona = personasOn ? req.headers[PERSONA_HEADER] : undefined;
    const caller = await callerFor(opts.store, Array.isArray(persona) ? persona[0] : persona);
    const envelope = await dispatch(event, {
      store: opts.store,
      clock: opts.clock,
      caller,
      idKey: opts.idKey,
      signingKey: opts.signingKey,
      files: opts.files,
      notifier,
      contentCheck,
      codeMaker,
      // A number typed into the H5 demo field stands for WeChat's check, like a persona does.
      ...(personasOn ? { phones } : {}),
    });
    // Business failures are still answered 200, as a cloud function would: the envelope says.
    // Server-Timing carries the time spent here (body, caller, handler, serialising excluded):
    // browser devtools show it, and `npm run bench` reads it as the server's share of a request.
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const timing = { 'server-timing': `app;dur=${ms.toFixed(3)}` };
    const text = JSON.stringify(envelope);
    // A quarter's list or a month's rows run to several KB; on a village's mobile signal gzip
    // cuts them to a fifth. Small answers go as they are: compressing them gains nothing.
    if (text.length >= API_GZIP_MIN && acceptedEncodings(req.headers['accept-encoding']).has('gzip')) {
      const body = await gzipAsync(text, { level: 6 });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': 'no-store', vary: 'Accept-Encoding', ...timing });
      res.end(body);
      return;
    }
    sendJson(res, 200, envelope, { ...timing, vary: 'Accept-Encoding' });
  }

  /** The scheduler's tick with no caller, as the platform's timer runs it. */
  function runTimers() {
    return tick({ store: opts.store, clock: opts.clock, caller: { openid: null }, idKey: opts.idKey, signingKey: opts.signingKey, files: opts.files, notifier, contentCheck, codeMaker });
  }

  /**
   * Storage's incoming folder, as a phone's upload reaches it: `POST /upload/<village>/<purpose>`
   * with the bytes as the body. The storage rules in production let a phone write there and
   * nowhere else; here the same size and type rules as the function's are applied before the
   * file is kept, so a refused file is refused at once. The answer is the file id to call with.
   */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, rest: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'INVALID_ARGUMENT', '请使用 POST 上传文件。');
    const [villageId, purpose, extra] = rest.split('/');
    if (extra !== undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(villageId ?? '') || !INCOMING_PURPOSES.includes(purpose as IncomingPurpose)) {
      return sendError(res, 404, 'NOT_FOUND', '上传地址不正确。');
    }
    const rule = INCOMING[purpose as IncomingPurpose];
    let bytes: Buffer;
    try {
      bytes = await readBody(req, rule.maxBytes);
    } catch (e) {
      if (e instanceof TooLarge) {
        res.setHeader('connection', 'close');
        return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `文件太大，不能超过 ${rule.maxBytes / MB} MB，请压缩后再传。`);
      }
      return;
    }
    const refusal = refusalOf(purpose as IncomingPurpose, bytes);
    if (refusal) return sendError(res, 400, 'INVALID_ARGUMENT', refusal);
    const path = `incoming/${villageId}/${purpose}/${randomBytes(12).toString('hex')}.${sniff(bytes)}`;
    const fileId = await opts.files.put(path, bytes);
    sendJson(res, 200, { ok: true, data: { fileId } });
  }

  /** Attachments, as cloud storage would hand them out: by id, never a directory listing. */
  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, id: string): void {
    let file: string | null = null;
    try {
      const decoded = decodeURIComponent(id);
      // Uploads not yet taken (a roster with ID numbers in clear, a photo with its GPS) are the
      // functions' to read, no one else's: storage's rules deny phones any read.
      file = decoded.startsWith('incoming/') ? null : opts.files.fileOf(decoded);
    } catch {
      file = null;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      sendNotFound(res);
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  // Built files by absolute path; see StaticEntry.
  const staticCache = new Map<string, StaticEntry>();
  let staticCacheBytes = 0;
  // One brotli job at a time: each holds a libuv pool thread for up to a second, and the pool
  // (four threads) also reads the files every other request is waiting for.
  let brotliQueue: Promise<void> = Promise.resolve();

  /** The file a path names inside the built app, or the app shell for a page path; else null. */
  async function resolveStatic(root: string, pathname: string): Promise<string | null> {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (rel.includes('\0')) return null;
    const file = normalize(join(root, rel));
    const inside = file === root || file.startsWith(root + sep);
    if (inside && (await isFile(file))) return file;
    // Browser-mode routing: any page path falls back to the app shell.
    const shell = join(root, 'index.html');
    if (!extname(rel) && (await isFile(shell))) return shell;
    return null;
  }

  async function loadStatic(file: string): Promise<StaticEntry> {
    const info = await stat(file);
    const known = staticCache.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    const raw = await readFile(file);
    const entry: StaticEntry = { mtimeMs: info.mtimeMs, size: raw.length, raw };
    if (known) staticCacheBytes -= known.raw.length;
    if (staticCacheBytes + raw.length > STATIC_CACHE_BYTES) {
      staticCache.clear();
      staticCacheBytes = 0;
    }
    staticCache.set(file, entry);
    staticCacheBytes += raw.length;
    return entry;
  }

  function queueBrotli(entry: StaticEntry): void {
    if (entry.brQueued) return;
    entry.brQueued = true;
    brotliQueue = brotliQueue.then(async () => {
      try {
        const out = await brotliAsync(entry.raw, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
            [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.raw.length,
          },
        });
        entry.br = out.length < entry.raw.length ? out : null;
      } catch {
        entry.br = null;
      }
    });
  }

  /** The best representation this request accepts that is ready now; gzip is waited for. */
  async function pickEncoding(entry: StaticEntry, accept: string | string[] | undefined): Promise<{ encoding: Encoding | null; body: Buffer }> {
    const accepted = acceptedEncodings(accept);
    const br = accepted.get('br') ?? 0;
    const gz = accepted.get('gzip') ?? 0;
    if (br > 0) queueBrotli(entry);
    if (br > 0 && br >= gz && entry.br) return { encoding: 'br', body: entry.br };
    if (gz > 0) {
      entry.gzip ??= gzipAsync(entry.raw, { level: 9 }).then(
        (out) => (out.length < entry.raw.length ? out : null),
        () => null,
      );
      const out = await entry.gzip;
      if (out) return { encoding: 'gzip', body: out };
    }
    if (br > 0 && entry.br) return { encoding: 'br', body: entry.br };
    return { encoding: null, body: entry.raw };
  }

  /**
   * The built H5 app. index.html is revalidated on every visit (no-cache, answered 304 when
   * unchanged) so a new build is picked up at once; the hashed files it names are immutable.
   * Text is sent compressed when the browser accepts it: the village home's scripts cross a
   * phone's connection in about a quarter of their bytes that way.
   */
  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (!staticRoot) {
      sendError(res, 404, 'NOT_FOUND', '页面不存在。');
      return;
    }
    const target = await resolveStatic(staticRoot, pathname);
    if (!target) {
      sendNotFound(res);
      return;
    }
    let entry: StaticEntry;
    try {
      entry = await loadStatic(target);
    } catch {
      // Removed between finding and reading it: a rebuild is replacing the app.
      sendNotFound(res);
      return;
    }
    const ext = extname(target);
    const name = basename(target);
    const compressible = COMPRESSIBLE.has(ext);
    const chosen = compressible ? await pickEncoding(entry, req.headers['accept-encoding']) : { encoding: null, body: entry.raw };
    if (ext === '.html') entry.csp ??= shellPolicy(entry.raw.toString('utf8'));
    const validators: http.OutgoingHttpHeaders = {
      'cache-control': name === 'index.html' ? 'no-cache' : HASHED_NAME.test(name) ? IMMUTABLE : 'public, max-age=3600',
      etag: etagOf(entry, chosen.encoding),
      // Whatever is sent, a shared cache must not hand it to a browser that asked differently.
      ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    };
    if (matchesEtag(req.headers['if-none-match'], validators.etag as string)) {
      res.writeHead(304, validators);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...validators,
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-length': chosen.body.length,
      ...(entry.csp ? { 'content-security-policy': entry.csp, 'x-frame-options': 'DENY' } : {}),
      ...(chosen.encoding ? { 'content-encoding': chosen.encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : chosen.body);
  }

  const server = http.createServer((req, res) => {
    let path = '/';
    // Whatever is answered, a browser must take it as the type it says it is.
    res.setHeader('x-content-type-options', 'nosniff');
    const done = (async () => {
      // Only this machine may talk to the host: a page on another site that rebinds its DNS name
      // to 127.0.0.1 still sends its own Host header, and is turned away.
      if (!LOCAL_HOSTS.has(hostNameOf(req.headers.host))) return sendError(res, 403, 'PERMISSION_DENIED', '只接受本机访问。');
      try {
        path = new URL(req.url ?? '/', 'http://localhost').pathname;
      } catch {
        return sendError(res, 400, 'INVALID_ARGUMENT', '请求地址不正确。');
      }
      if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length));
      if (path.startsWith('/upload/')) return handleUpload(req, res, path.slice('/upload/'.length));
      // Nothing under /dev/ exists on a host reachable from elsewhere (not even the app shell).
      if (path.startsWith('/dev/') && !personasOn) return sendNotFound(res);
      if (path === '/dev/personas' && req.method === 'GET') {
        const personas = await listPersonas(opts.store);
        return sendJson(res, 200, {
          ok: true,
          data: personas.map((p) => ({ id: p._id, label: p.label, villageId: p.villageId })),
        });
      }
      if (path === '/healthz') return sendJson(res, 200, { ok: true, data: { status: 'up' } });
      // What the hourly timer does in production, on demand: for demos and browser tests.
      if (path === '/dev/tick' && req.method === 'POST') return sendJson(res, 200, { ok: true, data: await runTimers() });
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'INVALID_ARGUMENT', '不支持该请求方式。');
      if (path.startsWith('/files/')) return serveFile(req, res, path.slice('/files/'.length));
      return serveStatic(req, res, path);
    })();
    done.catch((e: unknown) => {
      console.error(JSON.stringify({ level: 'error', path, error: e instanceof Error ? e.message : String(e) }));
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', '系统出了点问题，请稍后再试。');
      else res.end();
    });
  });
  server.on('listening', () => {
    const addr = server.address();
    // Dev personas let anyone act as anyone: only on a host that nothing but this machine reaches.
    personasOn = !!addr && typeof addr === 'object' && LOOPBACK.has(addr.address);
    if (!opts.publicBase && addr && typeof addr === 'object') base = `http://127.0.0.1:${addr.port}`;
  });
  return Object.assign(server, { runTimers });
}
