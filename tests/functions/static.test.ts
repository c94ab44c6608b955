import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DiskFiles } from '../../cloudfunctions/adapters/local/disk-files';
import { SqliteDocStore } from '../../cloudfunctions/adapters/local/sqlite-docstore';
import { INDEXES } from '../../cloudfunctions/core/collections';
import { functions } from '../../cloudfunctions/functions/registry';
import { acceptedEncodings, createHost } from '../../cloudfunctions/host/server';
import { MovableClock } from '../../cloudfunctions/ports/clock';

/**
 * The built H5 app as the host serves it: compressed when the browser accepts it, cache headers
 * that let a phone keep hashed files, and nothing outside the app's folder. Raw node:http is
 * used because fetch decompresses by itself and would hide what was sent.
 */

let dir: string;
let url: string;
let server: ReturnType<typeof createHost>;
let store: SqliteDocStore;

// A script like the app's: text that compresses well, and more than a network packet of it.
const APP_JS = Buffer.from(Array.from({ length: 400 }, (_, i) => `function page${i}(a,b){return a.village===b?"杨家村 第${i}项":null}`).join(';\n'));
const INDEX_HTML = Buffer.from(
  '<!doctype html><html lang="zh-CN"><head><title>阳光村务</title><script defer src="/js/app.1a2b3c4d.js"></script></head><body><div id="app"></div></body></html>',
);
const SECRET = 'secret-outside-the-app';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sv-static-'));
  const site = join(dir, 'site');
  mkdirSync(join(site, 'js'), { recursive: true });
  mkdirSync(join(site, 'static'), { recursive: true });
  writeFileSync(join(site, 'index.html'), INDEX_HTML);
  writeFileSync(join(site, 'js', 'app.1a2b3c4d.js'), APP_JS);
  writeFileSync(join(site, 'static', 'logo.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  // Next to the app's folder, where a path with ../ in it would lead.
  writeFileSync(join(dir, 'secret.js'), SECRET);
  store = new SqliteDocStore(join(dir, 'test.db'), INDEXES);
  server = createHost({
    store,
    clock: new MovableClock(new Date('2026-11-23T02:00:00Z')),
    functions,
    idKey: 'test-id-hash-key',
    files: new DiskFiles(join(dir, 'files')),
    staticDir: site,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The request as sent, the response as received: no decompression, no added headers. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const JS = '/js/app.1a2b3c4d.js';

describe('static files of the H5 app', () => {
  it('sends a script gzip-compressed when the browser accepts gzip, and the bytes unpack to the built file', async () => {
    const res = await get(JS, { 'accept-encoding': 'gzip, deflate' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(APP_JS.length / 4);
    expect(gunzipSync(res.body).equals(APP_JS)).toBe(true);
  });

  it('sends the script as it is when the browser accepts no compression, or refuses it with q=0', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0', 'br;q=0, gzip;q=0', '*;q=0']) {
      const res = await get(JS, accept === undefined ? {} : { 'accept-encoding': accept });
      expect([accept, res.headers['content-encoding']]).toEqual([accept, undefined]);
      expect(res.body.equals(APP_JS)).toBe(true);
      expect(Number(res.headers['content-length'])).toBe(APP_JS.length);
      // A cache in between must still know the answer depended on the request.
      expect(res.headers.vary).toBe('Accept-Encoding');
    }
    expect((await get(JS, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
  });

  it('sends brotli once it has been made (in the background), and it unpacks to the built file', async () => {
    const deadline = Date.now() + 15_000;
    let res = await get(JS, { 'accept-encoding': 'gzip, deflate, br' });
    // Until brotli is ready the answer is gzip, never a broken or empty body.
    while (res.headers['content-encoding'] !== 'br' && Date.now() < deadline) {
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body).equals(APP_JS)).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
      res = await get(JS, { 'accept-encoding': 'gzip, deflate, br' });
    }
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).equals(APP_JS)).toBe(true);
    // A browser preferring gzip by weight gets gzip.
    expect((await get(JS, { 'accept-encoding': 'br;q=0.5, gzip' })).headers['content-encoding']).toBe('gzip');
  });

  it('lets a phone keep hashed scripts for a year, and makes it ask again for index.html on every visit', async () => {
    expect((await get(JS)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const page of ['/', '/index.html', '/pages/village/index?scene=hs-yangjia']) {
      const res = await get(page, { 'accept-encoding': 'gzip' });
      expect([page, res.status, res.headers['cache-control'], res.headers['content-type']]).toEqual([page, 200, 'no-cache', 'text/html; charset=utf-8']);
      expect(gunzipSync(res.body).equals(INDEX_HTML)).toBe(true);
    }
    // Not hashed, not text: an hour, as before, and not compressed.
    const logo = await get('/static/logo.png', { 'accept-encoding': 'gzip, br' });
    expect([logo.headers['cache-control'], logo.headers['content-encoding'], logo.headers.vary]).toEqual(['public, max-age=3600', undefined, undefined]);
  });

  it('answers a revalidation of an unchanged index.html with 304 and no body, per encoding', async () => {
    const first = await get('/pages/village/index', { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+-gzip"$/);
    const again = await get('/pages/village/index', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect([again.status, again.body.length, again.headers['cache-control'], again.headers.vary]).toEqual([304, 0, 'no-cache', 'Accept-Encoding']);
    // The uncompressed form is another representation: the gzip tag does not validate it.
    const plain = await get('/pages/village/index', { 'if-none-match': etag });
    expect(plain.status).toBe(200);
    expect(plain.body.equals(INDEX_HTML)).toBe(true);
  });

  it('answers HEAD with the headers GET would send and no body', async () => {
    const got = await get(JS, { 'accept-encoding': 'gzip' });
    const head = await get(JS, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const h of ['content-type', 'content-length', 'content-encoding', 'cache-control', 'etag', 'vary']) {
      expect([h, head.headers[h]]).toEqual([h, got.headers[h]]);
    }
  });

  it('serves the new bytes after a rebuild replaces a file under the same name', async () => {
    const site = join(dir, 'site');
    writeFileSync(join(site, 'static', 'notes.txt'), '第一版');
    expect((await get('/static/notes.txt')).body.toString()).toBe('第一版');
    writeFileSync(join(site, 'static', 'notes.txt'), '第二版，更长一些');
    // Same second as the first write on a coarse clock: the size alone must not be trusted either.
    utimesSync(join(site, 'static', 'notes.txt'), new Date(), new Date(Date.now() + 5000));
    const res = await get('/static/notes.txt', { 'accept-encoding': 'gzip' });
    const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body;
    expect(body.toString()).toBe('第二版，更长一些');
  });

  it('refuses paths that climb out of the app folder, however they are spelled', async () => {
    for (const path of [
      '/..%2fsecret.js',
      '/js/..%2f..%2fsecret.js',
      '/%2e%2e/secret.js',
      '/js/%2E%2E%2F%2E%2E%2Fsecret.js',
      '/..%5csecret.js',
      '/js/app.1a2b3c4d.js%00.png',
    ]) {
      const res = await get(path, { 'accept-encoding': 'gzip' });
      const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body).toString() : res.body.toString();
      expect([path, text.includes(SECRET)]).toEqual([path, false]);
      expect([path, res.status]).toEqual([path, 404]);
    }
    // A page path (no extension) falls back to the app shell, never to the file it names.
    const shell = await get('/..%2fsecret');
    expect(shell.body.equals(INDEX_HTML)).toBe(true);
    // A broken escape is a missing file, not a server error.
    expect((await get('/js/%E0%A4%A.js')).status).toBe(404);
  });
});

describe('Accept-Encoding', () => {
  it('reads weights, q=0 refusals and the wildcard', () => {
    expect(Object.fromEntries(acceptedEncodings('gzip, deflate, br'))).toEqual({ br: 1, gzip: 1 });
    expect(Object.fromEntries(acceptedEncodings('br;q=0.4, gzip;q=0.8'))).toEqual({ br: 0.4, gzip: 0.8 });
    expect(Object.fromEntries(acceptedEncodings('GZIP;Q=0'))).toEqual({});
    expect(Object.fromEntries(acceptedEncodings('*'))).toEqual({ br: 1, gzip: 1 });
    expect(Object.fromEntries(acceptedEncodings('*;q=0.5, br;q=0'))).toEqual({ gzip: 0.5 });
    expect(Object.fromEntries(acceptedEncodings(undefined))).toEqual({});
    expect(Object.fromEntries(acceptedEncodings('identity'))).toEqual({});
  });
});
