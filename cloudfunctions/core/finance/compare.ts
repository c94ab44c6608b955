import type { AmountChange, PeriodComparison } from '../../../types/finance';
import { lastYearOf, monthsOf, QUARTER_NAMES } from './rules';

// A period set against the same months a year earlier, in the words a villager reads: pure, apart
// from rules.ts because it is one question (is last year comparable, and by how much) with its own helpers.

/** A year's months as a villager reads them: 2026-01…2026-03, 2026-05 → "1–3、5". */
export function monthSpans(months: string[]): string {
  const nums = [...new Set(months.map((m) => Number(m.slice(5, 7))))].sort((a, b) => a - b);
  const spans: string[] = [];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    spans.push(j === i ? String(nums[i]) : `${nums[i]}–${nums[j]}`);
    i = j + 1;
  }
  return spans.join('、');
}

/** A published month's totals, as the comparison reads them. */
export interface MonthAmounts {
  month: string;
  incomeFen: number;
  expenseFen: number;
}

function change(now: number, before: number, basis: string): AmountChange {
  if (before === 0) return { lastYearFen: 0, percent: null, words: now === 0 ? `与${basis}一样，都是 0` : `${basis}为 0，无法算增减比例` };
  if (now === before) return { lastYearFen: before, percent: 0, words: `与${basis}相同` };
  // Rounded on the magnitude, so +2.5% and −2.5% read alike.
  const size = Math.round((Math.abs(now - before) * 100) / before);
  const percent = now > before ? size : -size;
  return { lastYearFen: before, percent, words: size === 0 ? `与${basis}基本持平` : `比${basis}${now > before ? '多' : '少'} ${size}%` };
}

/**
 * This period against the same months of the year before — only like for like. The period's
 * published months (current) are compared with those very months a year earlier, and only when
 * every one of them was published then; a year with ten months is never set against a year of
 * five, nor a quarter of one month against a whole quarter. Otherwise the reason says, in words,
 * which months last year's books are missing.
 */
export function comparePeriod(
  period: string,
  current: { months: string[]; incomeFen: number; expenseFen: number },
  lastYear: MonthAmounts[],
): PeriodComparison {
  if (current.months.length === 0) return { comparable: false, reason: '这段时间还没有公示的账，无法比较' };
  const span = new Set(monthsOf(lastYearOf(period)));
  const had = lastYear.filter((m) => span.has(m.month));
  const wanted = [...new Set(current.months.map(lastYearOf))].sort();
  const byMonth = new Map(had.map((m) => [m.month, m]));
  const missing = wanted.filter((m) => !byMonth.has(m));
  if (had.length === 0) return { comparable: false, reason: `去年同期（${monthSpans(wanted)}月）没有公示的账，无法比较` };
  if (missing.length > 0) {
    const have = `${monthSpans(had.map((m) => m.month))} 月的账（缺 ${monthSpans(missing)} 月）`;
    // A single month is either there or not: only a quarter or a year can be partly there.
    const quarter = /Q(\d)$/.exec(period);
    return {
      comparable: false,
      reason: quarter ? `去年第${QUARTER_NAMES[Number(quarter[1]) - 1]}季度只有 ${have}，无法比较` : `去年只有 ${have}，无法比较全年`,
    };
  }
  const basis = `去年同期（${monthSpans(wanted)}月）`;
  const sum = (k: 'incomeFen' | 'expenseFen') => wanted.reduce((s, m) => s + (byMonth.get(m) as MonthAmounts)[k], 0);
  return {
    comparable: true,
    months: wanted,
    income: change(current.incomeFen, sum('incomeFen'), basis),
    expense: change(current.expenseFen, sum('expenseFen'), basis),
  };
}
