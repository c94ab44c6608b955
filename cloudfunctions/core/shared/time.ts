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
const OFFSET_MINUTES = 8 * 60;

export function local(d: Date) {
  return dayjs(d).utcOffset(OFFSET_MINUTES);
}

export interface QuarterRef {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const QUARTER_KEY = /^(\d{4})Q([1-4])$/;
const QUARTER_NAMES = ['一', '二', '三', '四'];

export function quarterOf(d: Date): QuarterRef {
  const l = local(d);
  return { year: l.year(), quarter: l.quarter() as QuarterRef['quarter'] };
}

export function quarterKey(q: QuarterRef): string {
  return `${q.year}Q${q.quarter}`;
}

export function parseQuarterKey(key: string): QuarterRef | null {
  const m = QUARTER_KEY.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as QuarterRef['quarter'] } : null;
}

export function quarterLabel(q: QuarterRef): string {
  return `${q.year}年第${QUARTER_NAMES[q.quarter - 1]}季度`;
}

/**
 * A quarter's disclosure is due on `dueDay` of the first month after the quarter ends
 * (default the 20th: 2026Q4 is due 2027-01-20), Asia/Shanghai.
 */
export function quarterDueDate(q: QuarterRef, dueDay = 20): string {
  const firstMonthAfter = dayjs.utc(`${q.year}-01-01`).add(q.quarter * 3, 'month');
  return firstMonthAfter.date(dueDay).format('YYYY-MM-DD');
}
