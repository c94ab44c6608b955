import { functionsHost } from '../helpers/host';
import { fenOf, ledgerLines, ledgerXlsx } from '../helpers/ledger-file';

const host = functionsHost();

// The test host's clock is 2026-11-23: the demo books are published for the fifteen months
// 2025-07 … 2026-09, so 2025 has only July–December on record and 2026 January–September.
const ok = (action: string, data: unknown, persona?: string) => host.ok('finance', action, data, persona);

const monthTotals = async (villageId: string, months: string[]) => {
  const views = await Promise.all(months.map((month) => ok('month', { villageId, month })));
  return { incomeFen: views.reduce((s, v) => s + v.incomeFen, 0), expenseFen: views.reduce((s, v) => s + v.expenseFen, 0) };
};

const percent = (now: number, before: number) => Math.sign(now - before) * Math.round((Math.abs(now - before) * 100) / before);

describe('comparisons with last year on the money page', () => {
  it('say in words that a year cannot be set against a last year of July–December only', async () => {
    const { years } = await ok('years', { villageId: 'yangjia' });
    expect(years.map((y: { year: string }) => y.year)).toEqual(['2026', '2025']);
    expect(years[1].months).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);

    const m = await ok('money', { villageId: 'yangjia' }, 'yangjia-villager');
    // The year's figures are nine months': the report says so beside them.
    expect(m.year).toMatchObject({ months: expect.arrayContaining(['2026-01', '2026-09']), coverage: '1–9 月' });
    expect(m.quarter.coverage).toBeNull();
    expect(m.year.comparison).toEqual({ comparable: false, reason: '去年只有 7–12 月的账（缺 1–6 月），无法比较全年' });
    // The year before the books begin: nothing at all to compare with.
    const y2025 = await ok('report', { villageId: 'yangjia', period: '2025' });
    expect(y2025.comparison).toEqual({ comparable: false, reason: '去年同期（7–12月）没有公示的账，无法比较' });
  });

  it('give the right percentage for a quarter and a month whose same months last year were all published', async () => {
    const m = await ok('money', { villageId: 'yangjia' });
    const last = await monthTotals('yangjia', ['2025-07', '2025-08', '2025-09']);
    expect(m.quarter.period).toBe('2026Q3');
    expect(m.quarter.comparison).toMatchObject({
      comparable: true,
      months: ['2025-07', '2025-08', '2025-09'],
      income: { lastYearFen: last.incomeFen, percent: percent(m.quarter.incomeFen, last.incomeFen) },
      expense: { lastYearFen: last.expenseFen, percent: percent(m.quarter.expenseFen, last.expenseFen) },
    });
    const p = percent(m.quarter.expenseFen, last.expenseFen);
    expect(m.quarter.comparison.expense.words).toBe(p === 0 ? '与去年同期（7–9月）基本持平' : `比去年同期（7–9月）${p > 0 ? '多' : '少'} ${Math.abs(p)}%`);

    const sep = await monthTotals('yangjia', ['2025-09']);
    expect(m.month.comparison).toMatchObject({
      comparable: true,
      months: ['2025-09'],
      income: { lastYearFen: sep.incomeFen, percent: percent(m.month.incomeFen, sep.incomeFen) },
    });
  });

  it('say a quarter cannot be compared when last year has none of its months', async () => {
    const q1 = await ok('report', { villageId: 'yangjia', period: '2026Q1' });
    expect(q1.comparison).toEqual({ comparable: false, reason: '去年同期（1–3月）没有公示的账，无法比较' });
  });

  it('set a quarter of one published month against that month last year, not against a whole quarter', async () => {
    const lines = ledgerLines('2026-10', 12);
    await ok('commitImport', { villageId: 'diquan', fileName: '10月.xlsx', fileBase64: await ledgerXlsx(lines) }, 'diquan-accountant');
    const sep = await ok('month', { villageId: 'diquan', month: '2026-09' });
    await ok(
      'closeMonth',
      { villageId: 'diquan', month: '2026-10', declaredClosingFen: sep.declaredClosingFen + fenOf(lines, '收入') - fenOf(lines, '支出') },
      'diquan-accountant',
    );
    await ok('sign', { villageId: 'diquan', month: '2026-10' }, 'diquan-finance');
    await ok('sign', { villageId: 'diquan', month: '2026-10' }, 'diquan-finance-2');

    const m = await ok('money', { villageId: 'diquan' });
    expect(m.quarter).toMatchObject({ period: '2026Q4', months: ['2026-10'], expenseFen: fenOf(lines, '支出') });
    const oct = await monthTotals('diquan', ['2025-10']);
    const p = percent(fenOf(lines, '支出'), oct.expenseFen);
    expect(m.quarter.comparison).toMatchObject({ comparable: true, months: ['2025-10'], expense: { lastYearFen: oct.expenseFen, percent: p } });
    expect(m.quarter.comparison.expense.words).toBe(p === 0 ? '与去年同期（10月）基本持平' : `比去年同期（10月）${p > 0 ? '多' : '少'} ${Math.abs(p)}%`);
  });
});

describe('every year on record', () => {
  it('lists each year’s published months and quarters, newest first, in a small answer', async () => {
    // 大姜村: every month it closed is published (豆腐李村's latest waits for a second signature).
    const res = await host.call('finance', 'years', { villageId: 'dajiang' }, 'dajiang-villager');
    expect(res.body.data.years).toEqual([
      {
        year: '2026',
        months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'],
        quarters: ['2026Q1', '2026Q2', '2026Q3'],
      },
      { year: '2025', months: ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'], quarters: ['2025Q3', '2025Q4'] },
    ]);
    // Each of them opens: the month, its quarter and its year.
    for (const period of ['2025-08', '2025Q4', '2025']) expect((await ok('report', { villageId: 'dajiang', period })).period).toBe(period);
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);
  });

  it('refuses a village that does not exist, and fields it does not know', async () => {
    expect((await host.call('finance', 'years', { villageId: 'nowhere' })).body.error.code).toBe('NOT_FOUND');
    expect((await host.call('finance', 'years', { villageId: 'yangjia', extra: 1 })).body.error.code).toBe('INVALID_ARGUMENT');
  });
});
