import type { Attachment } from '../../../types/disclosure';
import type { CategoryTotal, ImportPreview, LedgerRow, MonthSigning, MonthView, PeriodReport, RentSuggestion } from '../../../types/finance';
import type { Ports } from '../../ports';
import { attachmentViewsOf } from '../attachments/api';
import { local } from '../shared/time';
import { accountView } from './accounts';
import type { Books } from './books';
import type { LedgerRead } from './import';
import type { MonthDoc, MonthSignature, RowDoc, TotalsDoc } from './model';
import { comparePeriod, type MonthAmounts, monthSpans } from './compare';
import { dueAfterMonth, flagsOf, monthOfDate, monthsOf, periodLabel, previousMonth, reconcileGap, signingCount, signingSummary, type SignRule } from './rules';
import type { SignedOff, SigningGroup } from './signing';

// Stored documents as the app receives them.

export async function rowView(ports: Ports, d: RowDoc, books: Books, hospitalityFen: number): Promise<LedgerRow> {
  return (await rowViews(ports, [d], books, () => hospitalityFen))[0];
}

/** Rows as the app shows them, their vouchers' addresses looked up together. */
export async function rowViews(ports: Ports, docs: RowDoc[], books: Books, hospitalityOfMonth: (month: string) => number): Promise<LedgerRow[]> {
  const vouchers = await attachmentViewsOf(
    ports,
    docs.map((d) => d.vouchers),
  );
  return docs.map((d, i) => rowViewWith(d, books, hospitalityOfMonth(d.month), vouchers[i]));
}

function rowViewWith(d: RowDoc, books: Books, hospitalityFen: number, vouchers: Attachment[]): LedgerRow {
  const account = books.byId.get(d.accountId);
  return {
    id: d._id,
    month: d.month,
    date: d.date,
    direction: d.direction,
    accountId: d.accountId,
    account: account ? (account.parent ? `${account.parent}-${account.name}` : account.name) : d.accountId,
    amountFen: d.amountFen,
    counterparty: d.counterparty,
    summary: d.summary,
    handler: d.handler,
    vouchers,
    query: d.query ? { reason: d.query.reason, at: d.query.at, answer: d.query.answer, answeredAt: d.query.answeredAt } : null,
    adjusts: d.adjusts,
    contractId: d.contractId ?? null,
    flags: flagsOf(d, books, hospitalityFen),
  };
}

/** A read spreadsheet as the 会计 previews it, each unknown name with the accounts it may be. */
export function previewOf(read: LedgerRead, books: Books, rent: RentSuggestion[] = []): ImportPreview {
  return {
    rows: read.vouchers,
    months: [...new Set(read.rows.map((r) => monthOfDate(r.date)))].sort(),
    incomeFen: read.rows.filter((r) => r.direction === '收入').reduce((s, r) => s + r.amountFen, 0),
    expenseFen: read.rows.filter((r) => r.direction === '支出').reduce((s, r) => s + r.amountFen, 0),
    problems: read.problems,
    headerRow: read.headerRow,
    columns: read.columns,
    skipped: read.skipped,
    journal: read.journal,
    debitIsIncome: read.debitIsIncome,
    openingFen: read.openingFen,
    closingFen: read.closingFen,
    unknownAccounts: read.unknown.map((u) => ({ ...u, choices: books.accounts.filter((a) => a.direction === u.direction).map(accountView) })),
    rent,
  };
}

/** A month with its rows (already as views) and where its signatures stand. */
export function monthViewOf(villageId: string, m: MonthDoc, signing: MonthSigning, rows: LedgerRow[]): MonthView {
  return {
    villageId,
    month: m.month,
    state: m.state,
    openingFen: m.openingFen,
    incomeFen: m.incomeFen,
    expenseFen: m.expenseFen,
    computedClosingFen: m.openingFen === null ? null : m.openingFen + m.incomeFen - m.expenseFen,
    declaredClosingFen: m.declaredClosingFen,
    openQueries: m.openQueries,
    closedAt: m.closedAt,
    publishedAt: m.publishedAt,
    signing,
    rows,
  };
}

