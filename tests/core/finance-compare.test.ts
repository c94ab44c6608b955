import { comparePeriod, monthSpans, type MonthAmounts } from '../../cloudfunctions/core/finance/compare';

/** Published months of one year, each with the same income and expense unless given. */
function months(year: number, nums: number[], incomeFen = 100_00, expenseFen = 50_00): MonthAmounts[] {
  return nums.map((n) => ({ month: `${year}-${String(n).padStart(2, '0')}`, incomeFen, expenseFen }));
}

/** This period as the report holds it: its published months and their totals. */
function current(list: MonthAmounts[]) {
  return {
    months: list.map((m) => m.month),
    incomeFen: list.reduce((s, m) => s + m.incomeFen, 0),
    expenseFen: list.reduce((s, m) => s + m.expenseFen, 0),
  };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('months in words', () => {
  it('joins runs of months with a dash and the rest with 、', () => {
    expect(monthSpans(['2026-01', '2026-02', '2026-03', '2026-05', '2026-07', '2026-08'])).toBe('1–3、5、7–8');
    expect(monthSpans(['2025-12', '2025-08', '2025-09', '2025-10', '2025-11'])).toBe('8–12');
    expect(monthSpans(['2026-10'])).toBe('10');
    expect(monthSpans([])).toBe('');
  });
});

describe('comparing a period with last year, like for like only', () => {
  it('compares ten months of this year with the same ten months of last year, when all of them were published', () => {
    const now = current(months(2026, range(1, 10), 120_00, 30_00));
    const c = comparePeriod('2026', now, months(2025, range(1, 12), 100_00, 40_00));
    // December of last year is on record, but this year has no December yet: it is left out.
    expect(c).toEqual({
      comparable: true,
      months: range(1, 10).map((n) => `2025-${String(n).padStart(2, '0')}`),
      income: { lastYearFen: 1000_00, percent: 20, words: '比去年同期（1–10月）多 20%' },
      expense: { lastYearFen: 400_00, percent: -25, words: '比去年同期（1–10月）少 25%' },
    });
  });

  it('refuses a year against a partial last year, naming the months last year has and lacks', () => {
    const c = comparePeriod('2026', current(months(2026, range(1, 10))), months(2025, range(8, 12)));
    expect(c).toEqual({ comparable: false, reason: '去年只有 8–12 月的账（缺 1–7 月），无法比较全年' });
  });

  it('refuses a quarter of one month against last year’s quarter only when that month is missing', () => {
    // This Q4 has only October: last year's October is what it is set against, not a whole Q4.
    const octOnly = current(months(2026, [10], 90_00, 30_00));
    const full = comparePeriod('2026Q4', octOnly, months(2025, [10, 11, 12], 100_00, 40_00));
    expect(full).toMatchObject({ comparable: true, months: ['2025-10'], income: { percent: -10, words: '比去年同期（10月）少 10%' } });
    expect(comparePeriod('2026Q4', octOnly, months(2025, [11, 12]))).toEqual({
      comparable: false,
      reason: '去年第四季度只有 11–12 月的账（缺 10 月），无法比较',
    });
    expect(comparePeriod('2026Q4', octOnly, [])).toEqual({ comparable: false, reason: '去年同期（10月）没有公示的账，无法比较' });
  });

  it('says a month cannot be compared when last year’s same month was not published', () => {
    expect(comparePeriod('2026-10', current(months(2026, [10])), months(2025, [9, 11]))).toEqual({
      comparable: false,
      reason: '去年同期（10月）没有公示的账，无法比较',
    });
  });

  it('compares only the months published this year when one is missing in the middle', () => {
    // April 2026 is not published: the year so far is Jan–Mar and May–Jun, against the same five months.
    const now = current(months(2026, [1, 2, 3, 5, 6]));
    const c = comparePeriod('2026', now, months(2025, range(1, 12)));
    expect(c).toMatchObject({
      comparable: true,
      months: ['2025-01', '2025-02', '2025-03', '2025-05', '2025-06'],
      income: { percent: 0, words: '与去年同期（1–3、5–6月）相同' },
    });
    // Last year missing a month in the middle of the ones needed.
    expect(comparePeriod('2026', current(months(2026, range(1, 6))), months(2025, [1, 2, 3, 5, 6, 7]))).toEqual({
      comparable: false,
      reason: '去年只有 1–3、5–7 月的账（缺 4 月），无法比较全年',
    });
  });

  it('gives no percentage of nothing when last year’s amount was 0, and says both were 0 when they were', () => {
    const c = comparePeriod('2026-03', current(months(2026, [3], 500_00, 0)), months(2025, [3], 0, 0));
    expect(c).toMatchObject({
      comparable: true,
      income: { lastYearFen: 0, percent: null, words: '去年同期（3月）为 0，无法算增减比例' },
      expense: { lastYearFen: 0, percent: null, words: '与去年同期（3月）一样，都是 0' },
    });
  });

  it('rounds small changes to 基本持平 and rounds up and down alike', () => {
    const c = comparePeriod('2026-03', current(months(2026, [3], 100_40, 97_50)), months(2025, [3], 100_00, 100_00));
    expect(c).toMatchObject({ income: { percent: 0, words: '与去年同期（3月）基本持平' }, expense: { percent: -3, words: '比去年同期（3月）少 3%' } });
    const up = comparePeriod('2026-03', current(months(2026, [3], 102_50, 97_50)), months(2025, [3], 100_00, 100_00));
    expect(up).toMatchObject({ income: { percent: 3 }, expense: { percent: -3 } });
  });

  it('sets January against last January across the year boundary, never against last December', () => {
    const jan = current(months(2026, [1]));
    // Last year's December and this year's January are neighbours, not the same period.
    expect(comparePeriod('2026-01', jan, months(2025, [12]))).toEqual({ comparable: false, reason: '去年同期（1月）没有公示的账，无法比较' });
    expect(comparePeriod('2026Q1', jan, months(2025, [12]))).toEqual({ comparable: false, reason: '去年同期（1月）没有公示的账，无法比较' });
    expect(comparePeriod('2026', jan, months(2025, [12]))).toEqual({ comparable: false, reason: '去年只有 12 月的账（缺 1 月），无法比较全年' });
    expect(comparePeriod('2026', jan, months(2025, [1, 12]))).toMatchObject({ comparable: true, months: ['2025-01'] });
    // Months of this year passed in as "last year" by mistake are not last year's.
    expect(comparePeriod('2026-01', jan, months(2026, [1]))).toMatchObject({ comparable: false });
  });

  it('says there is nothing to compare when the period has no published month', () => {
    expect(comparePeriod('2026Q2', current([]), months(2025, [4, 5, 6]))).toEqual({ comparable: false, reason: '这段时间还没有公示的账，无法比较' });
  });
});
