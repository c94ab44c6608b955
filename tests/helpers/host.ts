import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFiles } from '../../cloudfunctions/adapters/local/disk-files';
import { SqliteDocStore } from '../../cloudfunctions/adapters/local/sqlite-docstore';
import { INDEXES } from '../../cloudfunctions/core/collections';
import { functions } from '../../cloudfunctions/functions/registry';
import { seedDemo } from '../../cloudfunctions/host/seed';
import { createHost } from '../../cloudfunctions/host/server';
import { MovableClock } from '../../cloudfunctions/ports/clock';
import { startedForTests } from './for-tests';

export const TEST_ID_KEY = 'test-id-hash-key';
/** The audit signing key of every test host (never in its database, as in production). */
export const TEST_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
/**
 * An ID number standing on its own. Letters and digits around a run mean it is part of a longer
 * token, such as a SHA-256 digest in the audit list, whose hex digits can line up 18 in a row.
 */
const FULL_ID = /(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/;

/** Which storage folder each action that takes a file reads from. */
export const UPLOAD_PURPOSE: Record<string, string> = {
  'roster.previewImport': 'roster',
  'roster.commitImport': 'roster',
  'roster.requestApproval': 'roster',
  'finance.previewImport': 'ledger',
  'finance.commitImport': 'ledger',
  'assets.previewImport': 'assets',
  'assets.commitImport': 'assets',
  'disclosure.upload': 'attachment',
  'tickets.upload': 'photo',
};

export interface TestHost {
  url: string;
  store: SqliteDocStore;
  clock: MovableClock;
  dbFile: string;
  /** The folder the host keeps files in (storage, locally). */
  filesDir: string;
  /** POST /api/<fn> with `{ action, data }`, as the H5 app does. */
  call(fn: string, action: string, data?: unknown, persona?: string): Promise<{ status: number; body: any }>;
  post(path: string, body: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** POST /upload/<village>/<purpose>: the file into storage's incoming folder, as a phone sends it. */
  upload(villageId: string, purpose: string, bytes: Buffer, persona?: string): Promise<{ status: number; body: any }>;
  /**
   * A call as the app's services make it: an action that takes a file has the file uploaded first
   * and is called with its id. `data` carries the bytes as `fileBase64` (roster, ledger) or
   * `dataBase64` (attachments, photos); the call is made with `fileId` in their place. A refused
   * upload is answered as the upload's refusal. Any other action is a plain call.
   */
  send(fn: string, action: string, data?: unknown, persona?: string): Promise<{ status: number; body: any }>;
  /**
   * A `send` that has to succeed, as a test's own setup does: the answer's data. A refusal throws
   * there, naming the call and the error, so a setup step gone wrong does not read as a later
   * expectation failing.
   */
  ok(fn: string, action: string, data?: unknown, persona?: string): Promise<any>;
  stop(): Promise<void>;
}

/**
 * The real local host on a free port, over a fresh SQLite file seeded with the demo township —
 * or, with `copyOf`, over a copy of another test host's data (two worlds that part from there).
 */
export async function startTestHost(opts: { seed?: boolean; now?: Date; copyOf?: TestHost } = {}): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'sv-host-'));
  const dbFile = join(dir, 'test.db');
  if (opts.copyOf) {
    opts.copyOf.store.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(opts.copyOf.dbFile, dbFile);
  }
  const store = new SqliteDocStore(dbFile, INDEXES);
  const clock = new MovableClock(opts.now ?? opts.copyOf?.clock.now() ?? new Date('2026-11-23T02:00:00Z'));
  if (opts.seed !== false && !opts.copyOf) await seedDemo(store, clock.now(), TEST_ID_KEY);
  const server = createHost({ store, clock, functions, idKey: TEST_ID_KEY, signingKey: TEST_SIGNING_KEY, files: new DiskFiles(join(dir, 'files')) });
  const filesDir = join(dir, 'files');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function post(path: string, body: string, headers: Record<string, string> = {}) {
    const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    // ID numbers are never returned in clear, by any function: every response of every
    // function test passes through here.
    const leaked = FULL_ID.exec(text);
    if (leaked) throw new Error(`response to ${path} contains an 18-digit ID number: ${leaked[0]}`);
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // leave as text: a test asserting JSON will say so
    }
    return { status: res.status, body: parsed };
  }

  const call = (fn: string, action: string, data?: unknown, persona?: string) =>
    post(`/api/${fn}`, JSON.stringify({ action, data }), persona ? { 'x-dev-persona': persona } : {});

  async function upload(villageId: string, purpose: string, bytes: Buffer, persona?: string) {
    const res = await fetch(`${url}/upload/${villageId}/${purpose}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(persona ? { 'x-dev-persona': persona } : {}) },
      body: new Uint8Array(bytes),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      throw new Error(`upload answered ${res.status} with ${JSON.stringify(text.slice(0, 200))}`);
    }
  }

  const send: TestHost['send'] = async (fn, action, data, persona) => {
    const purpose = UPLOAD_PURPOSE[`${fn}.${action}`];
    const { fileBase64, dataBase64, ...rest } = (data && typeof data === 'object' ? data : {}) as {
      fileBase64?: unknown;
      dataBase64?: unknown;
      villageId?: unknown;
    };
    const bytes = fileBase64 ?? dataBase64;
    // Nothing a phone could upload: the call goes as it is (and its schema answers).
    if (!purpose || typeof bytes !== 'string' || typeof rest.villageId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(rest.villageId))
      return call(fn, action, data, persona);
    const sent = await upload(rest.villageId, purpose, Buffer.from(bytes, 'base64'), persona);
    if (!sent.body.ok) return sent;
    return call(fn, action, { ...rest, fileId: sent.body.data.fileId }, persona);
  };

  return {
    url,
    store,
    clock,
    dbFile,
    filesDir,
    post,
    upload,
    call,
    send,
    async ok(fn, action, data, persona) {
      const res = await send(fn, action, data, persona);
      if (!res.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.body.error)}`);
      return res.body.data;
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The usual setup of a functions test: one seeded host for the file (or the describe block it is
 * called in), started before its tests and stopped after them. The host it gives stands in for
 * the one started in beforeAll, so tests write `host.call(...)` as if they held it; reading it
 * before beforeAll has run (at module load) throws instead of handing out a host that is not there.
 * `timeoutMs` is beforeAll's, for a host whose start does more than seed the demo.
 */
export function functionsHost(opts: Parameters<typeof startTestHost>[0] & { timeoutMs?: number } = {}): TestHost {
  const { timeoutMs, ...start } = opts;
  const { current: host, stopNow } = startedForTests('the test host', () => startTestHost(start), timeoutMs);
  return {
    get url() {
      return host().url;
    },
    get store() {
      return host().store;
    },
    get clock() {
      return host().clock;
    },
    get dbFile() {
      return host().dbFile;
    },
    get filesDir() {
      return host().filesDir;
    },
    call: (...args) => host().call(...args),
    post: (...args) => host().post(...args),
    upload: (...args) => host().upload(...args),
    send: (...args) => host().send(...args),
    ok: (...args) => host().ok(...args),
    // afterAll stops it; a test that stopped it early leaves afterAll nothing to do.
    stop: stopNow,
  };
}
