import type { PeriodReport } from '../../../types/finance';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';
import type { CallerInVillage } from '../caller/api';
import { booksOf, rowsOfMonth } from './books';
import type { MonthDoc } from './model';
import { reportOf } from './reports';
import { monthsOf } from './rules';

// What the published books say about a period, for those who write it in other words (the
// 明白账, core/plain): published months only, read as villagers may read them.

export interface PublishedExpense {
  rowId: string;
  month: string;
  date: string;
  amountFen: number;
  summary: string;
  accountId: string;
  account: string;
}

export interface PublishedPeriod {
  ctx: CallerInVillage;
  report: PeriodReport;
  /** Each published month of the period with the day it was published. */
  months: { month: string; publishedAt: string }[];
  /** Every expense row of the period's published months. */
  expenses: PublishedExpense[];
}

/** A period's published figures and expense rows; null when none of its months is published. */
export async function publishedPeriod(ports: Ports, villageId: string, period: string): Promise<PublishedPeriod | null> {
  const books = await booksOf(ports, villageId);
  const span = monthsOf(period);
  const [report, docs] = await Promise.all([
    reportOf(ports, books, villageId, period),
    ports.store.collection<MonthDoc>(C.ledgerMonths).find({
      where: { villageId, state: 'published', month: [cmd.gte(span[0]), cmd.lte(span[span.length - 1])] },
      orderBy: [['month', 'asc']],
      limit: span.length,
    }),
  ]);
  if (!report || docs.length === 0) return null;
  const rows = (await Promise.all(docs.map((d) => rowsOfMonth(ports, villageId, d.month)))).flat();
  const expenses = rows
    .filter((r) => r.direction === '支出')
    .map((r) => ({
      rowId: r._id,
      month: r.month,
      date: r.date,
      amountFen: r.amountFen,
      summary: r.summary,
      accountId: r.accountId,
      account: books.byId.get(r.accountId)?.name ?? r.accountId,
    }));
  return { ctx: books.ctx, report, months: docs.map((d) => ({ month: d.month, publishedAt: d.publishedAt ?? '' })), expenses };
}

/** When this account last opened the money page (finance's `seen`), or null. */
export async function lastSeenAt(ports: Ports, villageId: string): Promise<string | null> {
  const openid = ports.caller.openid;
  if (!openid) return null;
  const doc = await ports.store.collection<{ _id: string; at: string }>(C.moneyViews).get(`${villageId}:${openid}`);
  return doc?.at ?? null;
}

/** Months published after a moment (all of the last few when never), newest first, with their totals and balances. */
export async function publishedSince(
  ports: Ports,
  villageId: string,
  after: string | null,
): Promise<{ month: string; publishedAt: string; incomeFen: number; expenseFen: number; openingFen: number | null; closingFen: number | null }[]> {
  const docs = await ports.store.collection<MonthDoc>(C.ledgerMonths).find({
    where: { villageId, state: 'published' },
    orderBy: [['month', 'desc']],
    limit: 24,
  });
  const since = docs.filter((m) => after === null || (m.publishedAt ?? '') > after);
  return (after === null ? since.slice(0, 3) : since).map((m) => ({
    month: m.month,
    publishedAt: m.publishedAt ?? '',
    incomeFen: m.incomeFen,
    expenseFen: m.expenseFen,
    openingFen: m.openingFen,
    closingFen: m.declaredClosingFen,
  }));
}
