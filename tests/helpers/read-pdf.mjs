// Reads a PDF as a person would see it, with Mozilla's pdf.js: each page's text, and the page
// rendered to pixels (@napi-rs/canvas, pdf.js's own canvas for Node) and scanned with jsQR for
// every QR code on it. Run by tests/helpers/pdf.ts in a node process of its own, because pdf.js
// ships only as ES modules, which jest's CommonJS runtime cannot load.
// Usage: node read-pdf.mjs <file.pdf> [<folder for page PNGs>]
//   → JSON { title, pages: [{ text, codes: [decoded text, …] }] }
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const [file, pngDir] = process.argv.slice(2);
const MAX_CODES = 4;

/** Every QR code in the picture: each one found is painted over white, then the rest is scanned again. */
function codesIn(img) {
  const found = [];
  for (let i = 0; i < MAX_CODES; i += 1) {
    const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
    if (!code) break;
    found.push(code.data);
    const { topLeftCorner: a, bottomRightCorner: b, topRightCorner: c, bottomLeftCorner: d } = code.location;
    const x0 = Math.max(0, Math.floor(Math.min(a.x, d.x)) - 8);
    const x1 = Math.min(img.width, Math.ceil(Math.max(b.x, c.x)) + 8);
    const y0 = Math.max(0, Math.floor(Math.min(a.y, c.y)) - 8);
    const y1 = Math.min(img.height, Math.ceil(Math.max(b.y, d.y)) + 8);
    for (let y = y0; y < y1; y += 1) img.data.fill(255, (y * img.width + x0) * 4, (y * img.width + x1) * 4);
  }
  return found;
}

const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n += 1) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  const text = content.items.map((it) => it.str + (it.hasEOL ? '\n' : '')).join('');
  const viewport = page.getViewport({ scale: 2 });
  const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvasContext: context, viewport, canvas }).promise;
  if (pngDir) {
    mkdirSync(pngDir, { recursive: true });
    writeFileSync(join(pngDir, `page-${n}.png`), canvas.toBuffer('image/png'));
  }
  pages.push({ text, codes: codesIn(context.getImageData(0, 0, canvas.width, canvas.height)) });
}
process.stdout.write(JSON.stringify({ title: (await doc.getMetadata()).info?.Title ?? null, pages }));
