/**
 * CloudBase at the network edge: an HTTP server that answers the requests @cloudbase/node-sdk
 * sends to `https://<env>.<region>.tcb-api.tencentcloudapi.com/admin` (database, storage and
 * WeChat open-API actions), plus the storage bucket its upload and download URLs point at.
 * The SDK is pointed here the way the platform points it in a function — TCB_CONTEXT_CNFG.URL —
 * so the adapter's code and the SDK run unchanged. Every answer waits `latencyMs` first: a
 * round trip to the database is what costs time in a cloud function.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EJSON } from 'bson';
import QRCode from 'qrcode';
import { CloudBaseError, EmulatedDatabase } from './store';

type Obj = Record<string, unknown>;

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Obj;
}

export interface EmulatorOptions {
  /** Collections that exist from the start (the deploy plan creates them in production). */
  collections: string[];
  /** Milliseconds each API request waits before it is answered. Default 8. */
  latencyMs?: number;
  envId?: string;
  /** phonenumber.getPhoneNumber: the number WeChat verified for each code the phone sends. */
  phoneCodes?: Record<string, string>;
  /** security.msgSecCheck answers `risky` for text containing any of these. */
  riskyWords?: string[];
}

export interface CloudBaseEmulator {
  readonly url: string;
  readonly envId: string;
  readonly db: EmulatedDatabase;
  latencyMs: number;
  /** Requests answered, by action (database.getDocument, wx.api:/wxa/msg_sec_check …). */
  readonly requests: Map<string, number>;
  readonly sent: SentMessage[];
  readonly files: Map<string, Buffer>;
  /**
   * A phone's `wx.cloud.uploadFile({ cloudPath, filePath })`: the storage rules (docs/deploy.md)
   * let a phone write under incoming/ only; the answer is the fileID the phone then calls with.
   */
  phoneUpload(cloudPath: string, bytes: Buffer): string;
  requestCount(): number;
  stop(): Promise<void>;
}

const BUCKET = 'emu-bucket';

function decode(text: unknown): Obj {
  if (typeof text !== 'string' || text === '') return {};
  return EJSON.parse(text, { relaxed: true }) as Obj;
}

const encode = (doc: Obj) => EJSON.stringify(doc, { relaxed: false });

function idOf(query: Obj): string {
  const id = query._id;
  if (typeof id !== 'string') throw new CloudBaseError('INVALID_PARAM', 'document query needs a string _id');
  return id;
}

