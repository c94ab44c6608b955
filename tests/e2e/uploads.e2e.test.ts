import type { Page, Request } from 'playwright-core';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import { bulkyPng } from '../helpers/photo-metadata';
import { csvText, rosterRows } from '../helpers/roster-file';
import { button, E2E_LAST_MONTH, appForThisFile } from './app';

/**
 * Files through storage, as production has it: a villager's photo, a 会计's voucher and a 书记's
 * roster, each larger than a function call may carry (CloudBase takes 100 KB), go from the
 * browser to /upload (storage's incoming folder) and the call carries only the file's id. The
 * host refuses any call over 100 KB, so a page that sent a file inline would fail here.
 */
jest.setTimeout(180000);

const CALL_LIMIT = 100 * 1024;
const app = appForThisFile();

interface Sent {
  path: string;
  bytes: number;
}

/** Every call and upload the page makes, with the size of its body. */
function watch(page: Page): Sent[] {
  const sent: Sent[] = [];
  // The size as the network sent it: a File body is not readable from the page's side.
  page.on('requestfinished', async (r: Request) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'POST' && (path.startsWith('/api/') || path.startsWith('/upload/')))
      sent.push({ path, bytes: Number((await r.allHeaders())['content-length'] ?? -1) });
  });
  return sent;
}

function expectSentThroughStorage(sent: Sent[], upload: string, atLeastBytes: number) {
  const uploads = sent.filter((s) => s.path === upload);
  expect(uploads).toHaveLength(1);
  expect(uploads[0].bytes).toBeGreaterThan(atLeastBytes);
  const calls = sent.filter((s) => s.path.startsWith('/api/'));
  expect(calls.length).toBeGreaterThan(0);
  for (const c of calls) expect(c.bytes).toBeLessThan(CALL_LIMIT);
}

it('sends a villager’s 300 KB photo to storage and files the report with its id, its two lines kept', async () => {
  const page = await app.phone('yangjia-villager');
  const sent = watch(page);
  await page.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  await button(page, /码上监督/).click();
  await button(page, '我要反映问题').click();
  const form = page.locator('[aria-label="反映问题"]');
  await button(form, '村务类').click();
  await form.locator('textarea[placeholder="请写清楚是什么事、在哪里、什么时候"]').fill('村口路灯坏了一个多月，晚上看不清路。\n第二行：去年也坏过一次。');
  await form.locator('input[type="file"][aria-label="添加照片"]').setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: bulkyPng(300) });
  await form.getByText('照片 1').waitFor();
  await button(form, '匿名').click();
  await button(form, '提交').click();
  const mine = page.locator('[aria-label^="我的：村口路灯坏了"]');
  await mine.getByText('待处理').waitFor();
  // Written on two lines, shown on two lines.
  expect(await mine.locator('.tickets__text').innerText()).toBe('村口路灯坏了一个多月，晚上看不清路。\n第二行：去年也坏过一次。');
  expectSentThroughStorage(sent, '/upload/yangjia/photo', 300 * 1024);
  await page.context().close();
});

it('sends a 会计’s 300 KB voucher photo to storage and keeps the row with it', async () => {
  const page = await app.phone('yangjia-accountant');
  const sent = watch(page);
  await page.goto(`${app.base}/packages/cadre/ledger/index?villageId=yangjia&month=${E2E_LAST_MONTH.key}`);
  const form = page.locator('[aria-label="手工记账"]');
  await form.waitFor();
  await form.locator('[aria-label="支出科目"] .nut-button').first().click();
  // The day comes from the phone's calendar, which offers only that month's days.
  const day = form.getByLabel('日期', { exact: true });
  expect(await day.evaluate((e: HTMLInputElement) => [e.type, e.min, e.max.slice(0, 7)])).toEqual(['date', `${E2E_LAST_MONTH.key}-01`, E2E_LAST_MONTH.key]);
  await day.fill(`${E2E_LAST_MONTH.key}-08`);
  await form.locator('input[placeholder="金额（元）"]').fill('356.50');
  await form.locator('input[placeholder="摘要"]').fill('村委会办公用纸');
  await form.locator('input[type="file"][aria-label="添加凭证照片"]').setInputFiles({ name: '发票.png', mimeType: 'image/png', buffer: bulkyPng(300) });
  // Stored without the noise: the clean copy is the size of the picture itself.
  await form.getByText('发票.png，1 KB').waitFor();
  await button(form, '记一笔').click();
  await page.locator(`[aria-label="账目：${E2E_LAST_MONTH.key}-08 村委会办公用纸"]`).getByText('看凭证 1').waitFor();
  expectSentThroughStorage(sent, '/upload/yangjia/attachment', 300 * 1024);
  await page.context().close();
});

it('sends a 书记’s roster of 2,000 people to storage, previews and imports it by its id', async () => {
  const yangjia = demoRosterSheet(DEMO_VILLAGES[0], 0);
  const rows = [...yangjia.rows.map((r) => [...r.cells]), ...rosterRows(2000 - yangjia.rows.length)];
  const csv = Buffer.from(csvText(rows, yangjia.header));
  expect(csv.length).toBeGreaterThan(CALL_LIMIT);
  const page = await app.phone('yangjia-secretary');
  const sent = watch(page);
  await page.goto(`${app.base}/packages/cadre/roster/index?villageId=yangjia`);
  await page.getByText('导入前会先逐行检查').waitFor();
  await page.locator('input[type="file"]').setInputFiles({ name: '花名册.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByText(/共 2000 人（表头在第 1 行）。/).waitFor({ timeout: 60000 });
  await page.locator('.nut-button', { hasText: '确认导入 2000 人' }).click();
  await page.getByText('导入完成').waitFor({ timeout: 60000 });
  // Sent once: the preview and the import both name the same upload.
  expectSentThroughStorage(sent, '/upload/yangjia/roster', CALL_LIMIT);
  await page.context().close();
});

it('refuses a call carrying a file inline, as CloudBase would', async () => {
  const res = await fetch(`${app.base}/api/roster`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-persona': 'yangjia-secretary' },
    body: JSON.stringify({
      action: 'previewImport',
      data: { villageId: 'yangjia', fileName: 'r.csv', fileBase64: Buffer.alloc(120 * 1024, 65).toString('base64') },
    }),
  });
  expect(res.status).toBe(413);
  expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
});

it('says why storage refused a file that only claims to be a photo, and adds nothing', async () => {
  const page = await app.phone('yangjia-villager');
  // The one error this step means to cause: storage answers 400 to a text file named .png.
  app.expectConsole(page, /\b400\b.*\/upload\/yangjia\/photo\b/);
  await page.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  await button(page, /码上监督/).click();
  await button(page, '我要反映问题').click();
  const form = page.locator('[aria-label="反映问题"]');
  await form
    .locator('input[type="file"][aria-label="添加照片"]')
    .setInputFiles({ name: 'IMG_0002.png', mimeType: 'image/png', buffer: Buffer.from('这不是照片，是一段文字。'.repeat(20)) });
  await form.getByText('只能上传照片（JPG、PNG）。').waitFor();
  expect(await form.getByText('照片 1').count()).toBe(0);
  await page.context().close();
});
