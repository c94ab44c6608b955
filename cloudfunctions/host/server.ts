import http from 'node:http';
import { createDispatcher, type ActionMap, type FunctionDef } from '../core/shared/dispatch';
import { tick } from '../core/scheduler';
import type { DiskFiles } from '../adapters/local/disk-files';
import { KeywordCheck } from '../adapters/local/keyword-check';
import { QrCodeMaker } from '../adapters/local/qr-code-maker';
import { OutboxNotifier } from '../adapters/local/outbox-notifier';
import { DevPhoneNumbers } from '../adapters/local/dev-phone-numbers';
import type { Clock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import { handleApi, type ApiContext } from './api';
import { handleUpload, serveFile } from './attachments';
import { sendError, sendJson, sendNotFound } from './http';
import { listPersonas } from './personas';
import { createStaticServer } from './static';

// What tests and scripts have always imported from here.
export { acceptedEncodings, MAX_BODY_BYTES } from './http';
export { shellPolicy } from './static';

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
 * The local host: the same function handlers the cloud runs, over `POST /api/<function>`,
 * plus the built H5 app and the dev persona list. It answers only envelopes on /api, never
 * a stack trace.
 */
export function createHost(opts: HostOptions): http.Server & { runTimers: () => ReturnType<typeof tick> } {
  // Set once listening: only a loopback host honours dev personas (see 'listening' below).
  let personasOn = false;
  // Codes point at this host, whatever port it ended up on.
  let base = opts.publicBase ?? 'http://127.0.0.1:10086';
  const api: ApiContext = {
    dispatchers: new Map(Object.entries(opts.functions).map(([name, def]) => [name, createDispatcher(def)])),
    ports: {
      store: opts.store,
      clock: opts.clock,
      idKey: opts.idKey,
      signingKey: opts.signingKey,
      files: opts.files,
      notifier: new OutboxNotifier(opts.store, () => opts.clock.now()),
      contentCheck: new KeywordCheck(),
      codeMaker: new QrCodeMaker(() => base),
    },
    phones: new DevPhoneNumbers(),
    personasOn: () => personasOn,
  };
  const serveStatic = createStaticServer(opts.staticDir);

  /** The scheduler's tick with no caller, as the platform's timer runs it. */
  function runTimers() {
    return tick({ ...api.ports, caller: { openid: null } });
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
      if (path.startsWith('/api/')) return handleApi(api, req, res, path.slice('/api/'.length));
      if (path.startsWith('/upload/')) return handleUpload(opts.files, req, res, path.slice('/upload/'.length));
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
      if (path.startsWith('/files/')) return serveFile(opts.files, req, res, path.slice('/files/'.length));
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