export async function startCloudBaseEmulator(opts: EmulatorOptions): Promise<CloudBaseEmulator> {
  const envId = opts.envId ?? 'emu-env-1';
  const db = new EmulatedDatabase();
  for (const c of opts.collections) db.createCollection(c);
  const requests = new Map<string, number>();
  const sent: SentMessage[] = [];
  const files = new Map<string, Buffer>();
  let base = '';
  let seq = 0;

  async function database(action: string, p: Obj): Promise<Obj> {
    const coll = String(p.collectionName ?? '');
    const txId = typeof p.transactionId === 'string' ? p.transactionId : undefined;
    const query = decode(p.query);
    switch (action) {
      case 'database.startTransaction':
        return { transactionId: db.startTransaction() };
      case 'database.commitTransaction':
        db.commit(String(p.transactionId));
        return {};
      case 'database.abortTransaction':
        db.abort(String(p.transactionId));
        return {};
      case 'database.addCollection':
        if (db.collectionNames().includes(coll)) throw new CloudBaseError('DATABASE_COLLECTION_ALREADY_EXIST', `${coll} exists`);
        db.createCollection(coll);
        return {};
      case 'database.getDocument': {
        const list =
          p.queryType === 'DOC'
            ? [db.getById(coll, idOf(query), txId)].filter((d): d is Obj => d !== null)
            : db.find(coll, query, { order: decode(p.order), offset: Number(p.offset ?? 0), limit: Number(p.limit ?? 0), txId });
        return { data: { list: list.map(encode) } };
      }
      case 'database.calculateDocument':
        return { data: { total: db.count(coll, query) } };
      case 'database.insertDocument': {
        const docs = (Array.isArray(p.data) ? p.data : []).map(decode);
        return { data: { insertedIds: await db.insert(coll, docs, txId) } };
      }
      case 'database.modifyDocument': {
        const data = decode(p.data);
        if (p.queryType === 'DOC') {
          const res = await db.modifyById(coll, idOf(query), data, { merge: p.merge === true, upsert: p.upsert === true, txId });
          return { data: { updated: res.updated, upsert_id: res.upsertId } };
        }
        return { data: { updated: await db.modifyWhere(coll, query, data, p.multi === true) } };
      }
      case 'database.removeDocument':
        if (p.queryType === 'DOC') return { data: { deleted: await db.removeById(coll, idOf(query), txId) } };
        return { data: { deleted: await db.removeWhere(coll, query, p.multi === true) } };
      default:
        throw new CloudBaseError('INVALID_ACTION', `the emulator does not answer ${action}`);
    }
  }

  /** callWxOpenApi (`wx.api`): a JSON request, a JSON answer in `responseData`. */
  function wxApi(apiName: string, requestData: Obj): Obj {
    switch (apiName) {
      case '/wxa/msg_sec_check': {
        const text = String(requestData.content ?? '');
        const risky = (opts.riskyWords ?? []).some((w) => text.includes(w));
        return { errcode: 0, errmsg: 'ok', result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20001 : 100 } };
      }
      case '/cgi-bin/message/subscribe/send':
        sent.push(requestData as unknown as SentMessage);
        return { errcode: 0, errmsg: 'ok' };
      case '/wxa/business/getuserphonenumber': {
        const phone = opts.phoneCodes?.[String(requestData.code ?? '')];
        if (!phone) return { errcode: 40029, errmsg: 'invalid code' };
        return { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' } };
      }
      default:
        return { errcode: -1, errmsg: `the emulator does not answer ${apiName}` };
    }
  }

  async function storage(action: string, p: Obj): Promise<Obj> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const path = String(p.path ?? '');
        return {
          data: {
            url: `${base}/cos/${encodeURIComponent(path)}`,
            token: 'emu-token',
            authorization: 'emu-auth',
            fileId: `cloud://${envId}.${BUCKET}/${path}`,
            cosFileId: `emu-${path}`,
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = (p.file_list as { fileid: string }[]) ?? [];
        return {
          data: {
            download_list: list.map(({ fileid }) => {
              const path = pathOf(fileid);
              return path !== null && files.has(path)
                ? // Unencoded, as the real service answers: the SDK's downloadFile runs encodeURI on it.
                  { fileID: fileid, tempFileURL: `${base}/files/${path}`, code: 'SUCCESS' }
                : { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
            }),
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const list = (p.fileid_list as string[]) ?? [];
        return {
          data: {
            delete_list: list.map((fileID) => {
              const path = pathOf(fileID);
              const ok = path !== null && files.delete(path);
              return { fileID, code: ok ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
            }),
          },
        };
      }
      default:
        throw new CloudBaseError('INVALID_ACTION', `the emulator does not answer ${action}`);
    }
  }

  function pathOf(fileID: string): string | null {
    const prefix = `cloud://${envId}.${BUCKET}/`;
    return fileID.startsWith(prefix) ? fileID.slice(prefix.length) : null;
  }

  function count(key: string) {
    requests.set(key, (requests.get(key) ?? 0) + 1);
  }

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const body = await readBody(req);
    if (emulator.latencyMs > 0) await new Promise((r) => setTimeout(r, emulator.latencyMs));
    if (url.pathname.startsWith('/cos/') && req.method === 'PUT') {
      files.set(decodeURIComponent(url.pathname.slice(5)), body);
      count('cos.put');
      res.writeHead(200).end('');
      return;
    }
    if (url.pathname.startsWith('/files/') && req.method === 'GET') {
      const bytes = files.get(decodeURIComponent(url.pathname.slice(7)));
      count('cos.get');
      if (!bytes) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
      return;
    }
    const requestId = `emu-req-${++seq}`;
    const json = (status: number, out: Obj) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ...out, requestId }));
    };
    if (url.pathname !== '/admin' || req.method !== 'POST') {
      json(404, { code: 'INVALID_ACTION', message: 'not found' });
      return;
    }
    try {
      const type = String(req.headers['content-type'] ?? '');
      if (type.startsWith('multipart/form-data')) {
        // callCompatibleWxOpenApi: form fields in, raw bytes out (an image) or JSON on error.
        const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
        const apiName = String(form.get('apiName') ?? '');
        const data = form.get('requestData');
        const request = JSON.parse(typeof data === 'string' ? data : Buffer.from(await (data as Blob).arrayBuffer()).toString('utf8')) as Obj;
        count(`wx.openApi:${apiName}`);
        if (apiName === '/wxa/getwxacodeunlimit') {
          const png = await QRCode.toBuffer(`mp://${String(request.page ?? '')}?scene=${String(request.scene ?? '')}`, { width: Number(request.width ?? 430) });
          res.writeHead(200, { 'content-type': 'image/png' }).end(png);
          return;
        }
        res
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ errcode: -1, errmsg: `the emulator does not answer ${apiName}` }));
        return;
      }
      const p = JSON.parse(body.toString('utf8') || '{}') as Obj;
      const action = String(p.action ?? '');
      if (action === 'wx.api') {
        const apiName = String(p.apiName ?? '');
        count(`wx.api:${apiName}`);
        const out = wxApi(apiName, decodeJsonText(p.requestData));
        json(200, { data: { responseData: JSON.stringify(out) } });
        return;
      }
      count(action);
      if (action.startsWith('database.')) json(200, await database(action, p));
      else if (action.startsWith('storage.')) json(200, await storage(action, p));
      else throw new CloudBaseError('INVALID_ACTION', `the emulator does not answer ${action}`);
    } catch (e) {
      if (e instanceof CloudBaseError) json(200, { code: e.code, message: e.message });
      else json(200, { code: 'SYS_ERR', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const server = http.createServer((req, res) => {
    answer(req, res).catch((e: unknown) => {
      // A fault of the emulator itself: say so loudly rather than drop the connection.
      console.error('CloudBase emulator failed to answer', req.url, e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'SYS_ERR', message: 'emulator fault' }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const emulator: CloudBaseEmulator = {
    url: `${base}/admin`,
    envId,
    db,
    latencyMs: opts.latencyMs ?? 8,
    requests,
    sent,
    files,
    phoneUpload(cloudPath, bytes) {
      if (!cloudPath.startsWith('incoming/')) throw new Error('storage rules refuse a phone writing outside incoming/');
      files.set(cloudPath, bytes);
      return `cloud://${envId}.${BUCKET}/${cloudPath}`;
    },
    requestCount: () => [...requests.values()].reduce((a, b) => a + b, 0),
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return emulator;
}

function decodeJsonText(text: unknown): Obj {
  if (typeof text !== 'string' || !text) return {};
  try {
    return JSON.parse(text) as Obj;
  } catch {
    return {};
  }
}