/**
 * The village's months, newest first, each with its due dates (镇里的设置: closed by the 10th and
 * published by the 15th of the next month) and whether it is late. Insiders also see the month
 * just ended and the current one, which take rows even before their first is written.
 */
export function monthListOf(docs: MonthDoc[], insider: boolean, now: Date, settings: { ledgerCloseDay: number; ledgerPublishDay: number }) {
  const base = docs.map((m) => ({ month: m.month, state: m.state, rows: m.rowCount, openQueries: m.openQueries, publishedAt: m.publishedAt }));
  if (insider) {
    const current = local(now).format('YYYY-MM');
    for (const m of [current, previousMonth(current)]) {
      if (!base.some((x) => x.month === m)) base.push({ month: m, state: 'open', rows: 0, openQueries: 0, publishedAt: null });
    }
    base.sort((a, b) => (a.month < b.month ? 1 : -1));
  }
  const today = local(now).format('YYYY-MM-DD');
  return base.map(({ publishedAt, ...m }) => {
    const publishBy = dueAfterMonth(m.month, settings.ledgerPublishDay);
    const publishedOn = publishedAt ? local(new Date(publishedAt)).format('YYYY-MM-DD') : null;
    return {
      ...m,
      closeBy: dueAfterMonth(m.month, settings.ledgerCloseDay),
      publishBy,
      late: publishedOn ? publishedOn > publishBy : today > publishBy,
    };
  });
}

/** The month's signatures as the panel and the 会计 read them. */
export function signingOf(m: MonthDoc, group: SigningGroup, rule: SignRule, me: string | null): MonthSigning {
  const all: MonthSignature[] = m.signatures ?? [];
  const kept = m.state === 'published' ? (m.signedOff as SignedOff | undefined) : undefined;
  const mayISign = !!me && group.members.some((p) => p._id === me);
  if (kept) {
    // Published: every signature that published it, against the group as it was then.
    return {
      body: kept.body,
      rule: kept.rule,
      members: kept.members,
      needed: kept.needed,
      signatures: all.map((s) => ({ name: s.name, at: s.at })),
      summary: signingSummary(
        all.map((s) => s.name),
        kept.members,
        kept.needed,
      ),
      signedByMe: !!me && all.some((s) => s.personId === me),
      mayISign,
    };
  }
  const ids = group.members.map((p) => p._id);
  const counted = all.filter((s) => ids.includes(s.personId));
  const { needed } = signingCount([], ids, rule);
  return {
    body: group.body,
    rule,
    members: ids.length,
    needed,
    signatures: counted.map((s) => ({ name: s.name, at: s.at })),
    summary: signingSummary(
      counted.map((s) => s.name),
      ids.length,
      needed,
    ),
    signedByMe: !!me && counted.some((s) => s.personId === me),
    mayISign,
  };
}

function categories(t: TotalsDoc, books: Books): CategoryTotal[] {
  return Object.entries(t.byAccount)
    .map(([accountId, amountFen]) => {
      const a = books.byId.get(accountId);
      return { accountId, account: a?.name ?? accountId, direction: a?.direction ?? '支出', amountFen, order: a?.order ?? 999 };
    })
    .sort((x, y) => x.order - y.order)
    .map(({ order: _order, ...c }) => c);
}

/** 月/季/年 report from a period's materialised totals and last year's published months. */
export function periodReportOf(period: string, t: TotalsDoc, lastYear: MonthAmounts[], books: Books): PeriodReport {
  return {
    period,
    label: periodLabel(period),
    months: t.months,
    coverage: t.months.length < monthsOf(period).length ? `${monthSpans(t.months)} 月` : null,
    incomeFen: t.incomeFen,
    expenseFen: t.expenseFen,
    openingFen: t.openingFen,
    closingFen: t.closingFen,
    gapFen: t.openingFen === null || t.closingFen === null ? null : reconcileGap(t.openingFen, t.incomeFen, t.expenseFen, t.closingFen),
    byCategory: categories(t, books),
    comparison: comparePeriod(period, t, lastYear),
    largest: t.largest.map((l) => ({ ...l, account: books.byId.get(l.accountId)?.name ?? l.accountId })),
  };
}
