import type { PlainSegment, PlainSummary, PlainTarget } from '../../types/plain';
import { C } from '../../cloudfunctions/core/collections';
import { numbersIn } from '../../cloudfunctions/core/plain/numerals';
import { amountText, grouped, sentencesOf, SENTENCE_MAX, shareText } from '../../cloudfunctions/core/plain/rules';
import { PLAIN_ITEM_ID } from '../../cloudfunctions/core/disclosure/plain-item';
import { seedScale, type ScaleOptions } from '../../cloudfunctions/host/scale-seed';
import { DEMO_VILLAGES } from '../../cloudfunctions/host/seed';
import { addMonths, addDays } from '../../cloudfunctions/core/shared/time';
import type { Doc, DocStore, Where } from '../../cloudfunctions/ports/docstore';
import { functionsHost, TEST_ID_KEY, type TestHost } from '../helpers/host';

/**
 * The 明白账's number test: every number it says is recomputed from the database — rows, month
 * documents, contracts, tickets and the roster read directly, not through the actions that wrote
 * the summary — for every demo quarter and every quarter of a (small) scale run.
 */

interface Row {
  _id: string;
  month: string;
  date: string;
  direction: string;
  accountId: string;
  amountFen: number;
  summary: string;
  [k: string]: unknown;
}
const all = <T extends object>(store: DocStore, name: string, where: Where) => store.collection<T & Doc>(name).find({ where, limit: 1000 });

async function truth(store: DocStore, villageId: string, period: string) {
  const months = (await all<{ month: string; state: string; declaredClosingFen: number | null }>(store, C.ledgerMonths, { villageId, state: 'published' }))
    .filter((m) => (period.includes('Q') ? `${m.month.slice(0, 4)}Q${Math.ceil(Number(m.month.slice(5, 7)) / 3)}` === period : m.month === period))
    .sort((a, b) => a.month.localeCompare(b.month));
  const rows = (await Promise.all(months.map((m) => all<Row>(store, C.ledgerRows, { villageId, month: m.month })))).flat();
  const sum = (rs: Row[], d: string) => rs.filter((r) => r.direction === d).reduce((s, r) => s + r.amountFen, 0);
  const lastYear = async () => {
    const wanted = months.map((m) => `${Number(m.month.slice(0, 4)) - 1}${m.month.slice(4)}`);
    const docs = await all<{ month: string }>(store, C.ledgerMonths, { villageId, state: 'published' });
    const have = wanted.filter((w) => docs.some((d) => d.month === w));
    const rs = (await Promise.all(have.map((m) => all<Row>(store, C.ledgerRows, { villageId, month: m })))).flat();
    return { complete: have.length === wanted.length, income: sum(rs, '收入'), expense: sum(rs, '支出') };
  };
  const expenses = rows
    .filter((r) => r.direction === '支出')
    .sort((a, b) => b.amountFen - a.amountFen || a.date.localeCompare(b.date) || a._id.localeCompare(b._id));
  const people = await all<{ isHouseholdHead: boolean; inRoster: boolean }>(store, C.people, { villageId, inRoster: true });
  const last = months[months.length - 1];
  const lastMonth = period.includes('Q') ? Number(period.slice(-1)) * 3 : Number(period.slice(5, 7));
  const from = addMonths(`${period.slice(0, 4)}-${String(lastMonth).padStart(2, '0')}-01`, 1);
  const contracts = (await all<{ status: string; endOn: string }>(store, C.contracts, { villageId })).filter(
    (c) => c.status === 'active' && c.endOn >= from && c.endOn <= addDays(addMonths(from, 3), -1),
  );
  const tickets = (await all<{ state: string }>(store, C.tickets, { villageId })).filter((t) => t.state === 'open' || t.state === 'escalated');
  return {
    income: sum(rows, '收入'),
    expense: sum(rows, '支出'),
    closing: last?.declaredClosingFen ?? null,
    expenses,
    rows,
    lastYear: await lastYear(),
    households: people.filter((p) => p.isHouseholdHead).length,
    persons: people.length,
    contracts: contracts.length,
    tickets: tickets.length,
  };
}

