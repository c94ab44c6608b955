import { button, appForThisFile } from './app';

jest.setTimeout(180000);

const app = appForThisFile();

// At E2E_NOW (6 December 2026) the demo has published 2025-08 … 2026-10: last year has only
// August–December on record, this year January–October.
it('compares honestly, and takes a villager to an older year, one of its months and its year report', async () => {
  const villager = await app.phone('yangjia-villager');
  await villager.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  await button(villager, /村里的钱/).click();
  await villager.locator('[aria-label="2026年10月收支"]').waitFor();

  // Ten months of this year are not set against five of last year: the page says why instead.
  await button(villager.locator('[aria-label="选择时段"]'), '本年').click();
  const year = villager.locator('[aria-label="2026年收支"]');
  await year.getByText('去年只有 8–12 月的账（缺 1–7 月），无法比较全年。').waitFor();
  await year.getByText('按已公示的 1–10 月计算').waitFor();
  expect(await year.getByText(/比去年同期/).count()).toBe(0);
  await app.shot(villager, 'money-year-no-comparison');

  // This quarter has October only, and is set against last October only.
  await button(villager.locator('[aria-label="选择时段"]'), '本季度').click();
  const quarter = villager.locator('[aria-label="2026年第四季度收支"]');
  await quarter.getByText(/^支出 [\d,]+\.\d{2} 元，(比去年同期（10月）[多少] \d+%|与去年同期（10月）(相同|基本持平))$/).waitFor();

  // An older year, one of its months with its rows, then its quarter and year reports.
  await button(villager, '按年份查看').click();
  const archive = villager.locator('[aria-label="按年份查看"]');
  await button(archive, '2025年').click();
  await button(archive.locator('[aria-label="2025年的月份"]'), '9月').click();
  const sep = await app.api('finance', 'month', { villageId: 'yangjia', month: '2025-09' });
  const sepCard = villager.locator('[aria-label="2025年9月收支"]');
  await sepCard.getByText('去年同期（9月）没有公示的账，无法比较。').waitFor();
  const rows = villager.locator('[aria-label="2025年9月明细"]');
  await rows.getByText(`2025年9月明细（${sep.rows.length} 笔`, { exact: false }).waitFor();
  await app.shot(villager, 'money-older-month');

  await button(archive.locator('[aria-label="2025年的报告"]'), '第四季度').click();
  await villager.locator('[aria-label="2025年第四季度收支"]').locator('[aria-label="支出按科目"]').waitFor();
  await button(archive.locator('[aria-label="2025年的报告"]'), '全年').click();
  const whole = villager.locator('[aria-label="2025年收支"]');
  await whole.getByText('去年同期（8–12月）没有公示的账，无法比较。').waitFor();
  await whole.locator('[aria-label="收入按科目"]').waitFor();
  await app.shot(villager, 'money-older-year');
  await villager.context().close();
});
