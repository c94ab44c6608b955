import type { Page } from 'playwright-core';
import { fenOf, ledgerLines, ledgerXlsx, type LedgerLine } from '../helpers/ledger-file';
import { button, E2E_LAST_MONTH, appForThisFile, confirmModal } from './app';

jest.setTimeout(180000);

const app = appForThisFile();

const api = (fn: string, action: string, data: unknown, persona?: string) => app.api(fn, action, data, persona);

const yuanText = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

async function upload(page: Page, lines: LedgerLine[], name: string) {
  await page.locator('input[type="file"][aria-label="导入账目（Excel 或 CSV）"]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await ledgerXlsx(lines), 'base64'),
  });
  await page.locator('[aria-label="导入检查结果"]').waitFor();
}

it('takes a month from import to 月公示, signed by two of the 民主理财小组 on two phones, and the villager far away sees exactly that month as new', async () => {
  const month = E2E_LAST_MONTH;
  const villager = await app.phone('yangjia-villager');
  await villager.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  await button(villager, /村里的钱/).click();
  await villager.getByText('最近公示的月份').waitFor();
  await app.shot(villager, 'money-first-visit');

  const lines = ledgerLines(month.key, 60);
  const bad = lines.map((l, i) => (i === 17 ? ([l[0], l[1], '不存在的科目', l[3], l[4], l[5], l[6]] as LedgerLine) : l));
  const accountant = await app.phone('yangjia-accountant');
  await accountant.goto(`${app.base}/pages/mine/index`);
  await accountant.getByText('记账与月结').click();
  await accountant.locator('[aria-label="本月汇总"]').getByText(month.label, { exact: false }).first().waitFor();
  await upload(accountant, bad, '收支.xlsx');
  // An account the books do not know is named with its row, and offered for mapping once.
  await accountant.getByText(/不认识的支出科目“不存在的科目”：第 19 行/).waitFor();
  expect(await button(accountant, '确认导入').count()).toBe(0);
  await app.shot(accountant, 'ledger-import-problem');
  await upload(accountant, lines, '收支（改好）.xlsx');
  await button(accountant, '确认导入').click();
  await accountant.locator('[aria-label^="账目："]').nth(59).waitFor();

  const before = await api('finance', 'months', { villageId: 'yangjia' }, 'yangjia-accountant');
  const previous = before.months.find((m: { month: string; state: string }) => m.month < month.key && m.state === 'published');
  const prev = await api('finance', 'month', { villageId: 'yangjia', month: previous.month });
  const right = prev.declaredClosingFen + fenOf(lines, '收入') - fenOf(lines, '支出');

  // First with a closing balance 12.34 元 off: 结账 is refused at once, saying by how much, and nothing is closed.
  await accountant.locator('input[placeholder="月末余额（元，按银行对账单和现金）"]').fill(yuanText(right + 1234));
  await button(accountant, '结账').click();
  await accountant
    .locator('[aria-label="月末结账"] [role="alert"]', { hasText: '账不平，不能结账' })
    .getByText(/相差 12\.34 元/)
    .waitFor();
  await app.shot(accountant, 'ledger-not-reconciled');
  expect((await api('finance', 'month', { villageId: 'yangjia', month: month.key }, 'yangjia-accountant')).state).toBe('open');

  await accountant.locator('input[placeholder="月末余额（元，按银行对账单和现金）"]').fill(yuanText(right));
  await button(accountant, '结账').click();
  await confirmModal(accountant);
  await accountant.locator('[aria-label="重新打开"]').waitFor();
  const panel = await app.phone('yangjia-finance');
  await panel.goto(`${app.base}/pages/mine/index`);
  await panel.getByText('民主理财审核').click();
  // Who has signed, and how many more are needed, before anyone signs: two of the group's three.
  await panel.locator('[aria-label="签字情况"]').getByText('已签 0/3；还需 2 人').waitFor();

  // The panel queries one row; the 会计 answers; the panel signs.
  await panel.reload();
  const row = panel.locator('[aria-label^="账目："]').nth(4);
  const rowLabel = await row.getAttribute('aria-label');
  await button(row, '质询').click();
  await row.locator('input[placeholder="质询原因（会计需要答复）"]').fill('这笔办公费买了什么？');
  await button(row, '提交质询').click();
  await row.getByText('等待会计答复').waitFor();

  await accountant.reload();
  const queried = accountant.locator(`[aria-label="${rowLabel}"]`);
  await queried.getByText('理财小组质询：这笔办公费买了什么？').waitFor();
  await queried.locator('input[placeholder="答复质询"]').fill('打印纸 10 箱，发票已附');
  await button(queried, '答复').click();
  await queried.getByText(/会计答复：打印纸 10 箱/).waitFor();

  // The first of the 民主理财小组's signatures: recorded, the month still waits for another.
  const nameOf = async (persona: string): Promise<string> =>
    (await api('identity', 'whoami', {}, persona)).villages.find((v: { villageId: string }) => v.villageId === 'yangjia').name;
  const [signer, second] = [await nameOf('yangjia-finance'), await nameOf('yangjia-finance-2')];
  await panel.reload();
  await button(panel, '签字').click();
  await confirmModal(panel);
  await panel.locator('[aria-label="签字情况"]').getByText(`已签 1/3：${signer}；还需 1 人`).waitFor();
  await panel.getByText(`您已签字。已签 1/3：${signer}；还需 1 人，够数后本月账目自动公示。`).waitFor();
  expect([await button(panel, '签字').count(), await button(panel, '签字公示').count()]).toEqual([0, 0]);
  await app.shot(panel, 'ledger-signed-one-of-three');
  // Not public yet: the villager's 村里的钱 has nothing new, and the month itself is not found.
  await villager.reload();
  await villager.locator('[aria-label="自上次查看以来"]').getByText('没有新公示的月份。').waitFor();
  await expect(api('finance', 'month', { villageId: 'yangjia', month: month.key }, 'yangjia-villager')).rejects.toThrow(/"NOT_FOUND"/);

  // A second member, on a phone of their own, sees who signed and signs: a majority, published.
  const panel2 = await app.phone('yangjia-finance-2');
  await panel2.goto(`${app.base}/pages/mine/index`);
  await panel2.getByText('民主理财审核').click();
  await panel2.locator('[aria-label="签字情况"]').getByText(`已签 1/3：${signer}；还需 1 人`).waitFor();
  await button(panel2, '签字公示').click();
  await confirmModal(panel2);
  await panel2
    .getByText(/已于 .* 公示/)
    .first()
    .waitFor();
  await panel2.locator('[aria-label="签字情况"]').getByText(`已签 2/3：${signer}、${second}`).waitFor();
  await app.shot(panel2, 'ledger-signed');

  // Back on the money page: the new month, its chart, and nothing else as new.
  await villager.reload();
  const since = villager.locator('[aria-label="自上次查看以来"]');
  await since.getByText(new RegExp(`^新公示：${month.label}，收入`)).waitFor();
  expect(await since.getByText(/^新公示：/).count()).toBe(1);
  await villager.locator(`[aria-label="${month.label}收支"]`).locator('[aria-label="支出按科目"]').waitFor();
  await villager.locator(`[aria-label="${month.label}明细"]`).waitFor();
  await app.shot(villager, 'money-since-last-view');
  for (const p of [villager, accountant, panel, panel2]) await p.context().close();
});
