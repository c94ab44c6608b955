import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type http from 'node:http';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants } from 'node:zlib';
import { acceptedEncodings, gzipAsync, sendError, sendNotFound, type Encoding } from './http';
import { MIME } from './mime';

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

/** Built files by absolute path, with their compressed forms; see StaticEntry. One per host. */
class StaticCache {
  private readonly entries = new Map<string, StaticEntry>();
  private bytes = 0;
  // One brotli job at a time: each holds a libuv pool thread for up to a second, and the pool
  // (four threads) also reads the files every other request is waiting for.
  private brotliQueue: Promise<void> = Promise.resolve();

  async load(file: string): Promise<StaticEntry> {
    const info = await stat(file);
    const known = this.entries.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    const raw = await readFile(file);
    const entry: StaticEntry = { mtimeMs: info.mtimeMs, size: raw.length, raw };
    if (known) this.bytes -= known.raw.length;
    if (this.bytes + raw.length > STATIC_CACHE_BYTES) {
      this.entries.clear();
      this.bytes = 0;
    }
    this.entries.set(file, entry);
    this.bytes += raw.length;
    return entry;
  }

  private queueBrotli(entry: StaticEntry): void {
    if (entry.brQueued) return;
    entry.brQueued = true;
    this.brotliQueue = this.brotliQueue.then(async () => {
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
  async pickEncoding(entry: StaticEntry, accept: string | string[] | undefined): Promise<{ encoding: Encoding | null; body: Buffer }> {
    const accepted = acceptedEncodings(accept);
    const br = accepted.get('br') ?? 0;
    const gz = accepted.get('gzip') ?? 0;
    if (br > 0) this.queueBrotli(entry);
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
}

export type ServeStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => Promise<void>;

/**
 * The built H5 app. index.html is revalidated on every visit (no-cache, answered 304 when
 * unchanged) so a new build is picked up at once; the hashed files it names are immutable.
 * Text is sent compressed when the browser accepts it: the village home's scripts cross a
 * phone's connection in about a quarter of their bytes that way.
 */
export function createStaticServer(staticDir: string | undefined): ServeStatic {
  const staticRoot = staticDir ? resolve(staticDir) : undefined;
  const cache = new StaticCache();
  return async function serveStatic(req, res, pathname) {
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
      entry = await cache.load(target);
    } catch {
      // Removed between finding and reading it: a rebuild is replacing the app.
      sendNotFound(res);
      return;
    }
    const ext = extname(target);
    const name = basename(target);
    const compressible = COMPRESSIBLE.has(ext);
    const chosen = compressible ? await cache.pickEncoding(entry, req.headers['accept-encoding']) : { encoding: null, body: entry.raw };
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
  };
}
