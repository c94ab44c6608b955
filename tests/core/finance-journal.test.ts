import { accountByCode, accountByPath, labelKey, matchAccount, type AccountMapDoc } from '../../cloudfunctions/core/finance/account-match';
import { defaultAccountsFor } from '../../cloudfunctions/core/finance/accounts';
import { chainBreaks, nextMonth, openingAsBooksHaveIt, type MonthFacts } from '../../cloudfunctions/core/finance/chain';
import { readLedgerSheet, type LedgerContext } from '../../cloudfunctions/core/finance/import';
import { findHeader, isFooter, journalDate, journalOf, summaryKindOf, type Cell } from '../../cloudfunctions/core/finance/journal';
import { amountOfCell } from '../../cloudfunctions/core/finance/cells';
import { yuanText } from '../../cloudfunctions/core/finance/rules';
import { parseSheet } from '../../cloudfunctions/core/sheets/read';
import { cashJournal, octoberVouchers } from '../helpers/journal-file';

const accounts = defaultAccountsFor('t');
const now = new Date('2026-11-23T02:00:00Z');
const published = (month: string, openingFen: number, closingFen: number): MonthFacts => ({
  month,
  state: 'published',
  openingFen,
  declaredClosingFen: closingFen,
  incomeFen: Math.max(0, closingFen - openingFen),
  expenseFen: Math.max(0, openingFen - closingFen),
});
const books = (over: Partial<LedgerContext> = {}): LedgerContext => ({ accounts, maps: [], months: [], now, fileName: '现金日记账.xlsx', ...over });

describe('amounts as journals write them', () => {
  it.each([
    ['1,286.50', 128650],
    ['１，２８６．５０', 128650],
    ['３５０．００', 35000],
    ['¥860.00', 86000],
    ['￥860', 86000],
    ['1,200.00元', 120000],
    ['人民币 12.3', 1230],
    ['(50.00)', -5000],
    ['-1,286.50', -128650],
    [1286.5, 128650],
    ['0.00', 0],
  ])('reads %p as %p fen exactly', (cell, fen) => expect(amountOfCell(cell)).toEqual({ kind: 'fen', fen }));

  it.each([[null], [''], ['-'], ['—'], ['  ']])('reads %p as no amount', (cell) => expect(amountOfCell(cell)).toEqual({ kind: 'blank' }));

  it.each([['12.345'], ['1,23.00'], ['12,3456.00'], ['一千元'], ['123456789012.00']])('refuses %p, keeping the text as written', (cell) => {
    expect(amountOfCell(cell)).toEqual({ kind: 'bad', text: cell });
  });

  it('writes fen as 元 with separators for messages, negatives included', () => {
    expect([yuanText(74201940), yuanText(5), yuanText(-128650), yuanText(0)]).toEqual(['742,019.40', '0.05', '-1,286.50', '0.00']);
  });
});

describe('the header of an exported journal', () => {
  const titled: Cell[][] = [
    ['杨家村股份经济合作社 现金日记账', '杨家村股份经济合作社 现金日记账'],
    ['会计期间：2026年10月 单位：元', '会计期间：2026年10月 单位：元'],
    ['凭证日期', '凭证号', '摘 要', '会计科目', '借方', '贷方', '余额（元）'],
  ];

  it('is found below the title rows, by any of its usual names', () => {
    const h = findHeader(titled);
    expect(h).toEqual({ index: 2, second: false, columns: { date: 0, voucher: 1, summary: 2, account: 3, debit: 4, credit: 5, balance: 6 } });
  });

  it('is read across two rows when 金额 spans 借方 and 贷方 on the row below', () => {
    const h = findHeader([
      ['日期', '摘要', '科目名称', '金额', null, '余额'],
      [null, null, null, '借方金额', '贷方金额', null],
    ]);
    expect(h).toMatchObject({ index: 0, second: true, columns: { date: 0, summary: 1, account: 2, debit: 3, credit: 4, balance: 5 } });
    expect(h?.columns.amount).toBeUndefined();
  });

  it('takes 收入 and 支出 columns, and 月 and 日 columns, as well', () => {
    expect(findHeader([['月', '日', '摘要', '科目', '收入', '支出']])?.columns).toEqual({ month: 0, day: 1, summary: 2, account: 3, income: 4, expense: 5 });
  });

  it('is not found in a sheet with no date and money columns', () => {
    expect(
      findHeader([
        ['姓名', '身份证号'],
        ['张三', '1'],
      ]),
    ).toBeNull();
  });

  it('says what the title names: the kind of journal, its period, or a ledger it cannot read', () => {
    expect(journalOf(['杨家村股份经济合作社 现金日记账', '会计期间：2026年10月 单位：元'], 'x.xlsx')).toEqual({
      kind: '现金日记账',
      year: 2026,
      month: 10,
      other: null,
    });
    expect(journalOf(['银行存款日记账', '2026年度'], 'x.xlsx')).toMatchObject({ kind: '银行存款日记账', year: 2026, month: null });
    expect(journalOf(['管理费用明细账'], 'x.xlsx').other).toBe('管理费用明细账');
  });
});

