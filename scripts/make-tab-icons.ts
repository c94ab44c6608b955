/**
 * Draws the tab bar's icons (src/assets/tab/*.png) from the SVG line drawings below, with the
 * Chromium the browser tests use: `npx tsx scripts/make-tab-icons.ts`. Our own drawings, so no
 * third-party art or licence comes with them; the PNGs are committed and this only reruns when a
 * drawing or colour changes.
 *
 * WeChat wants PNG/JPG tab icons (no SVG), 81×81 px recommended, at most 40 KB each; a grey one
 * for the tab at rest and one in the brand red (app.config.ts tabBar.selectedColor) when chosen.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './lib/chromium';

const SIZE = 81;
const COLORS = { rest: '#666666', chosen: '#c0392b' };
const OUT = resolve(__dirname, '..', 'src', 'assets', 'tab');

/** 24-unit line drawings, stroked: a house (首页) and a person (我的). Bold strokes survive 27 px. */
const DRAWINGS: Record<string, string> = {
  home: '<path d="M3 11 L12 3.5 L21 11"/><path d="M5.5 9.5 V20.5 H18.5 V9.5"/><path d="M10 20.5 V14.5 H14 V20.5"/>',
  mine: '<circle cx="12" cy="8" r="4.2"/><path d="M4 20.5 C4.8 15.8 8 13.6 12 13.6 C16 13.6 19.2 15.8 20 20.5"/>',
};

const svg = (body: string, color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', ...CHROMIUM_FLAGS] });
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  for (const [name, body] of Object.entries(DRAWINGS)) {
    for (const [state, color] of Object.entries(COLORS)) {
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg(body, color)}</body></html>`);
      const file = join(OUT, `${name}${state === 'chosen' ? '-active' : ''}.png`);
      writeFileSync(file, await page.locator('svg').screenshot({ omitBackground: true }));
      console.log(`${file}: ${statSync(file).size} bytes`);
    }
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
