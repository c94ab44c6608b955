import type { Page } from 'playwright-core';
import { appForThisFile } from './app';

/**
 * Every date the app shows is Beijing time, whatever zone the phone is in and whatever its clock
 * says. The host runs at 07:30 on 6 December 2026 in Beijing — 23:30 on the 5th in UTC and
 * 15:30 on the 5th in Los Angeles — so a date read in the phone's zone, or cut from a UTC
 * timestamp, shows the 5th.
 */
jest.setTimeout(180000);

const app = appForThisFile();
beforeAll(async () => {
  // 杨家村's villager follows the village; the 两委 then publish a 专项公开 of this quarter at
  // 07:30 Beijing time, and a report is filed (due ten days later, 07:30 on the 16th).
  await api('disclosure', 'subscribe', { villageId: 'yangjia', on: true }, 'yangjia-villager');
  const ref = { villageId: 'yangjia', quarter: '2026Q4', itemId: 'adhoc-冬季取暖补助' };
  await api(
    'disclosure',
    'saveDraft',
    { ...ref, title: '冬季取暖补助发放名单', category: '村务', body: [{ type: 'paragraph', text: '今冬为 60 岁以上独居老人每户发放取暖补助 300 元。' }] },
    'yangjia-accountant',
  );
  await api('disclosure', 'submit', ref, 'yangjia-secretary');
  await api('disclosure', 'review', { ...ref, decision: 'approve' }, 'yangjia-supervisor');
  await api(
    'tickets',
    'file',
    { villageId: 'yangjia', kind: 'report', category: '村务类', text: '村西路灯坏了三盏，晚上走路看不见。', anonymous: false },
    'yangjia-villager',
  );
});

const api = (fn: string, action: string, data: unknown, persona?: string) => app.api(fn, action, data, persona);

async function readDates(page: Page): Promise<void> {
  const base = app.base;
  // The quarter's list: the 专项公开 came out on the 6th.
  await page.goto(`${base}/pages/quarter/index?villageId=yangjia&quarter=2026Q4`);
  await page.getByText('冬季取暖补助发放名单').waitFor();
  await page.getByText('专项公开 · 2026-12-06 公开').waitFor();
  // The item itself, approved on the 6th.
  await page.goto(`${base}/pages/item/index?villageId=yangjia&quarter=2026Q4&itemId=${encodeURIComponent('adhoc-冬季取暖补助')}`);
  await page.getByText(/第 1 版（最新） · 2026-12-06 经/).waitFor();
  // The follower's message, at 07:30 on the 6th.
  await page.goto(`${base}/pages/mine/index`);
  await page.getByText('杨家村公开了2026年第四季度的村务，点开查看。').waitFor();
  await page
    .getByText(/^杨家村 · 2026-12-06 07:3\d$/)
    .first()
    .waitFor();
  // The report's deadline: ten days on, the 16th.
  await page.goto(`${base}/pages/tickets/index?villageId=yangjia&tab=mine`);
  await page.getByText('应在 2026年12月16日 前答复').first().waitFor();
}

it.each([['UTC'], ['America/Los_Angeles'], ['Asia/Shanghai']])('reads the same Beijing dates on a phone set to %s', async (timezoneId) => {
  const page = await app.phone('yangjia-villager', { timezoneId });
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
  await readDates(page);
  await page.context().close();
});

it('takes "now" from the server, not from a phone whose clock is years off', async () => {
  const page = await app.phone('doufuli-villager', { timezoneId: 'America/Los_Angeles' });
  // The phone believes it is mid-2029; the server says 6 December 2026.
  await page.clock.setSystemTime(new Date('2029-06-01T12:00:00Z'));
  expect(await page.evaluate(() => new Date().getUTCFullYear())).toBe(2029);
  // 豆腐李村's 村民代表会议 opened a day before E2E_NOW and closes five days after it.
  await page.goto(`${app.base}/pages/matters/index?villageId=doufuli`);
  await page.getByText('村部院内安装太阳能路灯').first().click();
  await page.getByText(/^截止：2026年12月11日 07:30$/).waitFor();
  // Still open by the server's clock: the ballot is offered, not "正在计票".
  await page
    .locator('.nut-button', { hasText: /^\s*同意\s*$/ })
    .first()
    .waitFor();
  expect(await page.getByText('正在计票').count()).toBe(0);
  await page.context().close();
});