/** Checks every number of a summary against the database; returns how many were checked. */
async function recompute(store: DocStore, villageId: string, s: PlainSummary): Promise<number> {
  const t = await truth(store, villageId, s.period);
  const expectedText = (seg: PlainSegment, value: number) => {
    const n = seg.number as NonNullable<PlainSegment['number']>;
    if (n.unit === '分') return amountText(value);
    if (n.unit === '元') return shareText(value);
    if (n.unit === '%') return `${value}%`;
    if (n.unit === '名') return `第${['一', '二', '三'][value - 1]}`;
    return `${grouped(value)}${n.unit}`;
  };
  const expectedValue = (seg: PlainSegment, index: number, all: PlainSegment[]): number => {
    const n = seg.number as NonNullable<PlainSegment['number']>;
    const target: PlainTarget = n.target;
    const before = all
      .slice(0, index)
      .map((x) => x.text)
      .join('');
    switch (target.kind) {
      case 'period':
        if (n.unit === '%') {
          const ly = t.lastYear;
          expect(ly.complete).toBe(true);
          const [now, then] = /收入比去年同期[多少]$/.test(before) ? [t.income, ly.income] : [t.expense, ly.expense];
          return Math.round((Math.abs(now - then) * 100) / then);
        }
        if (n.unit === '元') return Math.round((t.closing as number) / 100 / (/合每户$/.test(before) ? t.households : t.persons));
        if (/末账上有$/.test(before)) return t.closing as number;
        return /收入$/.test(before) ? t.income : t.expense;
      case 'rows': {
        const rank = t.expenses.findIndex((r) => r._id === target.rowIds[0]);
        expect(rank).toBeGreaterThanOrEqual(0);
        if (n.unit === '名') return rank + 1;
        return t.expenses[rank].amountFen;
      }
      case 'accounts':
        return t.expenses.filter((r) => target.accountIds.includes(r.accountId)).reduce((s2, r) => s2 + r.amountFen, 0);
      case 'roster':
        return n.unit === '户' ? t.households : t.persons;
      case 'contracts':
        return t.contracts;
      case 'tickets':
        return t.tickets;
    }
  };
  let checked = 0;
  let at = 0;
  const spans = s.segments.map((seg) => {
    const span = { seg, from: at, to: at + seg.text.length };
    at = span.to;
    return span;
  });
  // Every numeral of the text (Arabic or Chinese) is in a number segment or a quoted 摘要.
  for (const n of numbersIn(s.text)) {
    const span = spans.find((x) => x.from <= n.at && n.at < x.to);
    expect({ n: n.text, linked: !!(span?.seg.number || span?.seg.quote) }).toEqual({ n: n.text, linked: true });
  }
  for (const [i, seg] of s.segments.entries()) {
    if (seg.quote) {
      const row = t.rows.find((r) => seg.quote?.kind === 'rows' && r._id === seg.quote.rowIds[0]);
      expect(row?.summary.replace(/\s+/g, '').startsWith(seg.text.replace(/…$/, ''))).toBe(true);
    }
    if (!seg.number) continue;
    const value = expectedValue(seg, i, s.segments);
    expect({ text: seg.text, value: seg.number.value }).toEqual({ text: expectedText(seg, value), value });
    // The numeral read back from the words is the value, to the places shown.
    const read = numbersIn(seg.text)[0].value;
    if (seg.number.unit === '分') expect(Math.abs(read * 100 - value)).toBeLessThanOrEqual(value >= 1_000_000 ? 5000 : 0);
    else expect(read).toBe(value);
    checked++;
  }
  for (const sentence of sentencesOf(s.text)) expect(Array.from(sentence).length).toBeLessThanOrEqual(SENTENCE_MAX);
  return checked;
}

async function quartersOf(host: TestHost, villageId: string, persona: string): Promise<string[]> {
  const { years } = await host.ok('finance', 'years', { villageId }, persona);
  return years.flatMap((y: { quarters: string[] }) => y.quarters);
}

