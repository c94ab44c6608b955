import type { LedgerRow, MoneyView, PeriodReport, PublishedYear } from '../../../types/finance';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';
import { fail } from '../shared/errors';
import { HOSPITALITY } from './accounts';
import { booksOf, type Books } from './books';
import { totalsKeyOf, type MonthDoc, type RowDoc, type TotalsDoc } from './model';
import type { MonthAmounts } from './compare';
import { lastYearOf, monthsOf, periodLabel, quarterOfMonth, yearOfMonth } from './rules';
import { periodReportOf, rowViews } from './views';

// What the published books add up to: 月/季/年 reports and the villagers' money page.

export async function totals(ports: Ports, villageId: string, period: string): Promise<TotalsDoc | null> {
  return ports.store.collection<TotalsDoc>(C.ledgerTotals).get(totalsKeyOf(villageId, period));
}

/** The published months of a period, each with its totals: at most twelve small documents. */
async function publishedMonthsOf(ports: Ports, villageId: string, period: string): Promise<MonthAmounts[]> {
  const span = monthsOf(period);
  const docs = await ports.store.collection<MonthDoc>(C.ledgerMonths).find({
    where: { villageId, state: 'published', month: [cmd.gte(span[0]), cmd.lte(span[span.length - 1])] },
    orderBy: [['month', 'asc']],
    limit: span.length,
  });
  return docs.map((d) => ({ month: d.month, incomeFen: d.incomeFen, expenseFen: d.expenseFen }));
}

/** 月/季/年 report from the totals materialised at publication: no scan of rows. */
export async function reportOf(ports: Ports, books: Books, villageId: string, period: string): Promise<PeriodReport | null> {
  const [t, last] = await Promise.all([totals(ports, villageId, period), publishedMonthsOf(ports, villageId, lastYearOf(period))]);
  return t ? periodReportOf(period, t, last, books) : null;
}

export async function report(ports: Ports, input: { villageId: string; period: string }): Promise<PeriodReport> {
  const books = await booksOf(ports, input.villageId);
  const r = await reportOf(ports, books, input.villageId, input.period);
  if (!r) throw fail.notFound(`${periodLabel(input.period)}还没有公示的账目。`);
  return r;
}

/**
 * Every year of the village's published books with its months and quarters, newest first: the
 * money page's way to any month, quarter or year on record. Read from the year totals (one small
 * document per year, by id), so the answer stays a few hundred bytes however long the books run.
 */
export async function years(ports: Ports, input: { villageId: string }): Promise<{ years: PublishedYear[] }> {
  await booksOf(ports, input.villageId);
  const months = ports.store.collection<MonthDoc>(C.ledgerMonths);
  const where = { villageId: input.villageId, state: 'published' };
  const [first, latest] = await Promise.all([
    months.find({ where, orderBy: [['month', 'asc']], limit: 1 }),
    months.find({ where, orderBy: [['month', 'desc']], limit: 1 }),
  ]);
  if (!first[0] || !latest[0]) return { years: [] };
  const from = Number(yearOfMonth(first[0].month));
  const to = Number(yearOfMonth(latest[0].month));
  const ids = Array.from({ length: to - from + 1 }, (_, i) => totalsKeyOf(input.villageId, String(to - i)));
  const docs = await ports.store.collection<TotalsDoc>(C.ledgerTotals).find({ where: { _id: cmd.in(ids) }, limit: ids.length });
  return {
    years: docs
      .filter((d) => d.months.length > 0)
      .sort((a, b) => (a.period < b.period ? 1 : -1))
      .map((d) => {
        const list = [...d.months].sort();
        return { year: d.period, months: list, quarters: [...new Set(list.map(quarterOfMonth))] };
      }),
  };
}

interface ViewDoc {
  _id: string;
  at: string;
  [k: string]: unknown;
}

const viewKey = (villageId: string, openid: string) => `${villageId}:${openid}`;

