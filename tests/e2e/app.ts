import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startHostProcess } from '../../scripts/lib/host-process';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/lib/chromium';
import { previousMonth } from '../../cloudfunctions/core/finance/rules';
import { local, quarterKey, quarterLabel, quarterOf } from '../../cloudfunctions/core/shared/time';

/**
 * The app as `npm start` serves it: the built host (dist/host/main.js) over a fresh SQLite file,
 * the built H5 app, driven by Debian's Chromium. `npm test` builds both before jest runs.
 */
export const ROOT = resolve(__dirname, '..', '..');

/**
 * The instant the browser tests' host starts at (SUNLIT_NOW), whatever the machine's date: early
 * on 6 December 2026 in Beijing, which is still the 5th in UTC and in Los Angeles, so a date taken
 * from the wrong zone shows. The demo is seeded relative to it: 2026Q3 is the quarter being
 * reported (all published in 杨家村), and a 专项公开 of 2026Q4 (杨家村's 实施结果公开) is out.
 */
export const E2E_NOW = '2026-12-06T07:30:00+08:00';

/** The quarter on the calendar at E2E_NOW (what the 两委 are writing up as it happens). */
export const E2E_QUARTER = { key: quarterKey(quarterOf(new Date(E2E_NOW))), label: quarterLabel(quarterOf(new Date(E2E_NOW))) };

/** The month that ended last at E2E_NOW: the demo leaves it open for the 会计. */
export const E2E_LAST_MONTH = (() => {
  const key = previousMonth(local(new Date(E2E_NOW)).format('YYYY-MM'));
  return { key, label: `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月` };
})();
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'screenshots');

export interface RunningApp {
  base: string;
  dataDir: string;
  log: () => string;
  /** Calls an action as `persona` (or as a visitor) and gives its data; an error answer throws. */
  api(fn: string, action: string, data: unknown, persona?: string): Promise<any>;
  /** A phone-sized page; `persona` picks a dev persona before the app loads; `timezoneId` the phone's zone. */
  phone(persona?: string, options?: { timezoneId?: string }): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
  /** Closes everything; fails if any page threw an uncaught error while the suite ran. */
  stop(): Promise<void>;
}

export async function startApp(o: { now?: string } = {}): Promise<RunningApp> {
  if (!existsSync(join(ROOT, 'dist', 'host', 'main.js')) || !existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) {
    throw new Error('Build first: npm run build:h5 && npm run build:functions (npm test does both).');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'sv-e2e-'));
  const { child: host, base, log } = await startHostProcess({ dataDir, now: o.now ?? E2E_NOW });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', ...CHROMIUM_FLAGS],
  });
  // A script error in the app can leave a page blank while the test waits on something else.
  const pageErrors: string[] = [];
  return {
    base,
    dataDir,
    log,
    async api(fn, action, data, persona) {
      const res = await fetch(`${base}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(persona ? { 'x-dev-persona': persona } : {}) },
        body: JSON.stringify({ action, data }),
      });
      const body = await res.json();
      if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`);
      return body.data;
    },
    async phone(persona, options = {}) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: options.timezoneId ?? 'Asia/Shanghai' });
      if (persona) {
        // Taro's H5 storage keeps values as JSON in localStorage.
        await context.addInitScript((id) => localStorage.setItem('devPersonaId', JSON.stringify({ data: id })), persona);
      }
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      // The host's Content-Security-Policy must let the app do everything it does.
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(`${page.url()}: ${m.text()}`);
      });
      return page;
    },
    async shot(page, name) {
      // Let Taro's page-switch animation finish, or the picture shows two pages half each.
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async stop() {
      await browser.close();
      host.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      if (pageErrors.length) throw new Error(`the app threw in the browser:\n${pageErrors.join('\n')}`);
    },
  };
}

/** A NutUI button by its whole text (a string), or by a pattern. */
export const button = (scope: Page | Locator, text: string | RegExp) =>
  scope.locator('.nut-button', { hasText: typeof text === 'string' ? new RegExp(`^\\s*${text}\\s*$`) : text });

/** A real (1 × 1) PNG, as a phone's photo would be: the browser has a picture to draw. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Taro's H5 modal: taps the confirm button of the one on screen, and waits for it to go. */
export async function confirmModal(page: Page): Promise<void> {
  const ok = page.locator('.taro-model__confirm:visible');
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
}
