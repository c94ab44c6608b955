/**
 * `npm run favicon`: draws src/assets/favicon.svg (our own drawing: a sun over a
 * village house in the app's red) at 16, 32 and 48 px with Debian's Chromium and packs the
 * pictures into src/assets/favicon.ico. The H5 build copies both to its root (config/index.ts):
 * browsers that read the page's <link rel="icon"> take the SVG, and anything that asks for
 * /favicon.ico by habit (a PDF opened in a tab, an old browser) gets the ICO, not a 404.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './lib/chromium';

const assets = join(resolve(__dirname, '..'), 'src', 'assets');
const SIZES = [16, 32, 48];

/** An ICO file holding PNG pictures (allowed since Windows Vista; every current browser reads it). */
function ico(pngs: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size % 256, at);
    header.writeUInt8(size % 256, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

async function main(): Promise<void> {
  const svg = readFileSync(join(assets, 'favicon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', ...CHROMIUM_FLAGS] });
  try {
    const pngs: { size: number; png: Buffer }[] = [];
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      pngs.push({ size, png: await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }) });
      await page.close();
    }
    writeFileSync(join(assets, 'favicon.ico'), ico(pngs));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
