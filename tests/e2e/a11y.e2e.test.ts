import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { appForThisFile } from './app';

jest.setTimeout(180000);

const app = appForThisFile();

/** axe-core on what is on screen now; earlier pages Taro keeps hidden in the DOM are left out. */
async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).include('.taro_page:not([style*="display: none"])').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

const PAGES: [name: string, path: string, ready: string | RegExp][] = [
  ['village home', '/pages/village/index?scene=hs-yangjia', '村里的钱'],
  ['quarter', '/pages/quarter/index?villageId=yangjia&quarter=2026Q3', /第三季度/],
  ['money', '/pages/money/index?villageId=yangjia', '本月'],
  ['码上监督', '/pages/tickets/index?villageId=yangjia', '我要反映问题'],
  ['一事一议', '/pages/matters/index?villageId=yangjia', '硬化村东生产路'],
  ['我的', '/pages/mine/index', '我的身份'],
];

it.each(PAGES)('the %s page has no serious accessibility violations', async (_name, path, ready) => {
  const page = await app.phone('yangjia-villager');
  await page.goto(`${app.base}${path}`);
  await page.getByText(ready).first().waitFor();
  await page.waitForTimeout(300);
  expect(await serious(page)).toEqual([]);
});

it('shows the township the overview of its villages (screenshot for the README)', async () => {
  const page = await app.phone('township-admin');
  await page.goto(`${app.base}/packages/township/overview/index?townshipId=huangsheng`);
  await page.getByText('杨家村').first().waitFor();
  await page
    .getByText(/超期|按时答复率/)
    .first()
    .waitFor();
  await app.shot(page, 'township-overview');
});
