import type { Direction } from '../../../types/finance';
import { findPersonalNumbers } from '../shared/personal-numbers';
import { chinaDay, isCalendarDay } from '../shared/time';

/** Month keys are YYYY-MM; they sort as strings. */
export const MONTH_KEY = /^20\d{2}-(0[1-9]|1[0-2])$/;

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

export function periodLabel(period: string): string {
  if (MONTH_KEY.test(period)) return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${['一', '二', '三', '四'][Number(q[2]) - 1]}季度`;
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

/** Rows are published month by month: which of their words hold a full ID or mobile number. */
export function personalFieldsOf(row: { counterparty: string; summary: string; handler: string }): string[] {
  const named: [string, string][] = [['对方', row.counterparty], ['摘要', row.summary], ['经手人', row.handler]];
  return named.filter(([, v]) => findPersonalNumbers(v).length > 0).map(([k]) => k);
}

export const personalRowMessage = (fields: string[]) => `“${fields.join('”“')}”里有完整的身份证号或手机号，账目会向村民公示，请去掉或写成 138****1234 这样`;

/** A business date is a real calendar day, not after today in the village's time zone. */
export function validBusinessDate(date: string, now: Date): 'ok' | 'format' | 'future' {
  if (!isCalendarDay(date)) return 'format';
  return date > chinaDay(now) ? 'future' : 'ok';
}

/** Full-width digits, letters and punctuation (what a Chinese keyboard or a platform export gives) as ASCII. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** An amount cell: empty (or a dash), an exact signed amount in fen, or text that is no amount. */
export type CellAmount = { kind: 'blank' } | { kind: 'fen'; fen: number } | { kind: 'bad'; text: string };

/** 12 digits of 元 is beyond any village's books; the bound keeps the arithmetic within exact integers. */
const MAX_YUAN_DIGITS = 11;

/**
 * An amount cell as a spreadsheet holds it: a number, or text as platforms export it —
 * "1,286.50", "１２８６．５０", "¥860.00", "1,200.00元", "(50.00)" or "-50.00" for a red entry.
 * Parsed to fen by splitting the digits, never through a float multiplication.
 */
export function amountOfCell(v: string | number | null): CellAmount {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'bad', text: String(v) };
    // A number cell holds a binary float: six decimals show what was typed (0.1 + 0.2 → 0.3).
    v = v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  }
  const raw = v.trim();
  let text = halfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/[。]/g, '.')
    .replace(/^(人民币|RMB)/i, '')
    .replace(/[¥￥]/g, '')
    .replace(/元$/, '');
  if (text === '' || /^[-—–]+$/.test(text)) return { kind: 'blank' };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return { kind: 'bad', text: raw };
  const digits = m[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_YUAN_DIGITS) return { kind: 'bad', text: raw };
  const fen = Number(digits) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return { kind: 'fen', fen: negative && fen !== 0 ? -fen : fen };
}

/**
 * An amount cell as a spreadsheet holds it: a number, or text like "1,234.50" or "1234.5元".
 * Parsed to fen without floating point; null when it is not a positive amount of at most two decimals.
 */
export function fenFromCell(v: string | number | null): number | null {
  const a = amountOfCell(v);
  return a.kind === 'fen' && a.fen > 0 ? a.fen : null;
}

/** Fen as the 会计 reads 元 in a message: 74201940 → "742,019.40". */
export function yuanText(fen: number): string {
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** The Asia/Shanghai date by which something about a month is due: `day` of the month after. */
export function dueAfterMonth(month: string, day: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
