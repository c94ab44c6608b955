import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

// Playing the 两委 against the 三资 promises: one live contract per piece of land, a warning the
// village cannot talk away, and a recorded decision that really is one. The test host's clock is
// 2026-11-23 (Beijing).

const host = functionsHost();

const V = 'yangjia';
const ACC = 'yangjia-accountant';
const SUP = 'yangjia-supervisor';
const ok = (action: string, data: unknown, persona?: string) => host.ok('assets', action, data, persona);
const call = (action: string, data: unknown, persona?: string) => host.call('assets', action, data, persona);

const MEETING = { kind: 'meeting', body: 'representatives', date: '2021-10-20', note: '村民代表会议同意公开竞价发包' };

const contract = (subjectId: string, party: string, price: number, startOn: string, endOn: string, extra: Record<string, unknown> = {}) => ({
  villageId: V,
  subject: { type: 'resource', id: subjectId },
  kind: 'outsource',
  counterparty: { name: party, personId: null },
  startOn,
  endOn,
  priceFenPerYear: price,
  schedule: 'yearly',
  depositFen: 0,
  award: { method: 'auction', bids: [{ bidder: party, fen: price }] },
  decision: MEETING,
  ...extra,
});

async function newLand(name: string): Promise<string> {
  const r = await ok('addResource', { villageId: V, name, landKind: 'arable', areaMu100: 1000, location: '村西', state: 'uncontracted' }, ACC);
  return r.id;
}

const warningsOf = async (contractId: string) =>
  (await ok('village', { villageId: V }, SUP)).warnings.filter((w: { subject: { id: string } }) => w.subject.id === contractId) as {
    id: string;
    kind: string;
    level: string;
    state: string;
  }[];

beforeAll(() =>
  ok('updateSettings', { townshipId: 'huangsheng', termLimitYears: 30, expiringDays: 90, idleMonths: 6, referencePriceFen: {} }, 'township-admin'),
);

describe('the 会计 letting one piece of land twice', () => {
  it('cannot renew a lapsed contract after the land was let to someone else', async () => {
    const land = await newLand('西沟耕地');
    // The old term ended on 31 October; nobody renewed it, and the land went to 周八 from 1 November.
    const old = await ok('addContract', contract(land, '吴老大', 500_000, '2021-11-01', '2026-10-31'), ACC);
    const next = await ok('addContract', contract(land, '周八', 600_000, '2026-11-01', '2031-10-31'), ACC);
    const before = await storeDigest(host.store);
    const renew = await call(
      'renewContract',
      {
        villageId: V,
        contractId: old.id,
        endOn: '2031-10-31',
        priceFenPerYear: 500_000,
        schedule: 'yearly',
        award: { method: 'negotiated', reason: '老承包户续包' },
        decision: MEETING,
      },
      ACC,
    );
    expect(renew.body.error).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(renew.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await storeDigest(host.store)).toBe(before);
    const view = await ok('village', { villageId: V });
    const live = view.contracts.filter((c: { subject: { id: string }; status: string }) => c.subject.id === land && c.status === 'active');
    expect(live.map((c: { id: string }) => c.id)).toEqual([next.id]);
    expect(view.resources.find((r: { id: string }) => r.id === land)).toMatchObject({ contractId: next.id });
  });
});

describe('a warning the village cannot talk away', () => {
  it('closed while the contract was only expiring, comes back red when the term lapses unrenewed', async () => {
    const land = await newLand('杏树洼');
    const c = await ok('addContract', contract(land, '曹九', 400_000, '2022-01-01', '2026-12-31', { schedule: 'once' }), ACC);
    const [yellow] = (await warningsOf(c.id)).filter((w) => w.kind === 'expiring');
    expect(yellow).toMatchObject({ level: 'yellow', state: 'open' });
    // The 两委 promise to renew; the 监委会 takes them at their word.
    await ok('answerWarning', { villageId: V, warningId: yellow.id, kind: 'renew', text: '已和承包户商定续签' }, ACC);
    await ok('closeWarning', { villageId: V, warningId: yellow.id, text: '村里答复会续签' }, SUP);
    const start = host.clock.now();
    try {
      // 2 January 2027: the term ended on 31 December and nothing was renewed.
      host.clock.set(new Date('2027-01-02T01:00:00Z'));
      await host.post('/dev/tick', '{}');
      const open = (await warningsOf(c.id)).filter((w) => w.kind === 'expiring' && w.state === 'open');
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ level: 'red' });
      // Looking again raises nothing more.
      const shed = { villageId: V, name: '杏树洼看护房', use: 'public', kind: 'building', location: '村西', acquiredOn: '2020-05-01' };
      await ok('addAsset', { ...shed, originalFen: 100_000, state: 'in_use', keeper: '杨会计' }, ACC);
      expect((await warningsOf(c.id)).filter((w) => w.kind === 'expiring')).toHaveLength(2);
    } finally {
      host.clock.set(start);
    }
  });

  it('a contract terminated and let again to the same party keeps the old one’s rent warning open', async () => {
    const land = await newLand('碱场地');
    const c = await ok('addContract', contract(land, '韩十', 300_000, '2026-11-01', '2031-10-31'), ACC);
    const [overdue] = (await warningsOf(c.id)).filter((w) => w.kind === 'overdue');
    expect(overdue).toMatchObject({ state: 'open' });
    await ok('terminateContract', { villageId: V, contractId: c.id, on: '2026-11-20', reason: '重新签订' }, ACC);
    await ok('addContract', contract(land, '韩十', 300_000, '2026-11-21', '2031-10-31'), ACC);
    const still = (await ok('village', { villageId: V })).warnings.find((w: { id: string }) => w.id === overdue.id);
    expect(still).toMatchObject({ state: 'open' });
  });
});

describe('a recorded decision that really is one', () => {
  it('refuses a 一事一议 matter that was never passed as the contract’s decision', async () => {
    const land = await newLand('苗圃地');
    const matter = await host.ok(
      'matters',
      'propose',
      { villageId: V, title: '苗圃地对外发包', summary: '苗圃地拟对外发包，请村民代表商议。', decisionBody: 'representatives' },
      'yangjia-secretary',
    );
    const before = await storeDigest(host.store);
    const res = await call(
      'addContract',
      contract(land, '魏三', 300_000, '2026-11-01', '2031-10-31', { decision: { kind: 'matter', matterId: matter.id, title: '' } }),
      ACC,
    );
    expect(res.body.error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await storeDigest(host.store)).toBe(before);
  });

  it('takes a matter the village passed, with its own title', async () => {
    const matters = await host.store.collection<{ _id: string; villageId: string; stage: string; status: string; title: string }>('matters').find({
      where: { villageId: V },
      limit: 200,
    });
    const passed = matters.find((m) => ['决议公开', '实施结果公开'].includes(m.stage) && m.status !== 'stopped');
    expect(passed).toBeDefined();
    const land = await newLand('果园地');
    const c = await ok(
      'addContract',
      contract(land, '蒋四', 300_000, '2026-11-01', '2031-10-31', { decision: { kind: 'matter', matterId: passed?._id, title: '随便写的' } }),
      ACC,
    );
    expect(c.decision).toEqual({ kind: 'matter', matterId: passed?._id, title: passed?.title });
  });
});
