import { randomBytes } from 'node:crypto';
import type { Block } from '../../../types/disclosure';
import type { CategoryTotal, LedgerRow, MoneyView, PeriodReport, PublishedYear } from '../../../types/finance';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';
import { itemKeyOf, type ItemDoc } from '../disclosure/model';
import { saveDraft } from '../disclosure/service';
import { authorize } from '../identity/context';
import { fail } from '../shared/errors';
import { CADRES, type Rule } from '../shared/policy';
import { HOSPITALITY } from './accounts';
import { monthKeyOf, totalsKeyOf, type MonthDoc, type RowDoc, type TotalsDoc } from './model';
import { comparePeriod, lastYearOf, monthSpans, monthsOf, periodLabel, quarterOfMonth, reconcileGap, yearOfMonth, type MonthAmounts } from './rules';
import { loadExcel } from '../sheets/api';
import { booksOf, monthView, rowsOfMonth, rowViews, type Books } from './service';

export const reportPolicy = {
  report: { allow: 'anyone' },
  // Published months are public: which of them exist is too.
  years: { allow: 'anyone' },
  money: { allow: 'anyone' },
  // Anyone signed in: remembers when this account last looked, for "自上次查看以来".
  seen: { allow: 'anyone' },
  exportMonth: { allow: 'anyone' },
  fillDisclosure: { allow: CADRES, scope: 'village' },
} satisfies Record<string, Rule>;

const yuan = (fen: number) => (fen / 100).toFixed(2);

function categories(t: TotalsDoc, books: Books): CategoryTotal[] {
  return Object.entries(t.byAccount)
    .map(([accountId, amountFen]) => {
      const a = books.byId.get(accountId);
      return { accountId, account: a?.name ?? accountId, direction: a?.direction ?? '支出', amountFen, order: a?.order ?? 999 };
    })
    .sort((x, y) => x.order - y.order)
    .map(({ order: _order, ...c }) => c);
}

