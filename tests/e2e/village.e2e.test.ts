import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The app as `npm start` serves it: the built host (dist/host/main.js) over a fresh SQLite file,
 * the built H5 app, driven by Debian's Chromium. `npm test` builds both before jest runs.
 */
// A browser on a busy 2-core machine (other test files run alongside) needs more than 30 s.
jest.setTimeout(120000);

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

let host: ChildProcess;
let base: string;
let dataDir: string;
let browser: Browser;
let hostLog = '';

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'host', 'main.js')) || !existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) {
    throw new Error('Build first: npm run build:h5 && npm run build:functions (npm test does both).');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'sv-e2e-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  host = spawn(process.execPath, [join(ROOT, 'dist', 'host', 'main.js')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`host did not start:\n${hostLog}`)), 20000);
    const onData = (chunk: Buffer) => {
      hostLog += chunk.toString();
      if (hostLog.includes('本地服务已启动')) {
        clearTimeout(timer);
        res();
      }
    };
    host.stdout?.on('data', onData);
    host.stderr?.on('data', onData);
    host.on('exit', (code) => rej(new Error(`host exited with ${code}:\n${hostLog}`)));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  host?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  return context.newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

it('prints the code URL of every demo village when it starts', () => {
  for (const name of ['杨家村', '豆腐李村', '大姜村', '堤圈村']) expect(hostLog).toContain(name);
  expect(hostLog).toContain('/pages/village/index?scene=hs-yangjia');
});

it('shows a village after its code is scanned, and 首页 opens it next time', async () => {
  const page = await phone();
  await page.goto(`${base}/pages/village/index?scene=hs-yangjia`);
  await page.getByText('杨家村', { exact: true }).first().waitFor();
  await page.getByText('村务监督委员会').first().waitFor();
  await page.getByText('主任：杨树林').waitFor();
  await page.getByText('139****7216').waitFor();
  await page.getByText(/已公开 0 \/ 24 项/).waitFor();
  await shot(page, 'village-home');

  await page.goto(`${base}/`);
  await page.getByText('主任：杨树林').waitFor();
  await shot(page, 'index-remembers-village');
  await page.context().close();
});

it.each([
  ['an unknown code', 'bogus-code'],
  ['a withdrawn code', 'hs-yangjia-2023'],
  ['a malformed code', '%E0%A4%A'],
])('shows the invalid-code page for %s', async (_what, scene) => {
  const page = await phone();
  await page.goto(`${base}/pages/village/index?scene=${scene}`);
  await page.getByText('二维码无效或已停用').waitFor();
  await page.getByText(/请扫描村务公开栏上最新张贴的二维码/).waitFor();
  expect(await page.getByText('主任：').count()).toBe(0);
  await shot(page, `invalid-code-${scene.replace(/[^a-z0-9-]/gi, '_')}`);
  await page.context().close();
});

it('shows a fresh visitor how to find their village', async () => {
  const page = await phone();
  await page.goto(`${base}/`);
  await page.getByText(/扫一扫村务公开栏上的二维码/).waitFor();
  await shot(page, 'index-welcome');
  await page.context().close();
});

it('offers the dev persona switcher in 我的 on the local build', async () => {
  const page = await phone();
  await page.goto(`${base}/pages/mine/index`);
  await page.getByText('本地演示：切换身份（仅本地版本）').waitFor();
  await page.getByText('杨家村 · 监委会主任 杨树林').click();
  expect(await page.evaluate(() => localStorage.getItem('devPersonaId'))).toContain('yangjia-supervisor');
  await shot(page, 'mine-personas');
  await page.context().close();
});
