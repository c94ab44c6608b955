import http from 'node:http';
import { startedForTests } from '../helpers/for-tests';
import { startTestHost, type TestHost } from '../helpers/host';

/**
 * jsdom has no fetch. The app's H5 transport calls relative URLs (`/api/village`); this sends
 * them over real HTTP to a test host, so UI tests exercise the real handlers and SQLite.
 */
export function routeFetchTo(base: string): void {
  const fetchToHost = async (input: string, init: { method?: string; headers?: Record<string, string>; body?: string | Blob } = {}) => {
    // A file upload's body is the chosen File (H5 sends it to /upload as it is).
    const raw = init.body as string | Blob | Uint8Array | undefined;
    const body = typeof raw === 'string' || raw === undefined ? raw : ArrayBuffer.isView(raw) ? Buffer.from(raw) : await bytesOf(raw);
    return new Promise((resolve, reject) => {
      const url = new URL(input, base);
      const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ ok: (res.statusCode ?? 500) < 400, status: res.statusCode, json: async () => JSON.parse(text), text: async () => text });
        });
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  };
  (globalThis as unknown as { fetch: unknown }).fetch = fetchToHost;
}

/** jsdom's Blob has no arrayBuffer(); its FileReader does the same. */
function bytesOf(blob: Blob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * The usual setup of a page test: a seeded host for the whole file, the app's fetch routed to
 * it, and a fresh phone (no remembered village or persona) for each test.
 */
export function pagesOnTestHost(): { readonly host: TestHost } {
  const { current } = startedForTests('the test host', async () => {
    const host = await startTestHost();
    routeFetchTo(host.url);
    return host;
  });
  beforeEach(() => {
    localStorage.clear();
  });
  return {
    get host() {
      return current();
    },
  };
}