/**
 * The money page: balance, this month / quarter / year by category, what was published since
 * this account last looked, and rows worth a second look.
 */
export async function money(ports: Ports, input: { villageId: string }): Promise<MoneyView> {
  const books = await booksOf(ports, input.villageId);
  const openid = ports.caller.openid;
  const [published, view] = await Promise.all([
    ports.store.collection<MonthDoc>(C.ledgerMonths).find({
      where: { villageId: input.villageId, state: 'published' },
      orderBy: [['month', 'desc']],
      limit: 24,
    }),
    openid ? ports.store.collection<ViewDoc>(C.moneyViews).get(viewKey(input.villageId, openid)) : null,
  ]);
  const latest = published[0] ?? null;
  const lastViewedAt = view?.at ?? null;
  const since = published.filter((m) => lastViewedAt === null || (m.publishedAt ?? '') > lastViewedAt);
  const [month, quarter, year] = latest
    ? await Promise.all([
        reportOf(ports, books, input.villageId, latest.month),
        reportOf(ports, books, input.villageId, quarterOfMonth(latest.month)),
        reportOf(ports, books, input.villageId, yearOfMonth(latest.month)),
      ])
    : [null, null, null];
  return {
    villageId: input.villageId,
    balanceFen: latest?.declaredClosingFen ?? null,
    latestMonth: latest?.month ?? null,
    month,
    quarter,
    year,
    // The first visit lists the last few months rather than years of history.
    sinceLastView: (lastViewedAt === null ? since.slice(0, 3) : since).map((m) => ({
      month: m.month,
      publishedAt: m.publishedAt ?? '',
      incomeFen: m.incomeFen,
      expenseFen: m.expenseFen,
    })),
    lastViewedAt,
    flagged: await flaggedRows(ports, books, input.villageId, published),
  };
}

/** Large single expenses and 招待费 of months above the setting, in published months of the last year. */
async function flaggedRows(ports: Ports, books: Books, villageId: string, published: MonthDoc[]): Promise<LedgerRow[]> {
  const recent = published.slice(0, 12);
  const months = new Set(recent.map((m) => m.month));
  const hospitalityAccount = books.accounts.find((a) => a.name === HOSPITALITY);
  const [large, monthTotals] = await Promise.all([
    ports.store.collection<RowDoc>(C.ledgerRows).find({ where: { villageId, large: true }, orderBy: [['date', 'desc']], limit: 100 }),
    Promise.all(recent.map((m) => totals(ports, villageId, m.month))),
  ]);
  const hospitalityByMonth = new Map(
    monthTotals.filter((t): t is TotalsDoc => !!t).map((t) => [t.months[0], hospitalityAccount ? (t.byAccount[hospitalityAccount._id] ?? 0) : 0]),
  );
  const overMonths = [...hospitalityByMonth.entries()].filter(([, fen]) => fen > books.settings.hospitalityMonthlyFlagFen).map(([m]) => m);
  const hospitalityRows = hospitalityAccount
    ? (
        await Promise.all(
          overMonths.map((m) =>
            ports.store.collection<RowDoc>(C.ledgerRows).find({ where: { villageId, accountId: hospitalityAccount._id, month: m }, limit: 200 }),
          ),
        )
      ).flat()
    : [];
  const rows = [...large.filter((r) => months.has(r.month)), ...hospitalityRows.filter((r) => !r.large)];
  rows.sort((a, b) => (a.date < b.date ? 1 : -1));
  return rowViews(ports, rows.slice(0, 30), books, (m) => hospitalityByMonth.get(m) ?? 0);
}

export async function seen(ports: Ports, input: { villageId: string }): Promise<{ at: string }> {
  const openid = ports.caller.openid;
  const at = ports.clock.now().toISOString();
  if (!openid) return { at };
  await booksOf(ports, input.villageId);
  await ports.store.collection(C.moneyViews).set(viewKey(input.villageId, openid), { at });
  return { at };
}
