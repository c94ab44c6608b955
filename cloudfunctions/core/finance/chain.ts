import type { MonthState } from '../../../types/finance';
import { periodLabel, previousMonth, yuanText } from './rules';

/**
 * Balances chain month to month: a month opens at the balance the month before it closed at.
 * These rules say where a month's balances are fixed by its published neighbours and, when they
 * are not met, say so naming both amounts and both months. Pure: the service hands them the
 * village's month records.
 */

/** What the chain needs to know of a village's month. */
export interface MonthFacts {
  month: string;
  state: MonthState;
  openingFen: number | null;
  declaredClosingFen: number | null;
  incomeFen: number;
  expenseFen: number;
}

export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const find = (months: MonthFacts[], month: string) => months.find((m) => m.month === month) ?? null;

/** The month just before, when it is published: its closing balance is fixed for good. */
export function publishedBefore(months: MonthFacts[], month: string): MonthFacts | null {
  const prev = find(months, previousMonth(month));
  return prev?.state === 'published' && prev.declaredClosingFen !== null ? prev : null;
}

/**
 * The month just after, when it is published: its opening balance is fixed for good. This is the
 * case of books entered backwards — a month added before the first month published.
 */
export function publishedAfter(months: MonthFacts[], month: string): MonthFacts | null {
  const next = find(months, nextMonth(month));
  return next?.state === 'published' && next.openingFen !== null ? next : null;
}

/**
 * The balance a month opens at as the books have it: the month before's closing balance once
 * that is declared (closed or published), else the month's own opening if it was closed before
 * and reopened. Null when the books do not know it yet.
 */
export function openingAsBooksHaveIt(months: MonthFacts[], month: string): { fen: number; from: string } | null {
  const prev = find(months, previousMonth(month));
  if (prev && prev.declaredClosingFen !== null) return { fen: prev.declaredClosingFen, from: `${periodLabel(prev.month)}的月末余额` };
  const own = find(months, month);
  if (own && own.openingFen !== null) return { fen: own.openingFen, from: `${periodLabel(month)}结账时的月初余额` };
  return null;
}

const gap = (a: number, b: number) => `相差 ${yuanText(Math.abs(a - b))} 元`;

/** A month opening at a balance other than the published month before closed at. */
export function openingBreak(month: string, openingFen: number, before: MonthFacts | null): string | null {
  if (!before || before.declaredClosingFen === null || before.declaredClosingFen === openingFen) return null;
  return (
    `${periodLabel(month)}的月初余额 ${yuanText(openingFen)} 元，与已公示的${periodLabel(before.month)}月末余额 ` +
    `${yuanText(before.declaredClosingFen)} 元接不上（${gap(openingFen, before.declaredClosingFen)}）。`
  );
}

/** A month closing at a balance other than the published month after opens at. */
export function closingBreak(month: string, closingFen: number, after: MonthFacts | null): string | null {
  if (!after || after.openingFen === null || after.openingFen === closingFen) return null;
  return (
    `${periodLabel(month)}的月末余额 ${yuanText(closingFen)} 元，与已公示的${periodLabel(after.month)}月初余额 ` +
    `${yuanText(after.openingFen)} 元接不上（${gap(closingFen, after.openingFen)}）。`
  );
}

/** Both ends of a month against its published neighbours: the breaks in words, none when it chains. */
export function chainBreaks(months: MonthFacts[], month: string, openingFen: number | null, closingFen: number | null): string[] {
  const out: string[] = [];
  const opening = openingFen === null ? null : openingBreak(month, openingFen, publishedBefore(months, month));
  const closing = closingFen === null ? null : closingBreak(month, closingFen, publishedAfter(months, month));
  if (opening) out.push(opening);
  if (closing) out.push(closing);
  return out;
}