describe('rows that are not ledger rows', () => {
  it.each([
    ['期初余额', 'opening'],
    ['上月结转', 'opening'],
    ['本月合计', 'monthTotal'],
    ['本 年 累 计', 'yearTotal'],
    ['承前页', 'carriedForward'],
    ['过次页', 'carryOver'],
    ['期末余额', 'closing'],
  ])('knows %p as a summary row', (summary, kind) => expect(summaryKindOf([null, null, summary], 2)).toBe(kind));

  it('reads a voucher’s own 摘要 first, so a voucher about 上月结转 fees is still a voucher', () => {
    expect(summaryKindOf(['2026-10-08', '支付上月电费', '本月合计'], 1)).toBeNull();
    expect(summaryKindOf(['本月合计', '本月合计', ''], 2)).toBe('monthTotal');
  });

  it('knows a signature line', () => {
    expect(isFooter(['会计：杨秀梅        出纳：王建军'])).toBe(true);
    expect(isFooter(['制表人:李红霞'])).toBe(true);
    expect(isFooter(['民主理财小组（签字）'])).toBe(true);
    expect(isFooter(['2026-10-08', '购买打印纸'])).toBe(false);
  });
});

describe('dates as journals write them', () => {
  it('reads full dates, 20261008, Excel serials, and month-day under a title naming the year', () => {
    expect(journalDate('2026.10.8', null)).toBe('2026-10-08');
    expect(journalDate('２０２６年１０月８日', null)).toBe('2026-10-08');
    expect(journalDate('20261008', null)).toBe('2026-10-08');
    expect(journalDate(46303, null)).toBe('2026-10-08');
    expect(journalDate('10-08', 2026)).toBe('2026-10-08');
    expect(journalDate('10月8日', 2026)).toBe('2026-10-08');
    expect(journalDate('10-08', null)).toBeNull();
    // 10.10 typed as a number reads back as 10.1: not a date to guess at.
    expect(journalDate(10.1, 2026)).toBeNull();
  });
});

describe('which account a journal row means', () => {
  const income = accounts.filter((a) => a.direction === '收入');

  it('matches by name, by synonym, and by 一级-二级 path however the levels are joined', () => {
    expect(matchAccount(accounts, [], '支出', '公益支出', '')).toMatchObject({ found: { _id: 't:out-7' }, by: 'name' });
    expect(matchAccount(accounts, [], '支出', '业务招待费', '')).toMatchObject({ found: { _id: 't:out-4' }, by: 'name' });
    expect(matchAccount(accounts, [], '支出', '管理费用-其他', '')).toMatchObject({ found: { _id: 't:out-6' }, by: 'name' });
    expect(matchAccount(accounts, [], '支出', '管理费用—干部报酬', '')).toMatchObject({ found: { _id: 't:out-2' } });
    expect(matchAccount(accounts, [], '支出', '管理费用／办公费', '')).toMatchObject({ found: { _id: 't:out-3' } });
    expect(labelKey(' 管理费用 － 其他 ')).toBe('管理费用-其他');
  });

  it('reads a detail level below an account that has none in the chart as that account', () => {
    expect(accountByPath(income, '补助收入-上级补助')?._id).toBe('t:in-3');
    // 管理费用 has sub-accounts: 管理费用-打印纸 says nothing about which.
    expect(accountByPath(accounts, '管理费用-打印纸')).toBeUndefined();
    expect(accountByPath(accounts, '管理费用')).toBeUndefined();
  });

  it('matches by 科目编码 when the name is not known, a detail code under its account too', () => {
    expect(matchAccount(accounts, [], '收入', '存款利息', '531')).toMatchObject({ found: { _id: 't:in-5' }, by: 'code' });
    expect(matchAccount(accounts, [], '支出', '551 杂项', '')).toMatchObject({ found: { _id: 't:out-8' }, by: 'code' });
    expect(accountByCode(accounts, '55101')?._id).toBe('t:out-8');
    // 541 管理费用 is coded differently in every province below the first level.
    expect(accountByCode(accounts, '541')).toBeUndefined();
  });

  it('goes by the village’s own mapping first, and by the name when name and code disagree', () => {
    const maps: AccountMapDoc[] = [
      { _id: 'v:支出:村民小组长补贴', villageId: 'v', direction: '支出', label: '村民小组长补贴', accountId: 't:out-2', by: 'p', at: '' },
    ];
    expect(matchAccount(accounts, maps, '支出', '村民小组长补贴', '')).toMatchObject({ found: { _id: 't:out-2' }, by: 'mapping' });
    expect(matchAccount(accounts, maps, '收入', '村民小组长补贴', '')).toEqual({ unknown: true });
    expect(matchAccount(accounts, [], '收入', '补助收入', '501')).toMatchObject({ found: { _id: 't:in-3' }, by: 'name' });
  });

  it('tells an account on the other side from one it does not know', () => {
    expect(matchAccount(accounts, [], '收入', '管理费用-其他', '')).toMatchObject({ otherSide: { _id: 't:out-6' } });
    expect(matchAccount(accounts, [], '支出', '村民小组长补贴', '')).toEqual({ unknown: true });
  });
});

