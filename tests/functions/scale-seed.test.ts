import { verifyChain } from '../../cloudfunctions/core/audit/chain';
import { C } from '../../cloudfunctions/core/collections';
import { lastEndedQuarter } from '../../cloudfunctions/core/disclosure/rules';
import { SCALE_META, SCALE_TOWNSHIP, seedScale, scaleVillages, type ScaleMeta, type ScaleOptions } from '../../cloudfunctions/host/scale-seed';
import { cmd } from '../../cloudfunctions/ports/docstore';
import { functionsHost, TEST_ID_KEY } from '../helpers/host';

/**
 * `npm run seed:scale` at a small size: the same code that writes 35 villages × 5 years writes
 * 2 × 1 here, and what it leaves must be what real use leaves — pages answer, figures add up,
 * audit chains verify.
 */
const o: ScaleOptions = { villages: 2, years: 1, tickets: 120, votes: 1, votersPerVote: 150, rosterMin: 240, rosterMax: 300, ledgerRowsPerMonth: 30 };
const host = functionsHost({ seed: false });
let counts: Record<string, number>;

beforeAll(async () => {
  counts = await seedScale(host.store, host.clock.now(), TEST_ID_KEY, o);
}, 120_000);

const call = async (fn: string, action: string, data: unknown, persona: string) => {
  const r = await host.call(fn, action, data, persona);
  if (!r.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r.body.error)}`);
  return r.body.data;
};

it('writes the sizes asked for: rosters, every item of every quarter, the ledger, tickets and votes', async () => {
  const sizes = scaleVillages(o).map((v) => v.size);
  expect(sizes).toEqual([300, 240]);
  expect(await host.store.collection(C.people).count()).toBe(540);
  expect(counts.disclosures).toBe(24 * 4 * 2);
  // Every catalog item of every quarter, and the vote's 决议公开.
  expect(await host.store.collection(C.disclosureItems).count({ publishedVersion: cmd.gte(1) })).toBe(24 * 4 * 2 + 1);
  expect(await host.store.collection(C.ledgerRows).count()).toBe(30 * 12 * 2);
  expect(await host.store.collection(C.tickets).count()).toBe(120);
  const meta = await host.store.collection<ScaleMeta>(SCALE_META).get('scale');
  expect(meta?.villages).toEqual(['s01', 's02']);
  expect(meta?.months).toHaveLength(12);
  expect(meta?.quarters).toHaveLength(4);
});

it('leaves a village whose home, quarter and money pages answer with the published figures', async () => {
  const { villageId } = await call('village', 'resolveCode', { code: 'sc-s01' }, 's01-villager');
  expect(villageId).toBe('s01');
  const quarter = await call('disclosure', 'quarter', { villageId, quarter: lastEndedQuarter(host.clock.now()) }, 's01-villager');
  expect(quarter.completeness).toMatchObject({ required: 24, published: 24 });
  const money = await call('finance', 'money', { villageId }, 's01-villager');
  const meta = await host.store.collection<ScaleMeta>(SCALE_META).get('scale');
  expect(money.latestMonth).toBe(meta?.months[11]);
  expect(money.year).not.toBeNull();
  const month = await call('finance', 'month', { villageId, month: money.latestMonth }, 's01-villager');
  expect(month.rows).toHaveLength(30);
});

it('reaches every published month from the money page, year by year, in a small answer', async () => {
  const meta = await host.store.collection<ScaleMeta>(SCALE_META).get('scale');
  const { years } = await call('finance', 'years', { villageId: 's01' }, 's01-villager');
  // Twelve months running across two calendar years: both years, every month, newest year first.
  expect(years.map((y: { year: string }) => y.year)).toEqual([...new Set((meta?.months ?? []).map((m) => m.slice(0, 4)))].reverse());
  expect(years.flatMap((y: { months: string[] }) => y.months).sort()).toEqual(meta?.months);
  for (const y of years) expect((await call('finance', 'report', { villageId: 's01', period: y.year }, 's01-villager')).months).toEqual(y.months);
  expect(JSON.stringify(years).length).toBeLessThan(600);
});

it('gives the township overview every village, with ticket figures that add up to the tickets written', async () => {
  const overview = await call('disclosure', 'township', { townshipId: SCALE_TOWNSHIP, quarter: lastEndedQuarter(host.clock.now()) }, 'scale-township-admin');
  expect(overview.rows).toHaveLength(2);
  const tickets = await call('tickets', 'township', { townshipId: SCALE_TOWNSHIP }, 'scale-township-admin');
  expect(tickets.rows.reduce((s: number, r: { received: number }) => s + r.received, 0)).toBe(120);
  // The unanswered figure is kept with every change; it must equal a count of the tickets themselves.
  for (const row of tickets.rows as { villageId: string; open: number }[]) {
    expect(row.open).toBe(await host.store.collection(C.tickets).count({ villageId: row.villageId, state: cmd.in(['open', 'escalated']) }));
    expect(row.open).toBeGreaterThan(0);
  }
  // A count kept from before the figure existed: the overview counts instead, and gets the same.
  const legacy = (await host.store.collection(C.ticketStats).get('s02')) as Record<string, unknown>;
  const { unanswered: _dropped, _id: _ignored, ...rest } = legacy;
  await host.store.collection(C.ticketStats).set('s02', rest);
  const again = await call('tickets', 'township', { townshipId: SCALE_TOWNSHIP }, 'scale-township-admin');
  expect(again.rows).toEqual(tickets.rows);
  // The timer has run: points left past their date count as overdue.
  expect(tickets.rows.reduce((s: number, r: { overdueOpen: number }) => s + r.overdueOpen, 0)).toBeGreaterThan(0);
  // Some answered and closed, some still open.
  expect(await host.store.collection(C.tickets).count({ state: 'closed' })).toBeGreaterThan(0);
  expect(await host.store.collection(C.tickets).count({ state: 'open' })).toBeGreaterThan(0);
});

it('records the vote with one ballot per voter and publishes the resolution', async () => {
  const { matters } = await call('matters', 'list', { villageId: 's01' }, 's01-villager');
  expect(matters).toHaveLength(1);
  const m = await call('matters', 'get', { villageId: 's01', matterId: matters[0].id }, 's01-villager');
  const deciding = m.meetings[m.meetings.length - 1];
  expect(deciding.result).toMatchObject({ present: 150, passed: true });
  expect(await host.store.collection(C.ballots).count({ meetingId: deciding.id })).toBe(150);
  // 决议公开 is done: the matter now waits for its 实施结果公开.
  expect(m.stage).toBe('实施结果公开');
});

it('leaves every audit chain intact', async () => {
  for (const scope of ['s01', 's02']) expect(await verifyChain(host.store, scope)).toMatchObject({ ok: true });
});
