import type { Page } from 'playwright-core';
import { appForThisFile } from './app';

// A browser on a busy 2-core machine (other test files run alongside) needs more than 30 s.
jest.setTimeout(120000);

const app = appForThisFile();
let base: string;
let hostLog: string;

beforeAll(async () => {
  base = app.base;
  hostLog = app.log();
});

const phone = (): Promise<Page> => app.phone();
const shot = (page: Page, name: string) => app.shot(page, name);

it('prints the code URL of every demo village when it starts', () => {
  for (const name of ['杨家村', '豆腐李村', '大姜村', '堤圈村']) expect(hostLog).toContain(name);
  expect(hostLog).toContain('/pages/village/index?scene=hs-yangjia');
});

it('has an icon where browsers look for one (no 404 for /favicon.ico on every page)', async () => {
  for (const [path, type] of [
    ['/favicon.ico', 'image/x-icon'],
    ['/favicon.svg', 'image/svg+xml'],
  ]) {
    const res = await fetch(`${base}${path}`);
    expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, type]);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  }
});

it('shows a village after its code is scanned, and 首页 opens it next time', async () => {
  const page = await phone();
  await page.goto(`${base}/pages/village/index?scene=hs-yangjia`);
  // The page header, not the (hidden in H5) navigation bar title that also says 杨家村.
  await page.locator('.village-home__name', { hasText: '杨家村' }).waitFor();
  await page.getByText('村务监督委员会').first().waitFor();
  await page.getByText('主任：杨树林').waitFor();
  await page.getByText('139****7216').waitFor();
  // The quarter that ended last, published in full by the demo village, stays the main card…
  const cards = page.locator('.village-home__quarter');
  await page.getByText('2026年第三季度公开情况').waitFor();
  await cards.first().getByText('已公开 24 / 24 项').waitFor();
  // …and its 村务 counts the catalog's four items, with the road's 决议公开 (a 专项公开) apart.
  await page.getByText('4 / 4 项已公开，专项公开 1 项').waitFor();
  // This quarter has only the road's 实施结果公开 out: a second card with its own counts.
  await page.getByText('2026年第四季度公开情况').waitFor();
  await cards.nth(1).getByText('已公开 0 / 24 项').waitFor();
  await cards.nth(1).getByText('另有专项公开 1 项').waitFor();
  expect(await page.getByText('本季度还没有公开内容').count()).toBe(0);
  await shot(page, 'village-home');

  await page.goto(`${base}/`);
  await page.getByText('主任：杨树林').waitFor();
  await shot(page, 'index-remembers-village');
  await page.context().close();
});

it.each([
  ['an unknown code', 'bogus-code'],
  ['a malformed code', '%E0%A4%A'],
])('shows the invalid-code page for %s, pointing to the list of villages', async (_what, scene) => {
  const page = await phone();
  await page.goto(`${base}/pages/village/index?scene=${scene}`);
  await page.getByText('二维码无效或已停用').waitFor();
  await page.getByText(/可以在首页的村庄列表里找到您的村/).waitFor();
  expect(await page.getByText('主任：').count()).toBe(0);
  await shot(page, `invalid-code-${scene.replace(/[^a-z0-9-]/gi, '_')}`);
  await page.context().close();
});

it('names the village of a withdrawn code and its 监委会, and opens the village from there', async () => {
  const page = await phone();
  await page.goto(`${base}/pages/village/index?scene=hs-yangjia-2023`);
  await page.getByText('这是杨家村以前的二维码，已经停用').waitFor();
  await page.getByText('村务监督委员会主任：杨树林').waitFor();
  await shot(page, 'invalid-code-withdrawn');
  await page.locator('.nut-button', { hasText: '打开杨家村的村务公开' }).click();
  await page.getByText('主任：杨树林', { exact: true }).waitFor();
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
