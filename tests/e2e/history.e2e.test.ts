import { join } from 'node:path';
import { Operator, rewriteAmount } from '../helpers/db-operator';
import { appForThisFile } from './app';

/**
 * A villager's phone as a witness: it keeps the head of 杨家村's history it checked; the notice
 * board's print carries a head with a code to 校验 it. Then whoever runs the database rewrites a
 * published amount and everything stored after it (and deletes the signed checkpoints, so the
 * service has nothing of its own to compare with). The phone's next visit says so in red, the
 * township hears of it, and the printed code no longer checks out.
 */
jest.setTimeout(180000);

const app = appForThisFile();

const api = (fn: string, action: string, data: unknown, persona?: string) => app.api(fn, action, data, persona);

it('warns a villager whose phone saw the history before it was rewritten, and the printed code stops checking out', async () => {
  const page = await app.phone('yangjia-villager');
  await page.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  await page.locator('.village-home__name', { hasText: '杨家村' }).waitFor();
  // The phone keeps the head it checked (after the page has shown).
  await page.waitForFunction(() => (localStorage.getItem('heldHistoryHeads') ?? '').includes('yangjia'));
  expect(await page.getByRole('alert').count()).toBe(0);

  // The notice board's print carries the head, and its code opens 校验 at that head.
  await page.goto(`${app.base}/packages/board/print/index?villageId=yangjia`);
  await page.getByText(/^本村公开记录的指纹（截至第 \d+ 条记录）：$/).waitFor();
  await page.getByRole('img', { name: '扫码核对到这一刻为止的记录有没有被改动' }).waitFor();
  await app.shot(page, 'print-head-stamp');
  const printed = await api('village', 'headLink', { villageId: 'yangjia' });
  await page.goto(`${app.base}/packages/board/check/index?scene=H${printed.token}`);
  await page.getByText(`✓ 杨家村截至第 ${printed.size} 条的记录，和公开栏上印的一样，没有被改动过`).waitFor();

  const op = new Operator(join(app.dataDir, 'sunlit.db'));
  const [target] = op.rows<{ amountFen: number | null }>(
    'disclosure_versions',
    `json_extract(data, '$.villageId') = 'yangjia' AND json_extract(data, '$.amountFen') > 0`,
  );
  rewriteAmount(op, target._id, 'yangjia');
  op.remove('audit_checkpoints', `json_extract(data, '$.scope') = 'yangjia'`);
  op.close();

  await page.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  const warning = page.getByRole('alert').filter({ hasText: '本村公开记录的历史被人改动过' });
  await warning.waitFor();
  expect(await warning.innerText()).toBe('注意：本村公开记录的历史被人改动过——和这部手机上次看到的记录对不上。已经自动报告镇里，请向镇纪委反映。');
  await app.shot(page, 'village-home-history-rewritten');
  const inbox = await api('identity', 'inbox', {}, 'township-discipline');
  expect(inbox.messages.some((m: { text: string }) => m.text.startsWith('杨家村的历史记录与此前签名的记录'))).toBe(true);

  await page.goto(`${app.base}/packages/board/check/index?scene=H${printed.token}`);
  await page.getByText(`✗ 杨家村的记录和公开栏上印的对不上：第 ${printed.size} 条之前的记录被改动过。已自动报告镇里。`).waitFor();
  await page.context().close();
});
