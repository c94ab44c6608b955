import { appForThisFile } from './app';

/**
 * A message leads somewhere: on a small phone (360 × 640) a villager whose report was answered
 * sees the message in 我的 without scrolling past blank space, with the village named; 查看 opens
 * the answer itself (not an empty form); opened, it is read; once rated, it says so.
 */
jest.setTimeout(120000);

const app = appForThisFile();

const TEXT = '村口水渠堵了，下雨天积水漫到路上。';

it('opens the answer from 我的 on a 360 × 640 phone, marks it read, and says 已评价 once rated', async () => {
  const t = await app.api('tickets', 'file', { villageId: 'doufuli', kind: 'report', category: '村务类', text: TEXT, anonymous: false }, 'doufuli-villager');
  await app.api('tickets', 'answer', { villageId: 'doufuli', ticketId: t.id, text: '已请保洁员清掏，明天完工。' }, 'doufuli-supervisor');

  const page = await app.phone('doufuli-villager');
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(`${app.base}/pages/mine/index`);
  const messages = page.locator('[aria-label="消息"]');
  const message = messages.locator('[aria-label^="未读："]', { hasText: '有了答复' }).first();
  await message.waitFor();
  // On the first screen, not under a blank gap.
  const box = await messages.boundingBox();
  expect(box!.y).toBeLessThan(640);
  expect(await message.innerText()).toContain('豆腐李村');
  await app.shot(page, 'messages-360');

  await message.getByText('查看 ›').click();
  // The villager's own list, with the answer — not an empty 反映问题 form.
  const mine = page.locator(`[aria-label^="我的：${TEXT.slice(0, 10)}"]`);
  await mine.getByText(/已请保洁员清掏/).waitFor();

  await page.goto(`${app.base}/pages/mine/index`);
  await messages.locator('[aria-label*="有了答复"]').first().waitFor();
  expect(await messages.locator('[aria-label^="未读："]', { hasText: '有了答复' }).count()).toBe(0);

  await app.api('tickets', 'rate', { villageId: 'doufuli', ticketId: t.id, rating: '满意' }, 'doufuli-villager');
  await page.reload();
  await messages.locator('[aria-label*="有了答复"]').first().getByText('已评价', { exact: true }).waitFor();
  await page.context().close();
});
