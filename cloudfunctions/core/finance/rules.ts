import { formatFen, formatFenPlain } from '../../../common/money';
import type { Direction } from '../../../types/finance';
import { findPersonalNumbers } from '../shared/personal-numbers';
import { MONTH_KEY } from '../shared/keys';
import { type AccountDoc, HOSPITALITY } from './accounts';
import { LARGEST_KEPT, type MonthDoc, type PeriodTotals, type RowDoc, type TotalsDoc } from './model';
import { chinaDay, isCalendarDay } from '../shared/time';

export const monthOfDate = (date: string) => date.slice(0, 7);

export function quarterOfMonth(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}Q${Math.floor((m - 1) / 3) + 1}`;
}

export const yearOfMonth = (month: string) => month.slice(0, 4);

export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The months of a period key: 2026-10, 2026Q4 or 2026. */
export function monthsOf(period: string): string[] {
  if (MONTH_KEY.test(period)) return [period];
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  const y = Number(q ? q[1] : period);
  const first = q ? (Number(q[2]) - 1) * 3 + 1 : 1;
  const count = q ? 3 : 12;
  return Array.from({ length: count }, (_, i) => `${y}-${String(first + i).padStart(2, '0')}`);
}

/** The same period a year earlier. */
export function lastYearOf(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

export const QUARTER_NAMES = ['一', '二', '三', '四'];

export function periodLabel(period: string): string {
  if (MONTH_KEY.test(period)) return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${QUARTER_NAMES[Number(q[2]) - 1]}季度`;
  return `${period}年`;
}

export const signedFen = (direction: Direction, fen: number) => (direction === '收入' ? fen : -fen);

/**
 * How far the books are off: opening + income − expense should equal the balance the 会计
 * declared from the bank statement and cash count. 0 when they reconcile.
 */
export function reconcileGap(openingFen: number, incomeFen: number, expenseFen: number, declaredClosingFen: number): number {
  return declaredClosingFen - (openingFen + incomeFen - expenseFen);
}

/**
 * Why books that do not reconcile are refused, with both figures and the difference in 元: the
 * same sentence at 结账 (`verb` 结账) and, as a defence, at 签字. Null when they reconcile.
 */
export function unreconciledMessage(
  verb: '结账' | '签字',
  openingFen: number,
  incomeFen: number,
  expenseFen: number,
  declaredClosingFen: number,
): string | null {
  const gap = reconcileGap(openingFen, incomeFen, expenseFen, declaredClosingFen);
  if (gap === 0) return null;
  const computed = openingFen + incomeFen - expenseFen;
  const figures =
    `月初余额 ${yuanText(openingFen)} + 收入 ${yuanText(incomeFen)} − 支出 ${yuanText(expenseFen)} = ${yuanText(computed)} 元，` +
    `${verb === '结账' ? '填写' : '会计登记'}的月末余额是 ${yuanText(declaredClosingFen)} 元，相差 ${yuanText(Math.abs(gap))} 元。`;
  return verb === '结账'
    ? `账不平，不能结账：${figures}请按银行对账单和库存现金核对月末余额，或检查本月有没有漏记、记错的账，改好后再结账。`
    : `账不平，不能签字：${figures}请会计核对后重新结账。`;
}

/** Rows are published month by month: which of their words hold a full ID or mobile number. */
export function personalFieldsOf(row: { counterparty: string; summary: string; handler: string }): string[] {
  const named: [string, string][] = [
    ['对方', row.counterparty],
    ['摘要', row.summary],
    ['经手人', row.handler],
  ];
  return named.filter(([, v]) => findPersonalNumbers(v).length > 0).map(([k]) => k);
}

export const personalRowMessage = (fields: string[]) => `“${fields.join('”“')}”里有完整的身份证号或手机号，账目会向村民公示，请去掉或写成 138****1234 这样`;

/** A business date is a real calendar day, not after today in the village's time zone. */
export function validBusinessDate(date: string, now: Date): 'ok' | 'format' | 'future' {
  if (!isCalendarDay(date)) return 'format';
  return date > chinaDay(now) ? 'future' : 'ok';
}

/** Fen as the 会计 reads 元 in a message: 74201940 → "742,019.40". */
export const yuanText = formatFen;

/** Fen as a spreadsheet cell or a disclosure table carries 元: 128650 → "1286.50", no separators. */
export const yuanPlain = formatFenPlain;

