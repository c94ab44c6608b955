import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page, type Request } from 'playwright-core';
import { startHostProcess } from '../../scripts/lib/host-process';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/lib/chromium';
import { previousMonth } from '../../cloudfunctions/core/finance/rules';
import { local, quarterKey, quarterLabel, quarterOf } from '../../cloudfunctions/core/shared/time';
import { startedForTests } from '../helpers/for-tests';

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
  /**
   * Stops the host and starts it again on the same data and port with its clock at `now`: days
   * pass (a payment falls due, a vote closes) while the pages already open keep their address.
   */
  restartAt(now: string): Promise<void>;
  /**
   * Lets console errors and failed requests on `page` whose report matches `pattern` pass: for a
   * step that provokes one on purpose (a refused upload, a 413). Narrow by design: one page, one
   * pattern, and an allowance that nothing matched fails the suite too, as it has outlived its reason.
   */
  expectConsole(page: Page, pattern: RegExp): void;
  /**
   * Closes everything; fails if any page threw an uncaught error, logged a console error, or had
   * a request fail or answered ≥ 400 while the suite ran, unless `expectConsole` allowed it.
   */
  stop(): Promise<void>;
}

/** A request as the report names it: an API call with its action, e.g. POST /api/matters (cosign). */
function requestText(r: Request): string {
  let action = '';
  try {
    const body = r.postDataJSON() as { action?: unknown } | null;
    if (body && typeof body.action === 'string') action = ` (${body.action})`;
  } catch {
    // Not JSON (an upload): the address says enough.
  }
  return `${r.method()} ${r.url()}${action}`;
}

/** One thing a page did wrong, as the report shows it. */
interface Trouble {
  test: string;
  page: Page;
  url: string;
  what: string;
}

