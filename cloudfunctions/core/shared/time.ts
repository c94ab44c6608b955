import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import quarterOfYear from 'dayjs/plugin/quarterOfYear';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(quarterOfYear);
dayjs.locale('zh-cn');

/** Business dates (quarters, months, deadlines) are reckoned in the villages' time zone. */
export const ZONE = 'Asia/Shanghai';

/**
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset gives the same
 * answers as the tz database for every date the system deals in — and costs a fraction of
 * dayjs.tz, which formats through Intl on every call (it was the largest single cost of
 * serving a page).
 */
const OFFSET_MS = 8 * 3600 * 1000;

/** What a Beijing wall clock and calendar read at a moment: for formatting and reading, not for instants. */
export interface WallClock {
  format(template: string): string;
  year(): number;
  quarter(): number;
  month(): number;
  date(): number;
  hour(): number;
}

/**
 * The Beijing reading of a moment. Built as the UTC reading of the moment shifted by eight hours,
 * because dayjs's utcOffset mode does its arithmetic in the server's own zone: on a server whose
 * zone keeps daylight saving it misread times around the changeover by an hour (found by the
 * test:dates run in America/Los_Angeles). Its instant is shifted, so only the reading is offered.
 */
export function local(d: Date): WallClock {
  return dayjs.utc(d.getTime() + OFFSET_MS);
}

/** The China date of a moment, e.g. 2026-12-06 (what "today" means for every business rule). */
export function chinaDay(d: Date): string {
  return local(d).format('YYYY-MM-DD');
}

/**
 * A Date that stands for a calendar day rather than a moment — midnight UTC, as Date.UTC and
 * spreadsheet readers make them — as YYYY-MM-DD. No zone enters: the day is the day written.
 */
export function calendarDayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Whether YYYY-MM-DD text is a real calendar day (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && calendarDayOf(d) === text;
}

/** A calendar day moved by whole days (2026-12-31 + 1 → 2027-01-01). */
export function addDays(day: string, n: number): string {
  return dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
}

/** A calendar day moved by whole months, kept within the month (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(day: string, n: number): string {
  return dayjs.utc(day).add(n, 'month').format('YYYY-MM-DD');
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** Whole months from one calendar day to another, counting a month only once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'month');
}

// Quarter keys and labels are shared with the app (common/quarters.ts); which quarter a moment
// falls in needs Beijing time, so it stays here.
import type { QuarterRef } from '../../../common/quarters';
export { parseQuarterKey, quarterKey, quarterLabel, shiftQuarterKey, type QuarterRef } from '../../../common/quarters';

export function quarterOf(d: Date): QuarterRef {
  const l = local(d);
  return { year: l.year(), quarter: l.quarter() as QuarterRef['quarter'] };
}

/**
 * A quarter's disclosure is due on `dueDay` of the first month after the quarter ends
 * (default the 20th: 2026Q4 is due 2027-01-20), Asia/Shanghai.
 */
export function quarterDueDate(q: QuarterRef, dueDay = 20): string {
  const firstMonthAfter = dayjs.utc(`${q.year}-01-01`).add(q.quarter * 3, 'month');
  return firstMonthAfter.date(dueDay).format('YYYY-MM-DD');
}