/** The Asia/Shanghai date by which something about a month is due: `day` of the month after. */
export function dueAfterMonth(month: string, day: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How the 民主理财小组 signs a month off: one member's signature, or more than half of the group. */
export type SignRule = 'one' | 'majority';

/**
 * Signatures that publish a month: one, or a majority — more than half of the members (3 → 2,
 * 4 → 3, 5 → 3), as the group's own decisions are taken. A group of one needs its one.
 */
export function signaturesNeeded(members: number, rule: SignRule): number {
  if (rule === 'one' || members <= 1) return 1;
  return Math.floor(members / 2) + 1;
}

/**
 * Where a month's signatures stand. Only signatures of people in the group now count: someone
 * who left the group since signing no longer speaks for it, and the group's size is today's.
 */
export function signingCount(signerIds: string[], memberIds: string[], rule: SignRule): { counted: number; needed: number; complete: boolean } {
  const members = new Set(memberIds);
  const counted = new Set(signerIds.filter((id) => members.has(id))).size;
  const needed = signaturesNeeded(members.size, rule);
  return { counted, needed, complete: members.size > 0 && counted >= needed };
}

/** "已签 1/3：张三；还需 1 人", as the panel and the 会计 read it. */
export function signingSummary(names: string[], members: number, needed: number): string {
  const signed = `已签 ${names.length}/${members}${names.length ? `：${names.join('、')}` : ''}`;
  const more = needed - names.length;
  return more > 0 ? `${signed}；还需 ${more} 人` : signed;
}

/** A single expense at or above the township's threshold is flagged to villagers. */
export const isLargeExpense = (direction: Direction, amountFen: number, largeExpenseFlagFen: number) =>
  direction === '支出' && amountFen >= largeExpenseFlagFen;

/** A month's running totals with rows added (sign 1) or taken away (sign −1). */
export function addToMonth(m: MonthDoc, rows: RowDoc[], sign = 1): MonthDoc {
  const income = rows.filter((r) => r.direction === '收入').reduce((s, r) => s + r.amountFen, 0);
  const expense = rows.filter((r) => r.direction === '支出').reduce((s, r) => s + r.amountFen, 0);
  return { ...m, rowCount: m.rowCount + sign * rows.length, incomeFen: m.incomeFen + sign * income, expenseFen: m.expenseFen + sign * expense };
}

/** What a month adds to its period totals when it is published. */
export function monthTotalsOf(m: MonthDoc, rows: RowDoc[]): PeriodTotals {
  const byAccount: Record<string, number> = {};
  for (const r of rows) byAccount[r.accountId] = (byAccount[r.accountId] ?? 0) + r.amountFen;
  return {
    months: [m.month],
    incomeFen: m.incomeFen,
    expenseFen: m.expenseFen,
    byAccount,
    openingFen: m.openingFen ?? 0,
    closingFen: m.declaredClosingFen,
    largest: [...rows]
      .sort((a, b) => b.amountFen - a.amountFen)
      .slice(0, LARGEST_KEPT)
      .map((r) => ({ rowId: r._id, month: r.month, date: r.date, direction: r.direction, accountId: r.accountId, amountFen: r.amountFen, summary: r.summary })),
  };
}

/**
 * A period's totals with one more published month in them. A month already counted adds nothing
 * (a retried publication); the opening comes from the earliest month, the closing from the latest.
 */
export function mergeTotals(t: TotalsDoc | null, key: string, villageId: string, period: string, add: PeriodTotals): TotalsDoc {
  const base: TotalsDoc = t ?? {
    _id: key,
    villageId,
    period,
    months: [],
    incomeFen: 0,
    expenseFen: 0,
    byAccount: {},
    openingFen: null,
    closingFen: null,
    largest: [],
  };
  if (base.months.includes(add.months[0])) return base;
  const byAccount = { ...base.byAccount };
  for (const [id, fen] of Object.entries(add.byAccount)) byAccount[id] = (byAccount[id] ?? 0) + fen;
  const months = [...base.months, ...add.months].sort();
  const first = months[0] === add.months[0];
  const last = months[months.length - 1] === add.months[0];
  return {
    ...base,
    months,
    incomeFen: base.incomeFen + add.incomeFen,
    expenseFen: base.expenseFen + add.expenseFen,
    byAccount,
    openingFen: first ? add.openingFen : base.openingFen,
    closingFen: last ? add.closingFen : base.closingFen,
    largest: [...base.largest, ...add.largest].sort((a, b) => b.amountFen - a.amountFen).slice(0, LARGEST_KEPT),
  };
}

/** The chart of accounts by id and the township's flag lines: what the flags are judged against. */
export interface FlagBasis {
  byId: Map<string, AccountDoc>;
  settings: { largeExpenseFlagFen: number; hospitalityMonthlyFlagFen: number };
}

/** The 招待费 among some rows (a month's), in fen. */
export function hospitalityOf(rows: RowDoc[], books: FlagBasis): number {
  return rows.filter((r) => books.byId.get(r.accountId)?.name === HOSPITALITY).reduce((s, r) => s + r.amountFen, 0);
}

/** Plain-words flags: a large single expense, and 招待费 in a month whose 招待费 is above the setting. */
export function flagsOf(d: RowDoc, books: FlagBasis, hospitalityThisMonthFen: number): string[] {
  const flags: string[] = [];
  if (d.large) flags.push(`单笔支出 ${yuanText(d.amountFen)} 元，达到 ${yuanText(books.settings.largeExpenseFlagFen)} 元的提示线`);
  const account = books.byId.get(d.accountId);
  if (account?.name === HOSPITALITY && hospitalityThisMonthFen > books.settings.hospitalityMonthlyFlagFen) {
    flags.push(`本月招待费合计 ${yuanText(hospitalityThisMonthFen)} 元，超过 ${yuanText(books.settings.hospitalityMonthlyFlagFen)} 元`);
  }
  return flags;
}
