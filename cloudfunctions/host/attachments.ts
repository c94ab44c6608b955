import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type http from 'node:http';
import { extname } from 'node:path';
import { INCOMING, INCOMING_PURPOSES, MB, refusalOf, sniff, type IncomingPurpose } from '../core/attachments/incoming';
import type { DiskFiles } from '../adapters/local/disk-files';
import { readBody, sendError, sendJson, sendNotFound, TooLarge } from './http';
import { MIME } from './mime';

/**
 * Storage's incoming folder, as a phone's upload reaches it: `POST /upload/<village>/<purpose>`
 * with the bytes as the body. The storage rules in production let a phone write there and
 * nowhere else; here the same size and type rules as the function's are applied before the
 * file is kept, so a refused file is refused at once. The answer is the file id to call with.
 */
export async function handleUpload(files: DiskFiles, req: http.IncomingMessage, res: http.ServerResponse, rest: string): Promise<void> {
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
  const fileId = await files.put(path, bytes);
  sendJson(res, 200, { ok: true, data: { fileId } });
}

/** Attachments, as cloud storage would hand them out: by id, never a directory listing. */
export function serveFile(files: DiskFiles, req: http.IncomingMessage, res: http.ServerResponse, id: string): void {
  let file: string | null = null;
  try {
    const decoded = decodeURIComponent(id);
    // Uploads not yet taken (a roster with ID numbers in clear, a photo with its GPS) are the
    // functions' to read, no one else's: storage's rules deny phones any read.
    file = decoded.startsWith('incoming/') ? null : files.fileOf(decoded);
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
