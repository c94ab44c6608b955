import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFiles } from '../../cloudfunctions/adapters/local/disk-files';
import { SqliteDocStore } from '../../cloudfunctions/adapters/local/sqlite-docstore';
import { INDEXES } from '../../cloudfunctions/core/collections';
import { functions } from '../../cloudfunctions/functions/registry';
import { seedDemo } from '../../cloudfunctions/host/seed';
import { createHost, MAX_BODY_BYTES } from '../../cloudfunctions/host/server';
import { MovableClock } from '../../cloudfunctions/ports/clock';
import { TEST_ID_KEY } from '../helpers/host';

/**
 * The local host as a neighbour's web page or a script on the network would try it: framing
 * the app, having a JSON answer read as a script, a rebound DNS name, a body sent in chunks past
 * the limit, and dev personas on a host someone opened to the network.
 */
jest.setTimeout(60000);

const INLINE = '!function(){document.documentElement.style.fontSize="20px"}();';
const INDEX_HTML = `<!doctype html><html><head><script>${INLINE}</script><script defer src="/js/app.1a2b3c4d.js"></script></head><body></body></html>`;

let dir: string;
let store: SqliteDocStore;
const servers: http.Server[] = [];

async function hostOn(address: string): Promise<number> {
  const server = createHost({
    store,
    clock: new MovableClock(new Date('2026-11-23T02:00:00Z')),
    functions,
    idKey: TEST_ID_KEY,
    files: new DiskFiles(join(dir, 'files')),
    staticDir: join(dir, 'site'),
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** Raw HTTP, so the Host header and the body's framing are exactly what the attacker sends. */
function request(
  port: number,
  o: { method?: string; path: string; host?: string; headers?: Record<string, string>; chunks?: Buffer[] },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers: { host: o.host ?? `127.0.0.1:${port}`, ...o.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      },
    );
    req.on('error', reject);
    for (const c of o.chunks ?? []) req.write(c);
    req.end();
  });
}

let port = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sv-hardening-'));
  mkdirSync(join(dir, 'site', 'js'), { recursive: true });
  writeFileSync(join(dir, 'site', 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'site', 'js', 'app.1a2b3c4d.js'), 'console.log(1)');
  store = new SqliteDocStore(join(dir, 'test.db'), INDEXES);
  await seedDemo(store, new Date('2026-11-23T02:00:00Z'), TEST_ID_KEY);
  port = await hostOn('127.0.0.1');
});

afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('forbids framing the app by another site and runs only its own scripts', async () => {
  const res = await request(port, { path: '/pages/village/index' });
  expect(res.status).toBe(200);
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // The shell's own inline script is allowed by its hash, and nothing inline besides.
  expect(csp).toContain(`'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(res.headers['x-frame-options']).toBe('DENY');
});

it('marks every answer nosniff: pages, scripts, API answers, refusals and 404s', async () => {
  const answers = [
    await request(port, { path: '/' }),
    await request(port, { path: '/js/app.1a2b3c4d.js' }),
    await request(port, { path: '/files/disclosure/nothing.png' }),
    await request(port, {
      method: 'POST',
      path: '/api/village',
      headers: { 'content-type': 'application/json' },
      chunks: [Buffer.from(JSON.stringify({ action: 'get', data: { villageId: 'yangjia' } }))],
    }),
    await request(port, { method: 'POST', path: '/api/nothing', chunks: [Buffer.from('{}')] }),
    await request(port, { path: '/', host: 'evil.example' }),
  ];
  expect(answers.map((a) => a.status)).toEqual([200, 200, 404, 200, 404, 403]);
  for (const a of answers) expect(a.headers['x-content-type-options']).toBe('nosniff');
});

it('takes the Host header case-insensitively, and turns away every other name', async () => {
  expect((await request(port, { path: '/', host: `LocalHost:${port}` })).status).toBe(200);
  expect((await request(port, { path: '/', host: `127.0.0.1:${port}` })).status).toBe(200);
  for (const host of ['evil.example', `127.0.0.1.evil.example:${port}`, 'localhost.evil.example', `EVIL.example:${port}`]) {
    expect((await request(port, { path: '/', host })).status).toBe(403);
  }
});

it('answers 413 to a body sent in chunks past the limit, without reading it into memory', async () => {
  const chunk = Buffer.alloc(256 * 1024, 0x61);
  const chunks = Array.from({ length: Math.ceil(MAX_BODY_BYTES / chunk.length) + 2 }, () => chunk);
  const res = await request(port, {
    method: 'POST',
    path: '/api/village',
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    chunks,
  });
  expect(res.status).toBe(413);
  expect(JSON.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
});

it('honours dev personas only on a host bound to this machine alone', async () => {
  const whoami = (p: number) =>
    request(p, {
      method: 'POST',
      path: '/api/identity',
      headers: { 'content-type': 'application/json', 'x-dev-persona': 'yangjia-secretary' },
      chunks: [Buffer.from(JSON.stringify({ action: 'whoami', data: {} }))],
    });
  expect(JSON.parse((await whoami(port)).body).data.signedIn).toBe(true);
  // Opened to the network (all addresses): the header is ignored and the persona list is gone.
  const open = await hostOn('0.0.0.0');
  expect(JSON.parse((await whoami(open)).body).data.signedIn).toBe(false);
  expect((await request(open, { path: '/dev/personas' })).status).toBe(404);
  expect((await request(open, { method: 'POST', path: '/dev/tick' })).status).toBe(404);
  expect((await request(port, { path: '/dev/personas' })).status).toBe(200);
});