describe('the demo', () => {
  const host = functionsHost({ now: new Date('2026-11-23T10:00:00+08:00') });

  it('says nothing in any demo quarter that the database does not say', async () => {
    let checked = 0;
    for (const d of DEMO_VILLAGES) {
      const v = d.village._id;
      for (const q of await quartersOf(host, v, `${v}-villager`)) {
        const s: PlainSummary = await host.ok('plain', 'preview', { villageId: v, period: q }, `${v}-secretary`);
        checked += await recompute(host.store, v, s);
      }
    }
    expect(checked).toBeGreaterThan(20);
  }, 120_000);

  it('writes each published month’s 明白账 (the money page’s) from that month’s published rows alone', async () => {
    let checked = 0;
    for (const d of DEMO_VILLAGES) {
      const v = d.village._id;
      const { years } = await host.ok('finance', 'years', { villageId: v }, `${v}-villager`);
      for (const month of years.flatMap((y: { months: string[] }) => y.months) as string[]) {
        const view = await host.ok('plain', 'summary', { villageId: v, period: month }, `${v}-villager`);
        expect({ month, published: view.published, linked: view.linked, title: view.summary?.title }).toEqual({
          month,
          published: null,
          linked: true,
          title: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月明白账`,
        });
        // recompute reads the month's rows only (truth filters by the period): a row of another month would fail it.
        checked += await recompute(host.store, v, view.summary);
      }
    }
    expect(checked).toBeGreaterThan(40);
    // A month not published has no 明白账, and says so by its absence rather than an error.
    const v = DEMO_VILLAGES[0].village._id;
    expect((await host.ok('plain', 'summary', { villageId: v, period: '2030-01' }, `${v}-villager`)).summary).toBeNull();
  }, 120_000);

  it('changes the summary when one ledger row changes', async () => {
    const v = DEMO_VILLAGES[0].village._id;
    const [q] = (await quartersOf(host, v, `${v}-villager`)).slice(-1);
    const before: PlainSummary = await host.ok('plain', 'preview', { villageId: v, period: q }, `${v}-secretary`);
    const top = before.segments.find((s) => s.number?.target.kind === 'rows');
    const rowId = top?.number?.target.kind === 'rows' ? top.number.target.rowIds[0] : '';
    const row = await host.store.collection<Row>(C.ledgerRows).get(rowId);
    if (!row) throw new Error('no top row');
    // One row larger by 100 元, and the month's and the quarter's totals with it, as a correction would leave them.
    await host.store.collection(C.ledgerRows).update(rowId, { amountFen: row.amountFen + 10_000 });
    for (const period of [row.month, q, row.month.slice(0, 4)]) {
      const key = `${v}:${period}`;
      const doc = await host.store.collection<{ _id: string; expenseFen: number }>(C.ledgerTotals).get(key);
      if (doc) await host.store.collection(C.ledgerTotals).update(key, { expenseFen: doc.expenseFen + 10_000 });
    }
    const after: PlainSummary = await host.ok('plain', 'preview', { villageId: v, period: q }, `${v}-secretary`);
    expect(after.text).not.toBe(before.text);
    expect(after.text).toContain(amountText(row.amountFen + 10_000));
    await recompute(host.store, v, after);
  }, 60_000);

  it('is published with the quarter: drafted, approved, read back with its links, 校验 holds, first on the board', async () => {
    const v = DEMO_VILLAGES[0].village._id;
    const [q] = (await quartersOf(host, v, `${v}-villager`)).slice(-1);
    const drafted = await host.ok('plain', 'draft', { villageId: v, quarter: q }, `${v}-secretary`);
    expect(drafted.itemId).toBe(PLAIN_ITEM_ID);
    await host.ok('disclosure', 'submit', { villageId: v, quarter: q, itemId: PLAIN_ITEM_ID }, `${v}-secretary`);
    await host.ok('disclosure', 'review', { villageId: v, quarter: q, itemId: PLAIN_ITEM_ID, decision: 'approve' }, `${v}-supervisor`);
    const view = await host.ok('plain', 'summary', { villageId: v, period: q }, `${v}-villager`);
    expect(view.published).toMatchObject({ quarter: q, itemId: PLAIN_ITEM_ID, version: 1 });
    expect(view.linked).toBe(true);
    expect(view.summary.segments.filter((s: PlainSegment) => s.number).length).toBeGreaterThan(8);
    await recompute(host.store, v, view.summary);
    const check = await host.ok('disclosure', 'verify', { villageId: v, quarter: q, itemId: PLAIN_ITEM_ID }, `${v}-villager`);
    expect(check.contentIntact).toBe(true);
    expect(view.since.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('a scale run (npm run seed:scale at 2 villages × 1 year: the full 35 × 5 takes too long for CI)', () => {
  // The same small run as tests/functions/scale-seed.test.ts.
  const o: ScaleOptions = { villages: 2, years: 1, tickets: 120, votes: 1, votersPerVote: 150, rosterMin: 240, rosterMax: 300, ledgerRowsPerMonth: 30 };
  const host = functionsHost({ seed: false });

  it('says nothing in any scale quarter that the database does not say', async () => {
    await seedScale(host.store, host.clock.now(), TEST_ID_KEY, o);
    let checked = 0;
    for (const v of ['s01', 's02']) {
      for (const q of await quartersOf(host, v, `${v}-villager`)) {
        checked += await recompute(host.store, v, await host.ok('plain', 'preview', { villageId: v, period: q }, `${v}-secretary`));
      }
    }
    expect(checked).toBeGreaterThan(40);
  }, 180_000);
});
