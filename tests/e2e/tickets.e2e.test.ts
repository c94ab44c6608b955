import type { Locator, Page } from 'playwright-core';
import { button, appForThisFile, TINY_PNG } from './app';

jest.setTimeout(180000);

const app = appForThisFile();

const TEXT = '九月份保洁费的收据金额和公示的不一致，请核实。';

async function ledger(page: Page): Promise<Locator> {
  await page.goto(`${app.base}/pages/mine/index`);
  await page.getByText('问题台账（提问、反映、建议）').click();
  return page.locator(`[aria-label^="事项：${TEXT.slice(0, 10)}"]`);
}

it('takes an anonymous 财务类 report with a photo through triage, a 不满意, a second answer and 销号, with the counts right', async () => {
  const villager = await app.phone('yangjia-villager');
  await villager.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  await button(villager, /码上监督/).click();
  await button(villager, '我要反映问题').click();
  const form = villager.locator('[aria-label="反映问题"]');
  await button(form, '财务类').click();
  await form.locator('textarea[placeholder="请写清楚是什么事、在哪里、什么时候"]').fill(TEXT);
  await form.locator('input[type="file"][aria-label="添加照片"]').setInputFiles({ name: '收据.png', mimeType: 'image/png', buffer: TINY_PNG });
  await form.getByText('照片 1').waitFor();
  await button(form, '匿名').click();
  await app.shot(villager, 'report-form');
  await button(form, '提交').click();
  const mine = villager.locator(`[aria-label^="我的：${TEXT.slice(0, 10)}"]`);
  await mine.getByText('待处理').waitFor();

  // The 监委会 sees it without the reporter's name.
  const sup = await app.phone('yangjia-supervisor');
  let card = await ledger(sup);
  await card.getByText('匿名').first().waitFor();
  // (The persona list of 我的, still in the page stack, names everyone; the 台账 page must not.)
  expect(await sup.locator('.page.tickets').last().innerText()).not.toContain('杨德福');
  await app.shot(sup, 'ticket-ledger');
  // The grey button says what it waits for, and stops saying it once all is there.
  await card.getByText('还差：选择大事、小事或私事；写分流理由（至少 4 个字）', { exact: true }).waitFor();
  expect(await button(card, '确认分流').getAttribute('class')).toContain('nut-button-disabled');
  await button(card, '小事').click();
  // A 小事 goes to a named person: the 村委会主任 here.
  await card.getByText('还差：在上面选择办理人；写分流理由（至少 4 个字）', { exact: true }).waitFor();
  await button(card.locator('[aria-label="选择办理人"]'), /（村委会主任）/).click();
  await card.locator('input[placeholder="分流理由（私事就写给村民的指导意见）"]').fill('村务监督委员会核对收据即可');
  await card.getByText(/^还差/).waitFor({ state: 'detached' });
  await button(card, '确认分流').click();
  await card.getByText(/分流：小事/).waitFor();
  await card.locator('textarea[placeholder="答复内容（提出的人会收到）"]').fill('已核对，收据金额抄错，已更正。');
  await button(card, '答复').click();
  await card.waitFor({ state: 'detached' });

  // The villager is not satisfied: it comes back for another answer.
  await villager.reload();
  await button(villager, '我提过的').click();
  await button(mine, '不满意').click();
  await mine.getByText('待处理').waitFor();

  card = await ledger(sup);
  await card.locator('textarea[placeholder="答复内容（提出的人会收到）"]').fill('附上更正后的收据照片，已在公开栏补充说明。');
  await button(card, '答复').click();
  await card.waitFor({ state: 'detached' });

  await villager.reload();
  await button(villager, '我提过的').click();
  await button(mine, '满意').click();
  await mine.getByText('已答复').waitFor();

  await sup.goto(`${app.base}/packages/supervise/tickets/index?villageId=yangjia`);
  await button(sup.locator('[aria-label="按状态筛选"]'), '已答复').click();
  card = sup.locator(`[aria-label^="事项：${TEXT.slice(0, 10)}"]`);
  await card.locator('input[placeholder="办理结果（销号时填写）"]').fill('收据已更正，公开栏已补充说明。');
  await button(card, '销号').click();
  await card.waitFor({ state: 'detached' });
  await button(sup.locator('[aria-label="按状态筛选"]'), '已销号').click();
  await card.getByText('销号：收据已更正，公开栏已补充说明。').waitFor();

  const counts = sup.locator('[aria-label="办理情况"]');
  await counts.getByText('收到 1 件').waitFor();
  await counts.getByText('答复 1 件，其中按时答复 1 件').waitFor();
  await counts.getByText('销号 1 件').waitFor();
  await counts.getByText('评价 2 次，其中满意或基本满意 1 次').waitFor();
  await app.shot(sup, 'ticket-closed');
  for (const p of [villager, sup]) await p.context().close();
});
