import type { Page } from 'playwright-core';
import { formatFen } from '../../common/money';
import { speakable, speakTable, yuanWords } from '../../common/speech';
import { appForThisFile, button } from './app';

jest.setTimeout(180000);

const app = appForThisFile();

const ITEM = { villageId: 'yangjia', quarter: '2026Q3', itemId: 'huangsheng:2-2' };

/**
 * A phone in 长辈模式 whose speech synthesis only records: headless Chromium has no voices, and
 * what matters is the text the app hands over. Each utterance's text and language are kept, and
 * so is every cancel (a second tap stops).
 */
async function listeningPhone(): Promise<Page> {
  const page = await app.phone('yangjia-villager');
  await page.context().addInitScript(() => {
    localStorage.setItem('elderMode', JSON.stringify({ data: true }));
    const w = window as unknown as { __said: { text: string; lang: string }[]; __cancels: number };
    w.__said = [];
    w.__cancels = 0;
    const synth = window.speechSynthesis;
    synth.speak = (u: SpeechSynthesisUtterance) => {
      w.__said.push({ text: u.text, lang: u.lang });
    };
    synth.cancel = () => {
      w.__cancels += 1;
    };
  });
  return page;
}

const said = (page: Page) => page.evaluate(() => (window as unknown as { __said: { text: string; lang: string }[] }).__said);
const cancels = (page: Page) => page.evaluate(() => (window as unknown as { __cancels: number }).__cancels);

/** Taps the page's large 听 and gives the text handed to speech synthesis, all pieces together. */
async function listen(page: Page, scope: string): Promise<string> {
  const start = button(page.locator(`${scope} .listen--large`), '听：读给我听');
  await start.first().click();
  await button(page.locator(`${scope} .listen--large`), '停止朗读')
    .first()
    .waitFor();
  const parts = await said(page);
  expect(parts.length).toBeGreaterThan(0);
  for (const p of parts) expect(p.lang).toBe('zh-CN');
  return parts.map((p) => p.text).join('');
}

it('reads a disclosure item with a table aloud in 长辈模式: amounts in words, row by row, ID numbers hidden', async () => {
  const item = await app.api('disclosure', 'item', ITEM, 'yangjia-villager');
  const shown = item.latest as { title: string; body: ({ type: 'paragraph'; text: string } | { type: 'table'; columns: string[]; rows: string[][] })[] };
  const page = await listeningPhone();
  await page.goto(`${app.base}/pages/item/index?villageId=${ITEM.villageId}&quarter=${ITEM.quarter}&itemId=${encodeURIComponent(ITEM.itemId)}`);
  // The page shows masked ID numbers: what is read must not.
  await page.locator('.id-masked').first().waitFor();

  const text = await listen(page, '.taro_page');
  expect(text.startsWith(speakable(shown.title))).toBe(true);
  const tables = shown.body.filter((b) => b.type === 'table');
  expect(tables.length).toBeGreaterThan(0);
  for (const t of tables) expect(text).toContain(speakable(speakTable(t.columns, t.rows)));
  expect(text).toContain('第一行：');
  expect(text).toContain('身份证号已隐藏');
  expect(text).not.toMatch(/\d|\*/);

  // A second tap stops the reading.
  const before = await cancels(page);
  await button(page.locator('.listen--large'), '停止朗读').first().click();
  await button(page.locator('.listen--large'), '听：读给我听').first().waitFor();
  expect(await cancels(page)).toBeGreaterThan(before);
  await page.context().close();
});

it('reads 村里的钱 aloud in 长辈模式: the balance and the month in words', async () => {
  const m = await app.api('finance', 'money', { villageId: 'yangjia' }, 'yangjia-villager');
  const page = await listeningPhone();
  await page.goto(`${app.base}/pages/money/index?villageId=yangjia`);
  await page.locator('[aria-label="余额"]').waitFor();

  const text = await listen(page, '.taro_page');
  expect(text.startsWith(`村集体账上现有${yuanWords(formatFen(m.balanceFen))}，截至`)).toBe(true);
  expect(text).toContain(`${speakable(m.month.label)}。收入${yuanWords(formatFen(m.month.incomeFen))}`);
  expect(text).toContain(`支出${yuanWords(formatFen(m.month.expenseFen))}`);
  expect(text).not.toMatch(/\d/);
  await page.context().close();
});
