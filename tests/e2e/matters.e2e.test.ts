import type { Locator, Page } from 'playwright-core';
import { answered, button, appForThisFile, confirmModal } from './app';

jest.setTimeout(240000);

const app = appForThisFile();

const TITLE = '修缮村东漫水桥';

async function cadrePage(page: Page): Promise<Locator> {
  await page.goto(`${app.base}/packages/cadre/matters/index?villageId=yangjia`);
  const item = page.locator(`[role="listitem"][aria-label="${TITLE}"]`);
  await item.waitFor();
  if ((await item.locator('[aria-expanded="true"]').count()) === 0) await item.locator('[aria-expanded]').click();
  return item;
}

/** The 监委会 at the meeting: records `count` people on the list (all when undefined) and closes the vote. */
async function holdMeeting(page: Page, count: number | undefined, choice: string): Promise<Locator> {
  await page.goto(`${app.base}/packages/supervise/meeting/index?villageId=yangjia`);
  await button(page.locator(`[aria-label="表决：${TITLE}"]`), /现场登记与计票/).click();
  const list = page.locator('.page [aria-label="表决名单"]').last();
  await button(list, '显示全部名单').click();
  const waiting = list.locator('[aria-label^="选民："]', { has: page.locator('.nut-button', { hasText: new RegExp(`^\\s*${choice}\\s*$`) }) });
  await waiting.first().waitFor();
  const total = count ?? (await waiting.count());
  for (let i = 0; i < total; i += 1) {
    const row = waiting.first();
    const name = await row.getAttribute('aria-label');
    await button(row, choice).click();
    await confirmModal(page);
    await list.locator(`[aria-label="${name}"]`).getByText('已参加').waitFor();
  }
  await button(page, '结束表决并计票').click();
  await confirmModal(page);
  const result = page.locator('[aria-label="表决结果"]').last();
  await result.waitFor();
  return result;
}

it('walks a matter from 提议 to 实施结果公开, through a 决议 vote that fails quorum and a new meeting that passes', async () => {
  // 提议 by the 书记, for the party branch.
  const secretary = await app.phone('yangjia-secretary');
  await secretary.goto(`${app.base}/packages/cadre/matters/index?villageId=yangjia`);
  await button(secretary, '发起新议题').click();
  const form = secretary.locator('[aria-label="发起议题"]');
  await form.locator('input[placeholder="议题名称（4–60 字）"]').fill(TITLE);
  await form.locator('textarea[placeholder="要办什么事、为什么（10–2000 字）"]').fill('村东漫水桥桥面破损，雨季过水危险，提议修缮桥面并加装护栏。');
  await button(form.locator('[aria-label="决议由谁表决"]'), /^\s*(✓ )?村民代表会议\s*$/).click();
  await answered(secretary, 'matters', 'propose', () => button(form, '提交议题').click());

  // 商议: the 两委 agree.
  let item = await cadrePage(secretary);
  const discuss = item.locator('[aria-label="记录商议结果"]');
  await button(discuss, '同意，提交审议').click();
  await discuss.locator('textarea').fill('11 月 23 日两委联席会议，7 人到会，一致同意提交党员大会审议。');
  await answered(secretary, 'matters', 'discuss', () => button(discuss, '记录商议结果').click());

  // 审议: the 党员大会, everyone in the village hall.
  item = await cadrePage(secretary);
  await button(item, /开始党员大会表决/).click();
  await item
    .getByText(/正在表决|还差/)
    .first()
    .waitFor();
  const sup = await app.phone('yangjia-supervisor');
  let result = await holdMeeting(sup, undefined, '同意');
  await result.getByText(/通过/).first().waitFor();

  // 决议: the 村民代表会议 — one short of a quorum: void.
  item = await cadrePage(secretary);
  await button(item, /开始村民代表会议表决/).click();
  await item.getByText(/还差/).first().waitFor();
  result = await holdMeeting(sup, 3, '同意');
  await result
    .getByText(/未达到法定人数/)
    .first()
    .waitFor();
  await app.shot(sup, 'vote-no-quorum');

  // A new meeting: the 村民 (a representative) votes in the app, the others in person.
  item = await cadrePage(secretary);
  await item.getByText(/上次表决未达到法定人数/).waitFor();
  await button(item, /开始村民代表会议表决/).click();
  await item.getByText(/还差/).first().waitFor();
  const villager = await app.phone('yangjia-villager');
  await villager.goto(`${app.base}/pages/matters/index?villageId=yangjia`);
  await villager.locator(`[aria-label="议题：${TITLE}"]`).first().click();
  const ballot = villager.locator('[aria-label="投票"]');
  await button(ballot, '同意').click();
  await confirmModal(villager);
  await villager
    .getByText(/您已投票/)
    .first()
    .waitFor();
  await app.shot(villager, 'vote-cast');
  result = await holdMeeting(sup, 3, '同意');
  await result.getByText(/通过/).first().waitFor();

  // 决议公开 and 实施结果公开.
  item = await cadrePage(secretary);
  const resolution = item.locator('[aria-label="决议公开"]');
  await resolution.locator('textarea').fill('经党员大会审议、村民代表会议表决通过：修缮村东漫水桥桥面并加装护栏，费用由村集体收入列支。');
  await answered(secretary, 'matters', 'publish', () => button(resolution, '公开决议').click());
  item = await cadrePage(secretary);
  const outcome = item.locator('[aria-label="实施结果公开"]');
  await outcome.locator('textarea').fill('漫水桥已修缮完毕，护栏安装到位，验收合格，实际花费 3.6 万元。');
  await answered(secretary, 'matters', 'publish', () => button(outcome, '公开实施结果').click());
  await cadrePage(secretary);

  // The villager sees every stage done, with the failed meeting on the record, and can check the publication.
  await villager.reload();
  const steps = villager.locator('[aria-label="办理进度"]');
  await steps.getByText(/漫水桥已修缮完毕/).waitFor();
  const progress = await steps.innerText();
  expect(progress).toContain('未达到法定人数');
  expect(progress).not.toContain('正在进行');
  await app.shot(villager, 'matter-done');
  await button(villager, /查看决议公开/).click();
  // Earlier pages stay in the DOM (hidden): look at the visible one.
  await villager.getByText(`一事一议决议公开：${TITLE}`).locator('visible=true').first().waitFor();
  const text = await villager.locator('.page:visible').last().innerText();
  expect(text).toContain('未达法定人数');
  expect(text).toContain('通过');
});
