import { defaultAccountsFor } from '../../cloudfunctions/core/finance/accounts';
import { readLedgerSheet } from '../../cloudfunctions/core/finance/import';
import { fenFromCell } from '../../cloudfunctions/core/finance/cells';
import { newMonth, type RowDoc } from '../../cloudfunctions/core/finance/model';
import {
  addToMonth,
  dueAfterMonth,
  flagsOf,
  hospitalityOf,
  isLargeExpense,
  lastYearOf,
  mergeTotals,
  monthTotalsOf,
  monthsOf,
  periodLabel,
  previousMonth,
  quarterOfMonth,
  reconcileGap,
  validBusinessDate,
} from '../../cloudfunctions/core/finance/rules';

describe('amounts in a spreadsheet cell', () => {
  it.each([
    [1234.5, 123450],
    ['1,234.50', 123450],
    ['1234.5元', 123450],
    ['￥ 12', 1200],
    [0.1 + 0.2, 30],
    ['1.15', 115],
  ])('reads %p as %p fen', (cell, fen) => expect(fenFromCell(cell)).toBe(fen));

  it.each([['12.345'], ['-5'], ['0'], ['abc'], [null], ['1,23.00']])('refuses %p', (cell) => expect(fenFromCell(cell)).toBeNull());
});

describe('periods', () => {
  it('knows a month’s quarter, the months of a period, the year before, and names them', () => {
    expect(quarterOfMonth('2026-10')).toBe('2026Q4');
    expect(monthsOf('2026Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOf('2026')).toHaveLength(12);
    expect(lastYearOf('2026Q3')).toBe('2025Q3');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect([periodLabel('2026-03'), periodLabel('2026Q1'), periodLabel('2026')]).toEqual(['2026年3月', '2026年第一季度', '2026年']);
    expect(dueAfterMonth('2026-12', 15)).toBe('2027-01-15');
  });

  it('reconciles opening + income − expense with the declared closing balance', () => {
    expect(reconcileGap(100_00, 50_00, 30_00, 120_00)).toBe(0);
    expect(reconcileGap(100_00, 50_00, 30_00, 121_34)).toBe(1_34);
  });

  it('takes only real calendar days not after today (Asia/Shanghai)', () => {
    const now = new Date('2026-11-22T17:00:00Z'); // 01:00 on 23 November in the village
    expect(validBusinessDate('2026-11-23', now)).toBe('ok');
    expect(validBusinessDate('2026-11-24', now)).toBe('future');
    expect(validBusinessDate('2026-02-30', now)).toBe('format');
  });
});

describe('reading a ledger sheet', () => {
  const accounts = defaultAccountsFor('t');
  const now = new Date('2026-11-23T02:00:00Z');
  const header = ['日期', '收支', '科目', '金额（元）', '对方', '摘要', '经手人'];
  const books = { accounts, maps: [], months: [], now, fileName: '收支.xlsx' };

  it('reads Excel date serials, 2026/10/8 and 2026年10月8日 alike, and 管理费用-招待费 as 招待费', () => {
    const { rows, problems } = readLedgerSheet(
      {
        header,
        rows: [
          { row: 2, cells: [46303, '支出', '管理费用-招待费', 120, '饭店', '工作餐', '王'] },
          { row: 3, cells: ['2026/10/8', '收入', '补助收入', '2,000', '财政所', '补助', '王'] },
          { row: 4, cells: ['2026年10月8日', '支', '招待费', '80', '饭店', '工作餐', '王'] },
        ],
      },
      books,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.date, r.accountId, r.amountFen])).toEqual([
      ['2026-10-08', 't:out-4', 12000],
      ['2026-10-08', 't:in-3', 200000],
      ['2026-10-08', 't:out-4', 8000],
    ]);
  });

  it('names every problem of a row, and a missing column', () => {
    const { problems } = readLedgerSheet({ header, rows: [{ row: 7, cells: ['2026-13-01', '进账', '补助收入', '-1', '', '', ''] }] }, books);
    expect(problems).toEqual([
      {
        row: 7,
        message: '日期“2026-13-01”看不懂，请写成 2026-10-08；收支应填“收入”或“支出”，这里是“进账”；金额“-1”不对：应为大于 0 的数，最多两位小数；摘要不能为空。',
      },
    ]);
    expect(readLedgerSheet({ header: ['日期', '金额'], rows: [] }, books).problems[0].message).toBe(
      '第 1 行是表头，但缺少列：收支（或者不要“收支”“金额”，改用“借方”“贷方”两列）、科目（或“科目名称”“会计科目”“科目编码”）、摘要。',
    );
  });

  it('refuses rows of a month already closed', () => {
    const closed = { month: '2026-09', state: 'closed' as const, openingFen: 0, declaredClosingFen: 100, incomeFen: 100, expenseFen: 0 };
    const { problems } = readLedgerSheet(
      { header, rows: [{ row: 2, cells: ['2026-09-30', '收入', '补助收入', '1', '', '补助', ''] }] },
      { ...books, months: [closed] },
    );
    expect(problems[0].message).toBe('2026-09 已经结账，不能再导入。');
  });
});

