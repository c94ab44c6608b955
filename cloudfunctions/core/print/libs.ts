import { Readable } from 'node:stream';
import type { PDFDocument } from 'pdf-lib';

/**
 * A CommonJS package's exports through import(): by name where the loader found them (tsx,
 * jest), under `default` where it could not (Node loading a minified chunk beside the bundle,
 * scripts/lib/function-bundle.ts LAZY_CHUNKS).
 */
export function exportsOf<T extends object>(mod: T, name: keyof T): T {
  return name in mod ? mod : (mod as T & { default: T }).default;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * fontkit 2 for pdf-lib, which was written against fontkit 1. The fork pdf-lib suggests
 * (@pdf-lib/fontkit 1.1.1) writes TrueType subsets with a short `loca` over unpadded glyphs, so
 * most Chinese characters print blank (seen here; fixed upstream in fontkit 1.8). fontkit 2 has
 * the fix but answers a subset's `encode()` where pdf-lib asks for `encodeStream()`: this gives it one.
 */
function forPdfLib(fontkit: { create(bytes: Buffer): unknown }): Fontkit {
  return {
    create(bytes: Uint8Array) {
      const font = fontkit.create(Buffer.from(bytes)) as { createSubset(): { encode(): Uint8Array; encodeStream?: () => Readable } };
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () => {
        const subset = createSubset();
        subset.encodeStream = () => Readable.from([Buffer.from(subset.encode())]);
        return subset;
      };
      return font;
    },
  } as unknown as Fontkit;
}

/**
 * pdf-lib and fontkit (about 1.5 MB of code) are loaded with the first PDF, as exceljs is with the
 * first spreadsheet: bundled, each is a file of its own beside index.js (LAZY_CHUNKS in
 * scripts/lib/function-bundle.ts), so the other actions of a function that prints start without them.
 */
export async function pdfLib() {
  const [lib, fontkit] = await Promise.all([import('pdf-lib'), import('fontkit')]);
  return { lib: exportsOf(lib, 'PDFDocument'), fontkit: forPdfLib(exportsOf(fontkit, 'create')) };
}
