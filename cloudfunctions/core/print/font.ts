import { brotliDecompressSync } from 'node:zlib';

/** fonts/noto-sans-sc.json as scripts/make-print-font.ts writes it. */
interface FontFile {
  family: string;
  licence: string;
  encoding: 'brotli+base64';
  ttfSha256: string;
  data: string;
}

let bytes: Uint8Array | undefined;

/**
 * Noto Sans SC Regular (SIL Open Font License 1.1, fonts/OFL.txt), subset to GB2312, ASCII and
 * the app's own characters by scripts/make-print-font.ts. Loaded with the first PDF, not with the
 * function: every other action of a bundle that carries it pays nothing.
 *
 * It is read through Node's module loader — a JSON file beside this one, and beside each bundle
 * once built (scripts/lib/function-bundle.ts) — so the core does no file I/O and the source, the
 * tests and the bundles all load it the same way.
 */
export function cjkFont(): Uint8Array {
  if (!bytes) {
    const file = require('./fonts/noto-sans-sc.json') as FontFile;
    if (file.encoding !== 'brotli+base64') throw new Error(`unknown font encoding ${file.encoding}`);
    bytes = new Uint8Array(brotliDecompressSync(Buffer.from(file.data, 'base64')));
  }
  return bytes;
}
