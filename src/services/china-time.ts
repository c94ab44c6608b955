/**
 * The app's one time module. Every date and time the app shows or compares is China time
 * (UTC+8: no daylight saving since 1991), whatever zone the phone is set to; and "now" is the
 * server's, learnt from each answer (transport.ts), not the phone's own clock, which may be
 * wrong — deadlines, "today" and "this quarter" then agree with what the server decides.
 * Kept tiny on purpose: the main package carries no date library.
 */
import Taro from '@tarojs/taro';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Server time minus phone time, as last learnt. Kept on the phone, so a page opened before its
 * first answer (a reload, the next launch) already reckons with the right clock.
 */
const SKEW_KEY = 'serverClockSkewMs';
let skewMs = storedSkew();

function storedSkew(): number {
  try {
    const v: unknown = Taro.getStorageSync(SKEW_KEY);
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  } catch {
    return 0;
  }
}

/** Kept on the phone when it moves by more than this: a few seconds never change a date. */
const STORE_AFTER_MS = 60_000;
let storedMs = skewMs;

/** Called with the `now` of every answer. Network delay (well under a second) is ignored. */
export function syncServerTime(serverNow: string | undefined): void {
  if (!serverNow) return;
  const server = Date.parse(serverNow);
  if (Number.isNaN(server)) return;
  skewMs = server - Date.now();
  if (Math.abs(skewMs - storedMs) < STORE_AFTER_MS) return;
  storedMs = skewMs;
  try {
    Taro.setStorageSync(SKEW_KEY, skewMs);
  } catch {
    // Storage full or refused: the clock is still right for this visit.
  }
}

/** Now, by the server's clock. */
export function now(): Date {
  return new Date(Date.now() + skewMs);
}

function inChina(at: string | Date): Date {
  return new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + CHINA_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day as written in business data (`2026-10-20`), as opposed to a moment in time. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A moment as the server writes it: ISO-8601 with a zone (`2026-12-05T23:30:00.000Z`). */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The China date of a moment (ISO-8601 with a zone, or a Date), e.g. 2026-12-06. Text without a
 * zone — a bare day, or `2026-11-26 10:00` as formatChinaTime writes it — is already China time,
 * so its day is read as written (the phone would read it in its own zone).
 */
export function chinaDay(at: string | Date = now()): string {
  if (typeof at === 'string' && !MOMENT.test(at)) return at.slice(0, 10);
  const cn = inChina(at);
  return `${cn.getUTCFullYear()}-${pad(cn.getUTCMonth() + 1)}-${pad(cn.getUTCDate())}`;
}

/** e.g. 2026-11-23 10:05; a bare day (an anonymous item's time is given by day only) stays a day. */
export function formatChinaTime(at: string | Date): string {
  if (typeof at === 'string' && DAY.test(at)) return at;
  const cn = inChina(at);
  return `${chinaDay(at)} ${pad(cn.getUTCHours())}:${pad(cn.getUTCMinutes())}`;
}

/** 2026-10-20, or a moment such as 2026-10-19T16:30:00Z → 2026年10月20日 */
export function dateText(at: string): string {
  const [y, m, d] = chinaDay(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A moment → 2026年10月20日 08:30 (a bare day → 2026年10月20日) */
export function dateTimeText(at: string): string {
  return DAY.test(at) ? dateText(at) : `${dateText(at)} ${formatChinaTime(at).slice(11)}`;
}

/** The China date `days` after today (server time), e.g. a vote's default closing day. */
export function chinaDayFromNow(days: number): string {
  return chinaDay(new Date(now().getTime() + days * DAY_MS));
}

/** Whether `2026-02-30`-like text is a real calendar day. */
export function isCalendarDay(date: string): boolean {
  const d = DAY.exec(date);
  if (!d) return false;
  const probe = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  return probe.getUTCFullYear() === Number(d[1]) && probe.getUTCMonth() === Number(d[2]) - 1 && probe.getUTCDate() === Number(d[3]);
}

/** "2026-11-26" and "18:00" as a moment in China time, or null if either is not a real date or time. */
export function chinaMoment(date: string, time: string): string | null {
  const d = DAY.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [h, mi] = [Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59 || !isCalendarDay(d[0])) return null;
  return `${d[1]}-${d[2]}-${d[3]}T${pad(h)}:${t[2]}:00+08:00`;
}

/** Whether a moment has passed, by the server's clock. */
export function hasPassed(at: string): boolean {
  return now().getTime() >= Date.parse(at);
}

/** Milliseconds until a moment, by the server's clock (negative once it has passed). */
export function msUntil(at: string): number {
  return Date.parse(at) - now().getTime();
}

/** e.g. 2026Q4 */
export function currentQuarterKey(at: Date = now()): string {
  const cn = inChina(at);
  return `${cn.getUTCFullYear()}Q${Math.floor(cn.getUTCMonth() / 3) + 1}`;
}

/** The quarter that ended last, e.g. 2026Q3 in November 2026. */
export function previousQuarterKey(at: Date = now()): string {
  const cn = inChina(at);
  const q = Math.floor(cn.getUTCMonth() / 3) + 1;
  return q === 1 ? `${cn.getUTCFullYear() - 1}Q4` : `${cn.getUTCFullYear()}Q${q - 1}`;
}

/** 2026-10 → 2026-10-31: the last day a row of that month may carry. */
export function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  // Day 0 of the next month is this month's last; UTC keeps the phone's zone out of it.
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}
