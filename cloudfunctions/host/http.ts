import type http from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Envelope } from '../../types/errors';

/**
 * A function call's body, as CloudBase takes it: 100 KB. Files never travel in a call; they go
 * to /upload (storage, in production) and the call carries the id. A call over this is refused
 * here as the cloud would refuse it, so a page that sends a file inline fails in every test.
 */
export const MAX_BODY_BYTES = 100 * 1024;

export const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/**
 * Accept-Encoding's acceptable codings with their weights: q=0 means "not this one", and `*`
 * stands for any coding not named.
 */
export function acceptedEncodings(header: string | string[] | undefined): Map<Encoding, number> {
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
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

export function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Envelope<never> | object);
}

export function sendNotFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('未找到该文件');
}

export class TooLarge extends Error {}

export function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
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