describe('balances chain month to month', () => {
  const months = [published('2026-08', 100_00, 200_00), published('2026-09', 200_00, 300_00), published('2026-12', 500_00, 600_00)];

  it('knows the month after December, and a month’s opening as the books have it', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(openingAsBooksHaveIt(months, '2026-10')).toEqual({ fen: 300_00, from: '2026年9月的月末余额' });
    expect(openingAsBooksHaveIt(months, '2026-11')).toBeNull();
    const closed: MonthFacts = { month: '2026-11', state: 'closed', openingFen: 350_00, declaredClosingFen: 400_00, incomeFen: 50_00, expenseFen: 0 };
    expect(openingAsBooksHaveIt([...months, closed], '2026-11')).toEqual({ fen: 350_00, from: '2026年11月结账时的月初余额' });
  });

  it('holds when a month opens where the published month before closed and closes where the published month after opens', () => {
    expect(chainBreaks(months, '2026-10', 300_00, 420_00)).toEqual([]);
    expect(chainBreaks(months, '2026-11', 420_00, 500_00)).toEqual([]);
  });

  it('breaks either way, naming both amounts and both months', () => {
    expect(chainBreaks(months, '2026-10', 310_00, 400_00)).toEqual([
      '2026年10月的月初余额 310.00 元，与已公示的2026年9月月末余额 300.00 元接不上（相差 10.00 元）。',
    ]);
    expect(chainBreaks(months, '2026-11', 420_00, 742_019_40)).toEqual([
      '2026年11月的月末余额 742,019.40 元，与已公示的2026年12月月初余额 500.00 元接不上（相差 741,519.40 元）。',
    ]);
  });

  it('only binds a month to published neighbours next to it', () => {
    const open: MonthFacts = { month: '2026-09', state: 'open', openingFen: null, declaredClosingFen: null, incomeFen: 0, expenseFen: 0 };
    expect(chainBreaks([open], '2026-10', 1, 2)).toEqual([]);
    expect(chainBreaks([published('2026-07', 0, 100)], '2026-09', 999, 999)).toEqual([]);
  });
});