describe('month totals and publication', () => {
  const accounts = defaultAccountsFor('t1');
  const byName = (name: string) => accounts.find((a) => a.name === name)!;
  let n = 0;
  const row = (name: string, amountFen: number, month = '2026-10'): RowDoc => {
    const a = byName(name);
    n += 1;
    return {
      _id: `r${n}`,
      villageId: 'v1',
      month,
      date: `${month}-08`,
      direction: a.direction,
      accountId: a._id,
      amountFen,
      counterparty: '',
      summary: `第${n}笔`,
      handler: '',
      vouchers: [],
      query: null,
      adjusts: null,
      large: false,
      createdAt: '',
    };
  };

  it('adds rows to a month and takes them back out to where it was', () => {
    const rows = [row('经营收入', 500_00), row('招待费', 120_00), row('办公费', 30_00)];
    const m = addToMonth(newMonth('v1', '2026-10'), rows);
    expect([m.rowCount, m.incomeFen, m.expenseFen]).toEqual([3, 500_00, 150_00]);
    const back = addToMonth(m, [rows[1]], -1);
    expect([back.rowCount, back.incomeFen, back.expenseFen]).toEqual([2, 500_00, 30_00]);
  });

  it('flags an expense at the line, not income of the same size', () => {
    expect(isLargeExpense('支出', 5000_00, 5000_00)).toBe(true);
    expect(isLargeExpense('支出', 4999_99, 5000_00)).toBe(false);
    expect(isLargeExpense('收入', 9000_00, 5000_00)).toBe(false);
  });

  it('flags 招待费 only in a month above the setting, in 元 as villagers read it', () => {
    const books = { byId: new Map(accounts.map((a) => [a._id, a])), settings: { largeExpenseFlagFen: 5000_00, hospitalityMonthlyFlagFen: 1000_00 } };
    const dinner = row('招待费', 600_00);
    const month = [dinner, row('招待费', 400_00), row('办公费', 900_00)];
    expect(hospitalityOf(month, books)).toBe(1000_00);
    expect(flagsOf(dinner, books, 1000_00)).toEqual([]);
    expect(flagsOf(dinner, books, 1000_01)).toEqual(['本月招待费合计 1,000.01 元，超过 1,000.00 元']);
    expect(flagsOf({ ...row('办公费', 12_345_00), large: true }, books, 0)).toEqual(['单笔支出 12,345.00 元，达到 5,000.00 元的提示线']);
  });

  it('materialises a period once per month, opening from the earliest and closing from the latest, whatever the order', () => {
    const oct = { ...newMonth('v1', '2026-10'), incomeFen: 300_00, expenseFen: 100_00, openingFen: 1000_00, declaredClosingFen: 1200_00 };
    const nov = { ...newMonth('v1', '2026-11'), incomeFen: 50_00, expenseFen: 250_00, openingFen: 1200_00, declaredClosingFen: 1000_00 };
    const octRows = [row('经营收入', 300_00), row('招待费', 100_00)];
    const novRows = Array.from({ length: 6 }, (_, i) => row('办公费', (i + 1) * 10_00, '2026-11'));
    // November published first (books entered backwards), then October, then October again (a retry).
    let q = mergeTotals(null, 'v1:2026Q4', 'v1', '2026Q4', monthTotalsOf(nov, novRows));
    q = mergeTotals(q, 'v1:2026Q4', 'v1', '2026Q4', monthTotalsOf(oct, octRows));
    const again = mergeTotals(q, 'v1:2026Q4', 'v1', '2026Q4', monthTotalsOf(oct, octRows));
    expect(again).toEqual(q);
    expect(q.months).toEqual(['2026-10', '2026-11']);
    expect([q.incomeFen, q.expenseFen, q.openingFen, q.closingFen]).toEqual([350_00, 350_00, 1000_00, 1000_00]);
    expect(q.byAccount[byName('办公费')._id]).toBe(210_00);
    expect(q.largest.map((l) => l.amountFen)).toEqual([300_00, 100_00, 60_00, 50_00, 40_00]);
  });
});
