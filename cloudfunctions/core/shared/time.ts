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

// Calendar-day arithmetic on YYYY-MM-DD text. Plain integer arithmetic rather than dayjs: a
// township's 三资 view works out tens of thousands of instalment dates on one read.
const DAY_MS = 86_400_000;
const ymd = (day: string): [number, number, number] => [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const text = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayNumber = (day: string) => {
  const [y, m, d] = ymd(day);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

/** A calendar day moved by whole days (2026-12-31 + 1 → 2027-01-01). */
export function addDays(day: string, n: number): string {
  return calendarDayOf(new Date((dayNumber(day) + n) * DAY_MS));
}

/** A calendar day moved by whole months, kept within the month (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = ymd(day);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return text(ny, nm, Math.min(d, daysIn(ny, nm)));
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Whole months from one calendar day to another, a month counted once its day is reached (the
 * last day of a shorter month stands for a later day: 01-31 → 02-28 is not yet a month, 02-28 →
 * 03-28 is), as dayjs' diff in months rounds toward zero.
 */
export function monthsBetween(from: string, to: string): number {
  if (to < from) return 0 - monthsBetween(to, from);
  const [fy, fm] = ymd(from);
  const [ty, tm] = ymd(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months -= 1;
  return months;
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
