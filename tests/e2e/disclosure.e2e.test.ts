import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { E2E_QUARTER, appForThisFile, TINY_PNG, confirmModal } from './app';

jest.setTimeout(180000);

const app = appForThisFile();

const card = (page: Page, catalogTitle: string) => page.locator(`[aria-label="公开项：${catalogTitle}"]`);
const button = (scope: Page | Locator, text: string) => scope.locator('.nut-button', { hasText: text });

async function openDrafting(page: Page) {
  await page.goto(`${app.base}/pages/mine/index`);
  await page.getByText('起草季度公开').click();
  await button(page, '（本季度）').click();
  await page.locator('[aria-label="起草进度"]').waitFor();
}

async function write(page: Page, catalogTitle: string, fields: { title?: string; body?: string; table?: string; amount?: string; reason?: string }) {
  const item = card(page, catalogTitle);
  if (!(await item.locator('input[name="title"]').isVisible())) await item.locator('[role="button"]').first().click();
  if (fields.title !== undefined) await item.locator('input[placeholder="标题"]').fill(fields.title);
  if (fields.body !== undefined) await item.locator('textarea[placeholder="正文（空一行分段）"]').fill(fields.body);
  if (fields.table !== undefined) await item.locator('textarea[placeholder="表格（可从 Excel 粘贴，第一行为表头）"]').fill(fields.table);
  if (fields.amount !== undefined) await item.locator('input[placeholder="金额（元，可不填）"]').fill(fields.amount);
  if (fields.reason !== undefined) await item.locator('input[placeholder="更正原因（会向村民显示）"]').fill(fields.reason);
}

async function review(page: Page, title: string, decision: 'approve' | { returnReason: string }) {
  await page.goto(`${app.base}/pages/mine/index`);
  await page.getByText('审核公开内容').click();
  const item = page.locator(`[aria-label="待审核：${title}"]`);
  if (decision === 'approve') {
    await button(item, '审核通过并公开').click();
    await confirmModal(page);
  } else {
    await item.locator('input[name="returnReason"]').fill(decision.returnReason);
    await button(item, '退回修改').click();
  }
  await item.waitFor({ state: 'detached' });
}

