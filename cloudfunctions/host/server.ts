import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Envelope } from '../../types/errors';
import { createDispatcher, type ActionMap, type FunctionDef } from '../core/shared/dispatch';
import { tick } from '../core/scheduler';
import { DiskFiles } from '../adapters/local/disk-files';
import { KeywordCheck } from '../adapters/local/keyword-check';
import { QrCodeMaker } from '../adapters/local/qr-code-maker';
import { OutboxNotifier } from '../adapters/local/outbox-notifier';
import type { Clock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import { callerFor, listPersonas, PERSONA_HEADER } from './personas';

/** Room for a roster file sent as base64 (the roster schema caps it lower); nothing larger. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface HostOptions {
  store: DocStore;
  clock: Clock;
  functions: Record<string, FunctionDef<ActionMap>>;
  idKey: string;
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
};

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

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Envelope<never> | object);
}

class TooLarge extends Error {}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
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
  // Codes point at this host, whatever port it ended up on.
  let base = opts.publicBase ?? 'http://127.0.0.1:10086';
  const codeMaker = new QrCodeMaker(() => base);

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
      raw = await readBody(req);
    } catch (e) {
      if (e instanceof TooLarge) {
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
    const persona = req.headers[PERSONA_HEADER];
    const caller = await callerFor(opts.store, Array.isArray(persona) ? persona[0] : persona);
    const envelope = await dispatch(event, {
      store: opts.store,
      clock: opts.clock,
      caller,
      idKey: opts.idKey,
      files: opts.files,
      notifier,
      contentCheck,
      codeMaker,
    });
    // Business failures are still answered 200, as a cloud function would: the envelope says.
    // Server-Timing carries the time spent here (body, caller, handler, serialising excluded):
    // browser devtools show it, and `npm run bench` reads it as the server's share of a request.
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    sendJson(res, 200, envelope, { 'server-timing': `app;dur=${ms.toFixed(3)}` });
  }

  /** The scheduler's tick with no caller, as the platform's timer runs it. */
  function runTimers() {
    return tick({ store: opts.store, clock: opts.clock, caller: { openid: null }, idKey: opts.idKey, files: opts.files, notifier, contentCheck, codeMaker });
  }

  /** Attachments, as cloud storage would hand them out: by id, never a directory listing. */
  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, id: string): void {
    let file: string | null = null;
    try {
      file = opts.files.pathOf(decodeURIComponent(id));
    } catch {
      file = null;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('未找到该文件');
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

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (!staticRoot) {
      sendError(res, 404, 'NOT_FOUND', '页面不存在。');
      return;
    }
    const file = normalize(join(staticRoot, decodeURIComponent(pathname)));
    const inside = file === staticRoot || file.startsWith(staticRoot + sep);
    let target = inside && existsSync(file) && statSync(file).isFile() ? file : null;
    // Browser-mode routing: any page path falls back to the app shell.
    if (!target && !extname(pathname)) target = join(staticRoot, 'index.html');
    if (!target || !existsSync(target)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('未找到该文件');
      return;
    }
    const type = MIME[extname(target)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  }

  const server = http.createServer((req, res) => {
    let path = '/';
    const done = (async () => {
      // Only this machine may talk to the host: a page on another site that rebinds its DNS name
      // to 127.0.0.1 still sends its own Host header, and is turned away.
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (!LOCAL_HOSTS.has(host)) return sendError(res, 403, 'PERMISSION_DENIED', '只接受本机访问。');
      try {
        path = new URL(req.url ?? '/', 'http://localhost').pathname;
      } catch {
        return sendError(res, 400, 'INVALID_ARGUMENT', '请求地址不正确。');
      }
      if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length));
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
    if (!opts.publicBase && addr && typeof addr === 'object') base = `http://127.0.0.1:${addr.port}`;
  });
  return Object.assign(server, { runTimers });
}
