/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import LedgerPage from '../../src/packages/cadre/ledger';
import { formatFen } from '../../src/services/money';
import type { MonthView } from '../../types/finance';
import { cashJournal, octoberVouchers, type Journal } from '../helpers/journal-file';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23: 杨家村's books are published up to 2026-09; 2026-10 is open and empty.
const ui = pagesOnTestHost();

function openAs(persona: string, params: Record<string, string>) {
  return openPage(LedgerPage, '/packages/cadre/ledger/index', params, persona);
}

async function monthOf(villageId: string, month: string): Promise<MonthView> {
  const res = await ui.host.send('finance', 'month', { villageId, month }, `${villageId}-accountant`);
  return res.body.data;
}

function xlsx(j: Journal, name: string): File {
  return new File([new Uint8Array(j.bytes)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function pickSheet(file: File) {
  const card = await screen.findByLabelText('导入账目');
  fireEvent.change(within(card).getByLabelText('导入账目（Excel 或 CSV）'), { target: { files: [file] } });
  return card;
}

// The fixture journal with one account the township's chart does not know.
const vouchers = [
  ...octoberVouchers(),
  { date: '2026-10-26', voucher: '记-008', summary: '村民小组长误工', code: '', account: '村民小组长补贴', side: '贷' as const, fen: 300_00 },
];

describe('importing a cash journal as the platform exports it (the 会计’s ledger page)', () => {
  it('shows the header row it recognised, the rows it skipped and why, asks once for an unknown account, and imports after the 会计 confirms 借方 = 收入', async () => {
    const opening = (await monthOf('yangjia', '2026-09')).declaredClosingFen as number;
    const journal = await cashJournal({ openingFen: opening, vouchers });
    openAs('yangjia-accountant', { villageId: 'yangjia' });
    await screen.findByLabelText('本月汇总');

    const card = await pickSheet(xlsx(journal, '杨家村现金日记账2026年10月.xlsx'));
    // Parsing goes through the real host (a worker for the sheet): allow a loaded machine time.
    const header = await within(card).findByLabelText('识别的表头', undefined, { timeout: 8000 });
    expect(within(header).getByText('第 3 行是表头（现金日记账）')).toBeTruthy();
    expect(within(header).getByText('借方金额 → 收入（借方）')).toBeTruthy();
    expect(within(header).getByText('贷方金额 → 支出（贷方）')).toBeTruthy();
    expect(within(header).getByText('科目编码 → 科目编码')).toBeTruthy();

    const skipped = within(card).getByLabelText('跳过的行');
    expect(within(skipped).getByText('跳过 8 行（不是一笔账，不会导入）')).toBeTruthy();
    const lines = within(skipped)
      .getAllByText(/^第 \d+ 行：/)
      .map((e) => e.textContent);
    expect(lines).toEqual([
      '第 1 行：标题：杨家村股份经济合作社 现金日记账',
      '第 2 行：标题：会计期间：2026年10月    单位：元',
      `第 4 行：期初余额 ${formatFen(opening)} 元（与2026年9月的月末余额一致）`,
      '第 9 行：过次页（这一页的合计，不是一笔账）',
      '第 10 行：承前页（上一页的合计，不是一笔账）',
      '第 15 行：本月合计（已与逐笔金额核对）',
      '第 16 行：本年累计（全年合计，不是一笔账）',
      '第 17 行：签字栏：会计：杨秀梅        出纳：王建军        民主理财小组：（签字）',
    ]);
    expect(within(card).getByLabelText('文件里的余额').textContent).toContain(
      `文件的期初余额 ${formatFen(opening)} 元，期末余额 ${formatFen(journal.closingFen)} 元`,
    );

    // The unknown account: its rows, the accounts to pick from, and no import until it is placed.
    const unknown = within(card).getByLabelText('为“村民小组长补贴”选择科目');
    expect(within(unknown).getByText('不认识的支出科目“村民小组长补贴”：第 14 行')).toBeTruthy();
    expect(within(card).queryByText('确认导入')).toBeNull();
    fireEvent.click(within(unknown).getByText('管理费用-干部报酬'));
    await waitFor(() => expect(within(card).queryByLabelText('为“村民小组长补贴”选择科目')).toBeNull(), { timeout: 8000 });
    expect(await screen.findByText('已记住：“村民小组长补贴”是管理费用-干部报酬')).toBeTruthy();

    // 借方 is 收入 only for the 会计 to say so.
    const confirm = within(card).getByLabelText('确认借贷方向');
    fireEvent.click(within(card).getByText('确认导入'));
    expect(within(card).getByRole('alert').textContent).toBe('请先核对合计，点“确认：借方是收入，贷方是支出”，再导入。');
    expect((await monthOf('yangjia', '2026-10')).rows).toHaveLength(0);
    fireEvent.click(within(confirm).getByText('确认：借方是收入，贷方是支出'));
    expect(within(confirm).getByText('已确认：借方是收入，贷方是支出').closest('[aria-pressed]')?.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(card).getByText('确认导入'));

    expect(await screen.findByText('已导入 8 笔', undefined, { timeout: 8000 })).toBeTruthy();
    const month = await monthOf('yangjia', '2026-10');
    expect(month.rows).toHaveLength(8);
    expect(month.rows.find((r) => r.summary === '村民小组长误工')).toMatchObject({ account: '管理费用-干部报酬', amountFen: 300_00 });
    expect(month.incomeFen - month.expenseFen).toBe(journal.closingFen - opening);

    // The village keeps the pick: the next file with the same name asks nothing.
    const again = await cashJournal({ village: '杨家村（补录）', openingFen: opening, vouchers });
    const card2 = await pickSheet(xlsx(again, '补录.xlsx'));
    await within(card2).findByLabelText('识别的表头', undefined, { timeout: 8000 });
    expect(within(card2).queryByLabelText('为“村民小组长补贴”选择科目')).toBeNull();
  });
});
