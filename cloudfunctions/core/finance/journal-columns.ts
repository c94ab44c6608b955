import { halfWidth } from './cells';

/**
 * A journal's header: which column is which, whatever names the export gives them, and how the
 * file writes its money (借方 · 贷方, 收入 · 支出, or 收支 · 金额).
 */

export type Cell = string | number | null;

export type ColumnKey =
  | 'date'
  | 'month'
  | 'day'
  | 'voucher'
  | 'summary'
  | 'accountCode'
  | 'account'
  | 'debit'
  | 'credit'
  | 'income'
  | 'expense'
  | 'direction'
  | 'amount'
  | 'balance'
  | 'balanceSide'
  | 'counterparty'
  | 'handler';

/** Header names, compared without spaces, units or the difference between full and half width. */
const SYNONYMS: Record<ColumnKey, string[]> = {
  date: ['日期', '凭证日期', '记账日期', '业务日期', '发生日期', '制单日期'],
  month: ['月', '月份'],
  day: ['日'],
  voucher: ['凭证号', '凭证编号', '凭证字号', '凭证号数', '凭证', '凭证字', '字号'],
  summary: ['摘要', '事由', '摘要说明', '业务摘要', '内容'],
  accountCode: ['科目编码', '科目代码', '科目编号', '科目号', '编码', '会计科目编码', '对方科目编码'],
  account: ['科目', '科目名称', '会计科目', '对方科目', '对方科目名称', '明细科目', '科目全称', '收支科目', '类别'],
  debit: ['借方', '借方金额', '借方发生额'],
  credit: ['贷方', '贷方金额', '贷方发生额'],
  income: ['收入', '收入金额'],
  expense: ['支出', '支出金额'],
  direction: ['收支', '收入/支出', '收/支', '方向', '收支方向'],
  amount: ['金额', '发生额'],
  balance: ['余额', '结余', '结存', '账面余额'],
  balanceSide: ['借或贷', '借/贷', '余额方向'],
  counterparty: ['对方', '对方单位', '对方单位或个人', '收付款人', '往来单位', '收款人', '付款人', '对方户名'],
  handler: ['经手人', '经办人', '报销人'],
};

/** What each column is read as, in the words the preview shows. */
export const COLUMN_MEANING: Record<ColumnKey, string> = {
  date: '日期',
  month: '月',
  day: '日',
  voucher: '凭证号（不导入）',
  summary: '摘要',
  accountCode: '科目编码',
  account: '科目',
  debit: '收入（借方）',
  credit: '支出（贷方）',
  income: '收入',
  expense: '支出',
  direction: '收支',
  amount: '金额',
  balance: '余额（用来核对）',
  balanceSide: '余额方向',
  counterparty: '对方',
  handler: '经手人',
};

export const cellText = (v: Cell) => (v === null ? '' : halfWidth(String(v)).trim());

/** A header cell compared as the 会计 means it: 借方金额（元） is 借方金额. */
export function headerKey(v: Cell): string {
  return cellText(v)
    .replace(/\s+/g, '')
    .replace(/\((元|人民币元|单位:元)\)$/, '');
}

export function columnOf(v: Cell): ColumnKey | null {
  const k = headerKey(v);
  if (!k) return null;
  for (const [key, names] of Object.entries(SYNONYMS) as [ColumnKey, string[]][]) if (names.includes(k)) return key;
  return null;
}

export type Columns = Partial<Record<ColumnKey, number>>;

function columnsOf(cells: Cell[]): Columns {
  const out: Columns = {};
  cells.forEach((c, i) => {
    const key = columnOf(c);
    if (key && out[key] === undefined) out[key] = i;
  });
  return out;
}

const MONEY: ColumnKey[] = ['debit', 'credit', 'income', 'expense', 'amount'];
/** How far down a header may sit below the title rows. */
const HEADER_SEARCH_ROWS = 30;

export interface HeaderFound {
  /** Index in the rows given. */
  index: number;
  /** A second header row under the first (金额 over 借方 · 贷方), merged in. */
  second: boolean;
  columns: Columns;
}

/**
 * The header: the first row near the top that names a date (or 月 and 日) and a money column.
 * Exports that split 金额 into 借方 and 贷方 on a second row have both rows read as one.
 */
export function findHeader(rows: Cell[][]): HeaderFound | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i += 1) {
    const columns = columnsOf(rows[i]);
    const dated = columns.date !== undefined || columns.month !== undefined;
    const keys = Object.keys(columns).length;
    if (!dated || keys < 2) continue;
    const next = i + 1 < rows.length ? columnsOf(rows[i + 1]) : {};
    // Both sides named on the row below (借方 · 贷方 or 收入 · 支出), which the row above lacks.
    const pairs: [ColumnKey, ColumnKey][] = [
      ['debit', 'credit'],
      ['income', 'expense'],
    ];
    const lower = pairs.some(([a, b]) => next[a] !== undefined && next[b] !== undefined && columns[a] === undefined && columns[b] === undefined);
    if (lower) {
      const merged: Columns = { ...columns };
      for (const [k, idx] of Object.entries(next) as [ColumnKey, number][]) if (merged[k] === undefined) merged[k] = idx;
      // The upper 金额 spanning both is a group title, not a column.
      if (merged.amount !== undefined && (merged.debit !== undefined || merged.income !== undefined)) delete merged.amount;
      return { index: i, second: true, columns: merged };
    }
    if (MONEY.some((k) => columns[k] !== undefined)) return { index: i, second: false, columns };
  }
  return null;
}

/** Whether a row repeats the header (exports print it again at the top of each page). */
export function repeatsHeader(cells: Cell[], columns: Columns): boolean {
  const here = columnsOf(cells);
  const named = Object.entries(here) as [ColumnKey, number][];
  return named.length >= 3 && named.every(([k, i]) => columns[k] === i);
}

export type MoneyMode = 'debitCredit' | 'incomeExpense' | 'directionAmount';

export function moneyModeOf(c: Columns): MoneyMode | null {
  if (c.debit !== undefined || c.credit !== undefined) return 'debitCredit';
  if (c.income !== undefined || c.expense !== undefined) return 'incomeExpense';
  if (c.direction !== undefined || c.amount !== undefined) return 'directionAmount';
  return null;
}

/**
 * The columns a header lacks, each with the names it may go by. Money is read one of three ways:
 * 借方 and 贷方 (a journal), 收入 and 支出, or 收支 and 金额.
 */
export function missingColumns(c: Columns): string[] {
  const out: string[] = [];
  if (c.date === undefined && (c.month === undefined || c.day === undefined)) out.push('日期（或“凭证日期”，或“月”“日”两列）');
  const mode = moneyModeOf(c);
  if (mode === 'debitCredit') {
    if (c.debit === undefined) out.push('借方金额（或“借方”）');
    if (c.credit === undefined) out.push('贷方金额（或“贷方”）');
  } else if (mode === 'incomeExpense') {
    if (c.income === undefined) out.push('收入');
    if (c.expense === undefined) out.push('支出');
  } else {
    if (c.direction === undefined) out.push('收支（或者不要“收支”“金额”，改用“借方”“贷方”两列）');
    if (c.amount === undefined) out.push('金额（元）');
  }
  if (c.account === undefined && c.accountCode === undefined) out.push('科目（或“科目名称”“会计科目”“科目编码”）');
  if (c.summary === undefined) out.push('摘要');
  return out;
}
