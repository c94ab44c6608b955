import { calendarDayOf } from '../shared/time';
import { halfWidth } from './cells';

/**
 * The layout of a journal as provincial 三资 platforms export it (现金日记账, 银行存款日记账) and
 * as a 会计 keeps one by hand: title rows, a header row under them whose names vary, summary
 * rows between the vouchers, a signature line at the foot. Pure: which row is what.
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
    const pairs: [ColumnKey, ColumnKey][] = [['debit', 'credit'], ['income', 'expense']];
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

export type SummaryKind = 'opening' | 'monthTotal' | 'yearTotal' | 'carriedForward' | 'carryOver' | 'closing';

const SUMMARY_ROWS: [SummaryKind, RegExp][] = [
  ['opening', /^(期初余额|期初结存|上月结转|上期结转|上年结转|年初余额|承上月)/],
  ['monthTotal', /^(本月合计|本期合计|本月发生额合计|本月小计|月计)/],
  ['yearTotal', /^(本年累计|本年合计|本年发生额累计|年计)/],
  ['carriedForward', /^(承前页|承上页)/],
  ['carryOver', /^(过次页|转次页|过下页|转下页)/],
  ['closing', /^(期末余额|期末结存|本月结余|结转下月|结转下年)/],
];

/** What each summary row is, in the words the preview shows. */
export const SUMMARY_TEXT: Record<SummaryKind, string> = {
  opening: '期初余额',
  monthTotal: '本月合计',
  yearTotal: '本年累计',
  carriedForward: '承前页',
  carryOver: '过次页',
  closing: '期末余额',
};

/**
 * A summary row: its 摘要 (or, when the export put it elsewhere, any text of the row) starts with
 * 期初余额, 本月合计, 本年累计, 承前页, 过次页 or their other names.
 */
export function summaryKindOf(cells: Cell[], summaryIndex: number | undefined): SummaryKind | null {
  const own = summaryIndex === undefined ? '' : cellText(cells[summaryIndex] ?? null);
  // A voucher's own 摘要 decides; only a row with none (本月合计 merged over 日期 and 凭证号) is read elsewhere.
  const texts = own ? [own] : cells.map((c) => (typeof c === 'string' ? cellText(c) : ''));
  for (const t of texts) {
    const k = t.replace(/\s+/g, '');
    if (!k) continue;
    const hit = SUMMARY_ROWS.find(([, re]) => re.test(k));
    if (hit) return hit[0];
  }
  return null;
}

/** "会计：杨秀梅  出纳：王建军", "制表人:", "（签章）": the signature lines under a journal. */
export function isFooter(cells: Cell[]): boolean {
  const text = cells.map(cellText).join(' ');
  return /(会计|出纳|记账|复核|审核|制表|制单|主管|负责人|填表|打印|审批|理财小组|监委会)(人|员|日期)?\s*:/.test(text) || /(签字|签章|盖章)/.test(text);
}

/** Distinct texts of a row (a merged title repeats in every cell it spans). */
export function rowText(cells: Cell[]): string {
  return distinctTexts(cells).join(' ');
}

export function distinctTexts(cells: Cell[]): string[] {
  return [...new Set(cells.map((c) => (c === null ? '' : String(c).trim())).filter(Boolean))];
}

export type JournalKind = '现金日记账' | '银行存款日记账';

/** What the title rows (or the file name) say the file is, and the period they name. */
export function journalOf(titles: string[], fileName: string): { kind: JournalKind | null; year: number | null; month: number | null; other: string | null } {
  // The title says what the file is; the file name only when the title does not.
  const kindIn = (t: string): JournalKind | null => (/现金日记账/.test(t) ? '现金日记账' : /银行(存款)?日记账/.test(t) ? '银行存款日记账' : null);
  const all = [...titles, fileName].map((t) => halfWidth(t).replace(/\s+/g, ''));
  const kind = all.map(kindIn).find(Boolean) ?? null;
  // A 明细账 of an income or expense account has 借方 and 贷方 the other way round.
  const other = kind ? null : (all.map((t) => /[^\s]*(明细账|总账|科目余额表)/.exec(t)?.[0]).find(Boolean) ?? null);
  let year: number | null = null;
  let month: number | null = null;
  for (const t of titles.map((x) => halfWidth(x).replace(/\s+/g, ''))) {
    const m = /(20\d{2})(?:年|[-./])(?:(\d{1,2})月?)?/.exec(t.replace(/^.*?(会计期间|期间|所属期|日期)[:]?/, ''));
    if (m) {
      year = Number(m[1]);
      month = m[2] && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? Number(m[2]) : null;
      break;
    }
  }
  return { kind, year, month, other };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as a journal writes it: an Excel serial, 2026-10-08, 2026/10/8, 2026年10月8日,
 * 20261008, or only month and day (10-08, 10月8日) under a title naming the year. Returns
 * YYYY-MM-DD (not yet checked to be a calendar day), or null with the text as written.
 */
export function journalDate(v: Cell, year: number | null): string | null {
  if (typeof v === 'number' && v > 30000 && v < 80000) return calendarDayOf(new Date(Date.UTC(1899, 11, 30) + v * 86400000));
  // Any other number is 20261008 or nothing: 10.10 typed as a number reads back as 10.1.
  if (typeof v === 'number' && !/^20\d{6}$/.test(String(v))) return null;
  const t = cellText(v).replace(/\s+/g, '');
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  m = /^(20\d{2})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[-./月](\d{1,2})日?$/.exec(t);
  if (m && year !== null) return `${year}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
  return null;
}

/** 月 and 日 in two columns, the year from the title. */
export function dateOfParts(month: Cell, day: Cell, year: number | null): string | null {
  const m = Number(cellText(month).replace(/月$/, ''));
  const d = Number(cellText(day).replace(/日$/, ''));
  if (year === null || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || d < 1) return null;
  return `${year}-${pad(m)}-${pad(d)}`;
}