export async function startApp(o: { now?: string } = {}): Promise<RunningApp> {
  if (!existsSync(join(ROOT, 'dist', 'host', 'main.js')) || !existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) {
    throw new Error('Build first: npm run build:h5 && npm run build:functions (npm test does both).');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'sv-e2e-'));
  const first = await startHostProcess({ dataDir, now: o.now ?? E2E_NOW });
  let host = first.child;
  const base = first.base;
  const logs = [first.log];
  const log = () => logs.map((l) => l()).join('');
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', ...CHROMIUM_FLAGS],
  });
  // A script error in the app can leave a page blank while the test waits on something else; a
  // console error or a failed request is a fault a villager meets even when the page looks right.
  const troubles: Trouble[] = [];
  const allowances: { page: Page; pattern: RegExp; used: boolean; test: string }[] = [];
  let stopping = false;
  const testName = (): string =>
    (globalThis as { expect?: { getState(): { currentTestName?: string } } }).expect?.getState().currentTestName ?? '(outside a test)';
  const note = (page: Page, what: string): void => {
    // Closing the browser aborts whatever was still loading: not the app's doing.
    if (stopping) return;
    troubles.push({ test: testName(), page, url: page.url(), what });
  };
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
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
        timezoneId: options.timezoneId ?? 'Asia/Shanghai',
      });
      if (persona) {
        // Taro's H5 storage keeps values as JSON in localStorage.
        await context.addInitScript((id) => localStorage.setItem('devPersonaId', JSON.stringify({ data: id })), persona);
      }
      const page = await context.newPage();
      page.on('pageerror', (e) => note(page, `uncaught ${e.name}: ${e.message}${e.stack ? ` ${e.stack.split('\n')[1]?.trim() ?? ''}` : ''}`));
      // Any console error: a React warning about keys, a CSP refusal, a resource that failed to load.
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const at = m.location().url;
        note(page, `console error: ${m.text()}${at ? ` (${at})` : ''}`);
      });
      // A request still loading when the test itself leaves the page (goto, reload, close) is cut
      // off by the test, as a villager's reload would: only those are excused, nothing the app drops.
      const inFlight = new Set<Request>();
      const cutOff = new WeakSet<Request>();
      // While the test is leaving, the old page may still start a call (a refresh after an
      // answer the browser got just before goto): that one is cut off by the test too.
      let leaving = 0;
      page.on('request', (r) => {
        inFlight.add(r);
        if (leaving) cutOff.add(r);
      });
      page.on('requestfinished', (r) => inFlight.delete(r));
      for (const name of ['goto', 'reload', 'goBack', 'goForward', 'close'] as const) {
        const original = page[name].bind(page) as (...args: unknown[]) => Promise<unknown>;
        (page as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
          for (const r of inFlight) cutOff.add(r);
          leaving += 1;
          try {
            return await original(...args);
          } finally {
            leaving -= 1;
          }
        };
      }
      const closeContext = context.close.bind(context);
      context.close = (...args) => {
        for (const r of inFlight) cutOff.add(r);
        return closeContext(...args);
      };
      page.on('requestfailed', (r) => {
        inFlight.delete(r);
        const error = r.failure()?.errorText ?? 'unknown';
        if (error === 'net::ERR_ABORTED' && cutOff.has(r)) return;
        note(page, `request failed (${error}): ${requestText(r)}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) note(page, `HTTP ${r.status()}: ${requestText(r.request())}`);
      });
      return page;
    },
    async shot(page, name) {
      // Let Taro's page-switch animation finish, or the picture shows two pages half each.
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    expectConsole(page, pattern) {
      allowances.push({ page, pattern, used: false, test: testName() });
    },
    async restartAt(now) {
      const exited = new Promise((res) => host.once('exit', res));
      host.kill('SIGTERM');
      await exited;
      const next = await startHostProcess({ dataDir, now, port: Number(new URL(base).port) });
      host = next.child;
      logs.push(next.log);
    },
    async stop() {
      stopping = true;
      await browser.close();
      host.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      const unexpected = troubles.filter((t) => {
        const allowed = allowances.filter((a) => a.page === t.page && a.pattern.test(t.what));
        for (const a of allowed) a.used = true;
        return !allowed.length;
      });
      // The same fault on many pages (or many times on one) is one line with a count.
      const lines = new Map<string, number>();
      for (const t of unexpected) {
        const line = `[${t.test}] ${t.url}\n    ${t.what}`;
        lines.set(line, (lines.get(line) ?? 0) + 1);
      }
      const report = [...lines].map(([line, n]) => (n > 1 ? `${line} (×${n})` : line));
      for (const a of allowances.filter((x) => !x.used)) report.push(`[${a.test}] expectConsole(${a.pattern}) was never needed: remove it`);
      if (report.length) throw new Error(`the browser saw errors while the suite ran:\n${report.join('\n')}`);
    },
  };
}

/** The running app as a test file uses it: everything but stopping it, which appForThisFile does. */
export type App = Omit<RunningApp, 'stop'>;

/**
 * The usual setup of a browser test file: the app started before its tests and stopped after
 * them (which is also when the console and request faults the suite saw are reported). The app
 * it gives stands in for the one started in beforeAll, so tests write `app.phone()` as if they
 * held it; reading it before beforeAll has run (at module load) throws instead of handing out an
 * app that is not there.
 */
export function appForThisFile(o: { now?: string } = {}): App {
  const { current: app } = startedForTests('the app', () => startApp(o));
  return {
    get base() {
      return app().base;
    },
    get dataDir() {
      return app().dataDir;
    },
    log: () => app().log(),
    api: (...args) => app().api(...args),
    phone: (...args) => app().phone(...args),
    shot: (...args) => app().shot(...args),
    restartAt: (...args) => app().restartAt(...args),
    expectConsole: (...args) => app().expectConsole(...args),
  };
}

/** A NutUI button by its whole text (a string), or by a pattern. */
export const button = (scope: Page | Locator, text: string | RegExp) =>
  scope.locator('.nut-button', { hasText: typeof text === 'string' ? new RegExp(`^\\s*${text}\\s*$`) : text });

/** A real (1 × 1) PNG, as a phone's photo would be: the browser has a picture to draw. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * Does `act` (a tap) and waits until the app's call of `fn`.`action` it sends is answered: a test
 * that moves on to another address sooner aborts the call (a failed request the guard reports),
 * and cannot know whether it was done.
 */
export async function answered(page: Page, fn: string, action: string, act: () => Promise<void>): Promise<void> {
  const done = page.waitForResponse((r) => r.url().endsWith(`/api/${fn}`) && (r.request().postDataJSON() as { action?: string } | null)?.action === action);
  await act();
  await done;
}

/** Taro's H5 modal: taps the confirm button of the one on screen, and waits for it to go. */
export async function confirmModal(page: Page): Promise<void> {
  const ok = page.locator('.taro-model__confirm:visible');
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
}