async function totals(ports: Ports, villageId: string, period: string): Promise<TotalsDoc | null> {
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
  if (!t) return null;
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
    comparison: comparePeriod(period, t, last),
    largest: t.largest.map((l) => ({ ...l, account: books.byId.get(l.accountId)?.name ?? l.accountId })),
  };
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
  const hospitalityByMonth = new Map(monthTotals.filter((t): t is TotalsDoc => !!t).map((t) => [t.months[0], hospitalityAccount ? (t.byAccount[hospitalityAccount._id] ?? 0) : 0]));
  const overMonths = [...hospitalityByMonth.entries()].filter(([, fen]) => fen > books.settings.hospitalityMonthlyFlagFen).map(([m]) => m);
  const hospitalityRows = hospitalityAccount
    ? (
        await Promise.all(
          overMonths.map((m) => ports.store.collection<RowDoc>(C.ledgerRows).find({ where: { villageId, accountId: hospitalityAccount._id, month: m }, limit: 200 })),
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

/**
 * A month or a whole year of rows as .xlsx, in the same columns the import reads. The file goes
 * to storage and the answer carries its address: a year of a busy village's rows is more than a
 * function's answer should carry to a phone on a village signal.
 */
export async function exportMonth(ports: Ports, input: { villageId: string; period: string }): Promise<{ fileName: string; url: string }> {
  const books = await booksOf(ports, input.villageId);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('收支明细');
  ws.addRow(['日期', '收支', '科目', '金额（元）', '对方', '摘要', '经手人', '调整说明']);
  let any = false;
  for (const m of monthsOf(input.period)) {
    const doc = await ports.store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(input.villageId, m));
    if (!doc) continue;
    // Unpublished months only for those who may see them (monthView refuses the rest).
    const view = await monthView(ports, { villageId: input.villageId, month: m }, books).catch(() => null);
    if (!view) continue;
    for (const r of view.rows) {
      any = true;
      ws.addRow([r.date, r.direction, r.account, Number(yuan(r.amountFen)), r.counterparty, r.summary, r.handler, r.adjusts ? `调整 ${r.adjusts.rowId}：${r.adjusts.reason}` : '']);
    }
  }
  if (!any) throw fail.notFound(`${periodLabel(input.period)}没有可以导出的账目。`);
  ws.getColumn(4).numFmt = '#,##0.00';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const fileId = await ports.files.put(`exports/${input.villageId}/${randomBytes(12).toString('hex')}.xlsx`, buf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const [url] = await ports.files.urls([fileId]);
  return { fileName: `${books.ctx.village.name}${periodLabel(input.period)}收支明细.xlsx`, url };
}

/**
 * The quarter's 财务 disclosure items, drafted from the published ledger in one action instead
 * of retyping: 月度收支明细, 季度收支汇总 and 非生产性开支. They go through review like any draft.
 */
export async function fillDisclosure(ports: Ports, input: { villageId: string; quarter: string }): Promise<{ drafted: string[] }> {
  const books = await booksOf(ports, input.villageId);
  // Who first: the checks below name drafts under review, which only the 两委 may see.
  authorize(books.ctx, reportPolicy.fillDisclosure);
  const q = await reportOf(ports, books, input.villageId, input.quarter);
  if (!q) throw fail.precondition(`${periodLabel(input.quarter)}还没有签字公示的月份，公示后再生成。`);
  const t = books.ctx.village.townshipId;
  const monthRows: string[][] = [];
  for (const m of q.months) {
    const mt = await totals(ports, input.villageId, m);
    if (mt) monthRows.push([periodLabel(m), yuan(mt.incomeFen), yuan(mt.expenseFen), mt.closingFen === null ? '' : yuan(mt.closingFen)]);
  }
  const nonProductive = new Set(['招待费', '办公费', '差旅费']);
  const spending: string[][] = [];
  for (const m of q.months) {
    for (const r of await rowsOfMonth(ports, input.villageId, m)) {
      const a = books.byId.get(r.accountId);
      if (a && nonProductive.has(a.name)) spending.push([r.date, a.name, yuan(r.amountFen), r.summary]);
    }
  }
  const nonProductiveFen = spending.reduce((s, r) => s + Math.round(Number(r[2]) * 100), 0);
  const items: { code: string; title: string; body: Block[]; amountFen?: number }[] = [
    {
      code: '3-1',
      title: `${q.label}月度收支明细`,
      body: [
        { type: 'paragraph', text: `以下为已经民主理财小组签字公示的月份（${q.months.map(periodLabel).join('、')}）。逐笔明细可在“村里的钱”中查看。` },
        { type: 'table', columns: ['月份', '收入（元）', '支出（元）', '月末余额（元）'], rows: monthRows },
      ],
      amountFen: q.expenseFen,
    },
    {
      code: '3-2',
      title: `${q.label}收支汇总`,
      body: [
        {
          type: 'paragraph',
          text: `本季收入 ${yuan(q.incomeFen)} 元，支出 ${yuan(q.expenseFen)} 元${q.openingFen !== null && q.closingFen !== null ? `；季初余额 ${yuan(q.openingFen)} 元，季末余额 ${yuan(q.closingFen)} 元` : ''}。`,
        },
        { type: 'table', columns: ['收支', '科目', '金额（元）'], rows: q.byCategory.map((c) => [c.direction, c.account, yuan(c.amountFen)]) },
      ],
      amountFen: q.incomeFen,
    },
    {
      code: '3-4',
      title: `${q.label}招待费、办公费等非生产性开支`,
      body: spending.length
        ? [{ type: 'table', columns: ['日期', '科目', '金额（元）', '摘要'], rows: spending }]
        : [{ type: 'paragraph', text: '本季度没有招待费、办公费、差旅费支出。' }],
      amountFen: nonProductiveFen,
    },
  ];
  // Check all three first, so the action drafts all of them or none.
  for (const item of items) {
    const current = await ports.store.collection<ItemDoc>(C.disclosureItems).get(itemKeyOf({ villageId: input.villageId, quarter: input.quarter, itemId: `${t}:${item.code}` }));
    if (current?.state === 'submitted') throw fail.precondition(`“${current.draft.title}”正在等待监委会审核，审核后再生成。`);
  }
  const drafted: string[] = [];
  for (const item of items) {
    await saveDraft(ports, { villageId: input.villageId, quarter: input.quarter, itemId: `${t}:${item.code}`, title: item.title, body: item.body, amountFen: item.amountFen });
    drafted.push(`${t}:${item.code}`);
  }
  return { drafted };
}