it('walks 一季一晒 in the browser: draft two items, return one, fix it, publish both, correct one, and villagers see every version', async () => {
  const q = E2E_QUARTER;
  const cadre = await app.phone('dajiang-accountant');
  await openDrafting(cadre);
  await write(cadre, '惠农补贴与各类补助发放', {
    title: '耕地地力保护补贴发放',
    body: '本季度发放补贴 2 户，已通过一卡通发放到户。',
    table: '户主\t金额（元）\n姜德福\t456.10\n姜秀英\t778.40',
    amount: '1234.50',
  });
  // A photo of the signed list goes with it.
  await card(cadre, '惠农补贴与各类补助发放').locator('input[type="file"]').setInputFiles({ name: '签字表.png', mimeType: 'image/png', buffer: TINY_PNG });
  await card(cadre, '惠农补贴与各类补助发放').getByText('签字表.png').waitFor();
  await button(card(cadre, '惠农补贴与各类补助发放'), '保存草稿').click();
  await card(cadre, '惠农补贴与各类补助发放').getByText('草稿', { exact: true }).waitFor();
  await write(cadre, '党费收缴与使用', { title: '党费收缴', body: '收缴党费 1,860 元。', amount: '1860' });
  await button(card(cadre, '党费收缴与使用'), '保存草稿').click();
  await card(cadre, '党费收缴与使用').getByText('草稿', { exact: true }).waitFor();
  await app.shot(cadre, 'cadre-drafting');
  await button(cadre, '全部提交审核').click();
  await card(cadre, '党费收缴与使用').getByText('等待监委会审核').waitFor();
  await card(cadre, '惠农补贴与各类补助发放').getByText('等待监委会审核').waitFor();

  // Drafts are private: a visitor scanning the code sees nothing of them.
  const visitor = await app.phone();
  await visitor.goto(`${app.base}/pages/village/index?scene=hs-dajiang`);
  await visitor.getByText(/已公开 24 \/ 24 项/).waitFor();
  // The list fills in a category at a time: look once the last one (资源) is there.
  await visitor.getByText('资源收益分配').first().waitFor();
  expect(await visitor.getByText('耕地地力保护补贴发放', { exact: true }).count()).toBe(0);

  const sup = await app.phone('dajiang-supervisor');
  await review(sup, '党费收缴', { returnReason: '请写明党费的使用去向' });
  await app.shot(sup, 'supervisor-review');
  await review(sup, '耕地地力保护补贴发放', 'approve');

  await openDrafting(cadre);
  await card(cadre, '党费收缴与使用').getByText('监委会退回：请写明党费的使用去向').waitFor();
  await write(cadre, '党费收缴与使用', { title: '党费收缴与使用', body: '收缴党费 1,860 元，全部上缴镇党委。' });
  await button(card(cadre, '党费收缴与使用'), '提交监委会审核').click();
  await card(cadre, '党费收缴与使用').getByText('等待监委会审核').waitFor();
  await review(sup, '党费收缴与使用', 'approve');

  // Out before the quarter has ended: the home stays on the quarter being reported and shows
  // this one as a second card with its own counts.
  await visitor.goto(`${app.base}/pages/village/index?scene=hs-dajiang`);
  const early = visitor.getByRole('region', { name: `${q.label}公开情况` });
  await early.getByText('已公开 2 / 24 项').waitFor();
  await app.shot(visitor, 'village-home-quarter');
  await button(early, `查看${q.label}的公开内容`).click();
  await visitor.getByText('耕地地力保护补贴发放', { exact: true }).waitFor();
  await visitor.getByText('党费收缴与使用', { exact: true }).waitFor();

  // A correction: a new version with a reason, approved like the first.
  await openDrafting(cadre);
  await write(cadre, '惠农补贴与各类补助发放', {
    table: '户主\t金额（元）\n姜德福\t456.10\n姜秀英\t778.50',
    amount: '1234.60',
    reason: '姜秀英的补贴少录了 0.10 元',
  });
  await button(card(cadre, '惠农补贴与各类补助发放'), '提交监委会审核').click();
  await card(cadre, '惠农补贴与各类补助发放').getByText('等待监委会审核').waitFor();
  await review(sup, '耕地地力保护补贴发放', 'approve');

  const villager = await app.phone('dajiang-villager');
  await villager.goto(`${app.base}/pages/quarter/index?villageId=dajiang&quarter=${q.key}`);
  await villager.getByText('耕地地力保护补贴发放', { exact: true }).click();
  await villager.getByText(/第 2 版（最新）/).waitFor();
  await villager.getByText('本版更正原因：姜秀英的补贴少录了 0.10 元').waitFor();
  await villager.getByText('金额：1,234.60 元').waitFor();
  await villager.getByRole('cell', { name: '778.50' }).waitFor();
  await villager.getByText('图片，点按放大').waitFor();
  expect(await villager.locator('[aria-label="图片附件：签字表.png"] img').getAttribute('src')).toMatch(/^\/files\/disclosure\/dajiang\/[0-9a-f]{24}\.png$/);
  await app.shot(villager, 'item-version-2');
  await villager
    .getByText(/^第 1 版/)
    .first()
    .click();
  await villager.getByText(/第 1 版（旧版本）/).waitFor();
  await villager.getByText('金额：1,234.50 元').waitFor();
  await app.shot(villager, 'item-version-1');

  // 询: the villager asks; the 监委会 finds it in the queue with a link back to the item.
  await villager.locator('textarea[placeholder="写下您的问题"]').fill('姜秀英家的补贴为什么少录了？');
  await button(villager, '提交问题').click();
  await sup.goto(`${app.base}/pages/mine/index`);
  await sup.getByText('村民提问').click();
  await sup.getByText('姜秀英家的补贴为什么少录了？').waitFor();
  await app.shot(sup, 'supervisor-questions');
  await sup.getByText(/关于：.*公开内容“耕地地力保护补贴发放” ›/).click();
  await sup.getByText(/第 2 版（最新）/).waitFor();
  for (const p of [cadre, visitor, sup, villager]) await p.context().close();
});

it('shows the chain broken in the 校验 view after a published amount is changed in the SQLite file', async () => {
  const page = await app.phone();
  const check = `${app.base}/packages/board/check/index?villageId=yangjia&quarter=2026Q1&itemId=${encodeURIComponent('huangsheng:3-1')}&version=1`;
  await page.goto(check);
  await page.getByText('✓ 校验通过：哈希链完整，内容与审核公开时一致').waitFor();
  await page.getByText(/✓ 审计链各条记录环环相扣（共 \d+ 条）/).waitFor();

  const db = new Database(join(app.dataDir, 'sunlit.db'));
  try {
    db.prepare(`UPDATE "c_disclosure_versions" SET data = json_set(data, '$.amountFen', json_extract(data, '$.amountFen') - 50000) WHERE id = ?`).run(
      'yangjia:2026Q1:huangsheng:3-1:v1',
    );
  } finally {
    db.close();
  }
  await page.reload();
  await page.getByText('✗ 哈希链已断开：这一版的内容或记录被改动过').waitFor();
  await page.getByText('✗ 内容已被改动：与审核时的数字指纹不符').waitFor();
  await app.shot(page, 'check-broken');
  await page.context().close();
});

it('opened straight from a link, a list finds the verified villager’s own name, and 月度收支明细 offers no name search', async () => {
  const page = await app.phone('yangjia-villager');
  const item = (code: string) => `${app.base}/pages/item/index?villageId=yangjia&quarter=2026Q3&itemId=${encodeURIComponent(`huangsheng:${code}`)}`;
  // The name is in the field from the start (filled in after the field appeared, it threw in Taro's input).
  await page.goto(item('2-3'));
  await page.getByText(/^找到 \d+ 行写着“杨德福”，已用 ★ 标出。$/).waitFor();
  expect(await page.locator('input[placeholder="查找我的名字：输入姓名"]').inputValue()).toBe('杨德福');
  await page.goto(item('3-1'));
  await page
    .getByText(/月度收支明细$/)
    .first()
    .waitFor();
  expect(await page.locator('[aria-label="查找我的名字"]').count()).toBe(0);
  await page.context().close();
});
