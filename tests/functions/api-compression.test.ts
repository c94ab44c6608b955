import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { functionsHost } from '../helpers/host';

/**
 * API answers over a village's mobile signal: a quarter's list is several KB, sent gzip when the
 * phone accepts it; small answers and clients that do not accept it get plain JSON. Raw node:http,
 * because fetch decompresses by itself and would hide what was sent.
 */
const host = functionsHost();

function post(fn: string, body: unknown, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = http.request(
      `${host.url}/api/${fn}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-dev-persona': 'yangjia-villager', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const quarter = { action: 'quarter', data: { villageId: 'yangjia', quarter: '2026Q3' } };

it('sends a large answer gzip-compressed to a client that accepts it, the same answer once unpacked', async () => {
  const plain = await post('disclosure', quarter, {});
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.length).toBeGreaterThan(1024);
  const packed = await post('disclosure', quarter, { 'accept-encoding': 'gzip' });
  expect(packed.headers['content-encoding']).toBe('gzip');
  expect(packed.headers.vary).toBe('Accept-Encoding');
  expect(packed.headers['server-timing']).toMatch(/^app;dur=[\d.]+$/);
  expect(packed.body.length).toBeLessThan(plain.body.length / 2);
  expect(JSON.parse(gunzipSync(packed.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
});

it('leaves small answers and clients that refuse gzip uncompressed', async () => {
  const small = await post('village', { action: 'resolveCode', data: { code: 'hs-yangjia' } }, { 'accept-encoding': 'gzip' });
  expect(small.headers['content-encoding']).toBeUndefined();
  expect(JSON.parse(small.body.toString('utf8'))).toMatchObject({ ok: true, data: { villageId: 'yangjia' } });
  const refused = await post('disclosure', quarter, { 'accept-encoding': 'gzip;q=0' });
  expect(refused.headers['content-encoding']).toBeUndefined();
});