describe('reading a journal as the platform exports it', () => {
  async function read(over: Parameters<typeof cashJournal>[0], ctx: Partial<LedgerContext> = {}) {
    const j = await cashJournal(over);
    return { j, read: readLedgerSheet(await parseSheet('现金日记账.xlsx', j.bytes), books(ctx)) };
  }
  const sept = (closing: number) => [published('2026-09', 0, closing)];

  it('reads every voucher of the fixture to the fen and skips every other row, saying why', async () => {
    const { j, read: r } = await read({ openingFen: 742_019_40 }, { months: sept(742_019_40) });
    expect(r.problems).toEqual([]);
    expect(r.headerRow).toBe(3);
    expect(r.journal).toBe('现金日记账');
    expect(r.debitIsIncome).toBe(true);
    expect(r.vouchers).toBe(7);
    expect(r.rows.map((x) => [x.line, x.direction, x.accountId, x.amountFen])).toEqual([
      [5, '收入', 't:in-3', 28_600_00],
      [6, '支出', 't:out-7', 1_286_50],
      [7, '支出', 't:out-3', 350_00],
      [8, '支出', 't:out-4', 860_00],
      [11, '支出', 't:out-2', 1_200_00],
      [12, '支出', 't:out-6', 420_00],
      [13, '收入', 't:in-5', 12_34],
    ]);
    expect(r.skipped).toEqual([
      { row: 1, reason: '标题：杨家村股份经济合作社 现金日记账' },
      { row: 2, reason: '标题：会计期间：2026年10月    单位：元' },
      { row: 4, reason: '期初余额 742,019.40 元（与2026年9月的月末余额一致）' },
      { row: 9, reason: '过次页（这一页的合计，不是一笔账）' },
      { row: 10, reason: '承前页（上一页的合计，不是一笔账）' },
      { row: 14, reason: '本月合计（已与逐笔金额核对）' },
      { row: 15, reason: '本年累计（全年合计，不是一笔账）' },
      { row: 16, reason: '签字栏：会计：杨秀梅        出纳：王建军        民主理财小组：（签字）' },
    ]);
    expect([r.openingFen, r.closingFen]).toEqual([j.openingFen, j.closingFen]);
    expect(j.closingFen).toBe(742_019_40 + 28_612_34 - 4_116_50);
  });

  it('refuses a 期初余额 other than the month’s opening in the books, naming both in 元', async () => {
    const { read: r } = await read({ openingFen: 742_019_40 }, { months: sept(0) });
    expect(r.problems).toEqual([
      { row: 4, message: '文件的期初余额是 742,019.40 元，账上2026年10月的月初余额（2026年9月的月末余额）是 0.00 元，相差 742,019.40 元。请核对后再导入。' },
    ]);
    expect(r.skipped.find((s) => s.row === 4)?.reason).toBe('期初余额 742,019.40 元（与账上的月初余额不一致）');
  });

  it('says when the books do not know the opening yet, and takes the file’s', async () => {
    const { read: r } = await read({ openingFen: 5_000_00 });
    expect(r.problems).toEqual([]);
    expect(r.skipped.find((s) => s.row === 4)?.reason).toBe('期初余额 5,000.00 元（账上还没有上个月的余额，无法核对；结账时月初余额请填这个数）');
  });

  it('refuses a 本月合计 other than the rows add up to, naming both', async () => {
    const { read: r } = await read({ openingFen: 0, monthTotal: { expenseFen: 4_000_00 } });
    expect(r.problems).toEqual([{ row: 14, message: '本月合计贷方写的是 4,000.00 元，逐笔加起来是 4,116.50 元，相差 116.50 元。' }]);
  });

  it('refuses a month that would not close where the published month after it opens', async () => {
    const { j, read: r } = await read({ openingFen: 0 }, { months: [published('2026-11', 100_00, 100_00)] });
    expect(r.problems).toEqual([
      {
        row: 14,
        message: `导入后2026年10月的月末余额 ${yuanText(j.closingFen)} 元，与已公示的2026年11月月初余额 100.00 元接不上（相差 ${yuanText(j.closingFen - 100_00)} 元）。请核对后再导入，或先核对已公示月份的月初余额。`,
      },
    ]);
  });

  it('lists an account it does not know once, with the rows that use it, instead of guessing', async () => {
    const vouchers = [
      ...octoberVouchers(),
      { date: '2026-10-26', voucher: '记-008', summary: '村民小组长误工', code: '', account: '村民小组长补贴', side: '贷' as const, fen: 300_00 },
    ];
    const { read: r } = await read({ openingFen: 0, vouchers });
    expect(r.unknown).toEqual([{ direction: '支出', label: '村民小组长补贴', code: null, rows: [14] }]);
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(7);
  });

  it('checks each written 余额 against the row before, once per mistake', () => {
    const r = readLedgerSheet(
      {
        header: ['日期', '摘要', '科目名称', '借方', '贷方', '余额'],
        rows: [
          { row: 2, cells: ['2026-10-01', '期初余额', null, null, null, '100.00'] },
          { row: 3, cells: ['2026-10-02', '补助', '补助收入', '50.00', null, '160.00'] },
          { row: 4, cells: ['2026-10-03', '办公', '办公费', null, '10.00', '150.00'] },
        ],
      },
      books(),
    );
    expect(r.problems).toEqual([{ row: 3, message: '这一行的余额写的是 160.00 元，按上一行余额加减算出是 150.00 元，相差 10.00 元。' }]);
  });

  it('names what is wrong with a voucher’s amounts: both sides, neither, red entries, unreadable', () => {
    const r = readLedgerSheet(
      {
        header: ['日期', '摘要', '科目名称', '借方', '贷方'],
        rows: [
          { row: 2, cells: ['2026-10-02', '补助', '补助收入', '50.00', '50.00'] },
          { row: 3, cells: ['2026-10-02', '补助', '补助收入', null, '0.00'] },
          { row: 4, cells: ['2026-10-02', '冲销', '补助收入', '(50.00)', null] },
          { row: 5, cells: ['2026-10-02', '补助', '补助收入', '五十', null] },
          { row: 6, cells: ['2026-10-02', '退款', '管理费用-其他', '20.00', null] },
        ],
      },
      books(),
    );
    expect(r.problems.map((p) => `${p.row}:${p.message}`)).toEqual([
      '2:同一行借方和贷方都有金额，请分成两行。',
      '3:借方和贷方都没有金额。',
      '4:借方是负数（-50.00 元，红字冲销）：请改为反方向记一笔，写明冲销哪一笔。',
      '5:借方“五十”看不懂：应为金额，如 1,286.50，最多两位小数。',
      '6:科目“管理费用-其他”是支出科目，这一笔却记在借方（收入）。',
    ]);
  });

  it('reads 月 and 日 columns and month-day dates with the year of the 会计期间 title', () => {
    const r = readLedgerSheet(
      {
        header: ['银行存款日记账'],
        headerRow: 1,
        rows: [
          { row: 2, cells: ['2026年10月'] },
          { row: 3, cells: ['月', '日', '摘要', '科目', '收入', '支出'] },
          { row: 4, cells: ['10', '8', '补助', '补助收入', '50', null] },
        ],
      },
      books(),
    );
    expect(r.problems).toEqual([]);
    expect(r.journal).toBe('银行存款日记账');
    expect(r.debitIsIncome).toBe(false);
    expect(r.rows.map((x) => x.date)).toEqual(['2026-10-08']);
  });

  it('refuses a 明细账, whose 借方 and 贷方 are not 收入 and 支出', () => {
    const r = readLedgerSheet({ header: ['管理费用明细账'], rows: [{ row: 2, cells: ['日期', '摘要', '借方', '贷方'] }] }, books({ fileName: 'a.xlsx' }));
    expect(r.problems[0].message).toBe('这是“管理费用明细账”：它的借方、贷方不是收入、支出。请导入现金日记账或银行存款日记账（借方是收入、贷方是支出）。');
  });

  it('skips a header printed again on a new page, a line of text, and a 期初余额 with no amount, saying why', () => {
    const r = readLedgerSheet(
      {
        header: ['日期', '摘要', '科目名称', '借方', '贷方', '余额'],
        rows: [
          { row: 2, cells: ['2026-10-01', '上年结转', null, null, null, null] },
          { row: 3, cells: ['2026-10-02', '补助', '补助收入', '50.00', null, '50.00'] },
          { row: 4, cells: ['第 1 页', '第 1 页', '第 1 页', '第 1 页', '第 1 页', '第 1 页'] },
          { row: 5, cells: ['日期', '摘要', '科目名称', '借方', '贷方', '余额'] },
          { row: 6, cells: ['2026-10-03', '办公', '办公费', null, '10.00', '40.00'] },
        ],
      },
      books(),
    );
    expect(r.problems).toEqual([]);
    expect(r.skipped).toEqual([
      { row: 2, reason: '期初余额（没有写金额，无法核对）' },
      { row: 4, reason: '没有日期、金额和科目，不是一笔账：第 1 页' },
      { row: 5, reason: '重复的表头（分页时打印的）' },
    ]);
    expect([r.openingFen, r.closingFen, r.rows.length]).toEqual([null, 40_00, 2]);
  });

  it('says plainly when it finds no header at all', () => {
    const r = readLedgerSheet({ header: ['姓名', '身份证号'], rows: [{ row: 2, cells: ['张三', '1'] }] }, books());
    expect(r.headerRow).toBeNull();
    expect(r.problems[0].message).toMatch(/^没有找到表头：前 30 行里没有一行同时写着“日期”和金额的列名。/);
  });
});
