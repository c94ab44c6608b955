import { chinaDay, quarterKey, quarterOf, shiftQuarterKey } from '../shared/time';

/** Where one quarter of a village stands, as the home needs to know it. */
export interface QuarterFacts {
  /** Catalog (regular) items with a published version. */
  regular: number;
  /** 专项公开 items with a published version. */
  adhoc: number;
  /** How many catalog items the quarter requires. */
  required: number;
  /** The quarter's due date (China time, YYYY-MM-DD). */
  dueDate: string;
}

/** The quarter that ended last (the one 一季一晒 reports on now), China time. */
export function lastEndedQuarter(now: Date): string {
  return shiftQuarterKey(quarterKey(quarterOf(now)), -1);
}

/**
 * The quarters a village home shows: `main`, the quarter villagers are owed, and `more`, later
 * quarters with something to see, oldest first.
 *
 * The main card is the quarter being reported. When a quarter ends, the one before it stays the
 * main card until that one is complete or past its due date *and* the quarter just ended has
 * regular catalog items out: a fully published quarter is never replaced by an empty one, and a
 * 专项公开 or an item out early (a matter's result, a month's books) never moves the home by
 * itself. A later quarter shows as a second card once anything of it is out — or, for the quarter
 * that ended, once its due date has passed with nothing out, since that is news too.
 */
export function homeQuarters(now: Date, facts: (quarter: string) => QuarterFacts): { main: string; more: string[] } {
  const today = chinaDay(now);
  const ended = lastEndedQuarter(now);
  const before = shiftQuarterKey(ended, -1);
  const current = shiftQuarterKey(ended, 1);
  const e = facts(ended);
  const b = facts(before);
  const beforeDone = b.regular >= b.required || today > b.dueDate;
  const main = b.regular === 0 || (beforeDone && e.regular > 0) ? ended : before;
  const more: string[] = [];
  if (main === before && (e.regular + e.adhoc > 0 || today > e.dueDate)) more.push(ended);
  const c = facts(current);
  if (c.regular + c.adhoc > 0) more.push(current);
  return { main, more };
}
