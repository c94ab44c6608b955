import type { Ports } from '../../ports';
import { contractsEnding } from '../assets/api';
import { publishedPeriod, type PublishedPeriod } from '../finance/api';
import { rosterCounts } from '../people/api';
import { addDays, addMonths, chinaDay } from '../shared/time';
import { unansweredCount } from '../tickets/api';
import { type PlainFacts, periodWords } from './rules';

// The facts a 明白账 is written from, each read through its owner's face: the published books
// (finance), the contracts (assets), the open questions (tickets) and the roster's counts (people).

/** The three months after the period: the leases the 两委 must decide on next. */
function nextQuarterOf(period: string): { from: string; to: string } {
  const lastMonth = /Q([1-4])$/.test(period) ? Number(period.slice(-1)) * 3 : Number(period.slice(5, 7));
  const from = addMonths(`${period.slice(0, 4)}-${String(lastMonth).padStart(2, '0')}-01`, 1);
  return { from, to: addDays(addMonths(from, 3), -1) };
}

/** Where the figures come from, in words: 2026年7–9月的账，10月5日公示. */
export function fromWords(p: PublishedPeriod): string {
  const ms = p.months.map((m) => Number(m.month.slice(5, 7)));
  const span = ms.length > 1 ? `${ms[0]}–${ms[ms.length - 1]}月` : `${ms[0]}月`;
  const last =
    p.months
      .map((m) => m.publishedAt)
      .sort()
      .pop() ?? '';
  return `${p.months[0].month.slice(0, 4)}年${span}已公示的账${last ? `（${chinaDay(new Date(last))} 公示）` : ''}`;
}

/** Expense accounts named 其他…: what the 明白账 calls 其他. */
const isOther = (account: string) => account.startsWith('其他');

export async function factsOf(ports: Ports, villageId: string, period: string): Promise<{ facts: PlainFacts; villageName: string } | null> {
  const published = await publishedPeriod(ports, villageId, period);
  if (!published) return null;
  const next = nextQuarterOf(period);
  const [counts, ending, openQuestions] = await Promise.all([
    rosterCounts(ports, villageId),
    contractsEnding(ports, villageId, next.from, next.to),
    unansweredCount(ports, villageId),
  ]);
  const r = published.report;
  // Largest first; equal amounts by date then id, so the same books always name the same rows.
  const ranked = [...published.expenses].sort((a, b) => b.amountFen - a.amountFen || a.date.localeCompare(b.date) || a.rowId.localeCompare(b.rowId));
  const other = published.expenses.filter((e) => isOther(e.account));
  const facts: PlainFacts = {
    period,
    label: periodWords(period),
    from: fromWords(published),
    incomeFen: r.incomeFen,
    expenseFen: r.expenseFen,
    comparison: r.comparison,
    top: ranked.slice(0, 3).map((e) => ({ rowId: e.rowId, amountFen: e.amountFen, summary: e.summary, account: e.account })),
    other: { fen: other.reduce((s, e) => s + e.amountFen, 0), accountIds: [...new Set(other.map((e) => e.accountId))].sort() },
    closingFen: r.closingFen,
    households: counts.households,
    persons: counts.persons,
    expiring: ending.map((c) => c.contractId),
    openQuestions,
  };
  return { facts, villageName: published.ctx.village.name };
}
