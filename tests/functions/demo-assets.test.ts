import { type AssetState, type ContractView, type ResourceState, type VillageAssetsView, WARNING_KIND_LABEL, type WarningKind } from '../../types/assets';
import { DEMO_TOWNSHIP, DEMO_VILLAGES } from '../../cloudfunctions/host/seed';
import { functionsHost } from '../helpers/host';

/**
 * The demo's 三资 must agree with its books and with itself, as a villager, the 监委会 and the
 * township read them: a contract's rent received is the ledger rows that pay it, no contract is
 * in arrears without a warning saying so, every kind of warning the rules know is there to be
 * seen, and the township's totals are its villages'. Seeded relative to "now", so checked at the
 * test hosts' day, the browser tests' day, and the moments demo-adds-up checks.
 */
const NOWS = ['2026-11-23T10:00:00+08:00', '2026-12-06T09:00:00+08:00', '2027-01-01T00:05:00+08:00', '2027-03-31T23:59:00+08:00', '2028-02-29T12:00:00+08:00'];

interface Row {
  id: string;
  date: string;
  direction: string;
  amountFen: number;
  summary: string;
  contractId: string | null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(NOWS)('the demo’s 三资 seeded at %s', (nowText) => {
  const host = functionsHost({ now: new Date(nowText), timeoutMs: 120_000 });
  // As the 会计 reads it: every receipt, published month or not (a villager sees those of published months).
  const villageView = (v: string): Promise<VillageAssetsView> => host.ok('assets', 'village', { villageId: v }, `${v}-accountant`);

  for (const d of DEMO_VILLAGES) {
    const v = d.village._id;
    it(`${d.village.name}: each contract has received exactly the books’ rows that pay it, and owes nothing unless warned of it`, async () => {
      const view = await villageView(v);
      expect(view.contracts.length).toBeGreaterThanOrEqual(3);
      // Every month the books hold, open ones too, as the 会计 sees them.
      const { months } = await host.ok('finance', 'months', { villageId: v }, `${v}-accountant`);
      const rows: Row[] = [];
      for (const m of months as { month: string }[])
        rows.push(...(await host.ok('finance', 'month', { villageId: v, month: m.month }, `${v}-accountant`)).rows);
      const paying = rows.filter((r) => r.contractId);
      expect(paying.length).toBeGreaterThan(0);
      // Every row booked against a contract names one of the village's, and is income.
      const ids = new Set(view.contracts.map((c) => c.id));
      for (const r of paying)
        expect({ row: r.summary, known: ids.has(r.contractId!), direction: r.direction }).toEqual({ row: r.summary, known: true, direction: '收入' });
      for (const c of view.contracts) {
        const mine = paying.filter((r) => r.contractId === c.id);
        expect({ contract: c.subject.name, receivedFen: c.receivedFen }).toEqual({ contract: c.subject.name, receivedFen: sum(mine.map((r) => r.amountFen)) });
        expect(c.receipts.map((x) => x.rowId).sort()).toEqual(mine.map((r) => r.id).sort());
      }
      // The rent the books take every quarter is paid up, in advance: arrears only where a warning says so.
      const warnedOverdue = new Set(view.warnings.filter((w) => w.kind === 'overdue').map((w) => w.subject.id));
      const owing = view.contracts.filter((c: ContractView) => c.arrearsFen > 0).map((c) => c.id);
      expect(owing.sort()).toEqual([...warnedOverdue].sort());
      for (const c of view.contracts.filter((x) => x.receipts.length > 0)) expect(c.arrearsFen).toBe(0);
    });
  }

  it('shows every kind of warning the rules know, each still standing today, and warnings open, answered and closed', async () => {
    const views = await Promise.all(DEMO_VILLAGES.map((d) => villageView(d.village._id)));
    const warnings = views.flatMap((x) => x.warnings);
    const standing = (kind: WarningKind) => warnings.filter((w) => w.kind === kind && w.state !== 'closed').length;
    const kinds = Object.keys(WARNING_KIND_LABEL) as WarningKind[];
    expect(Object.fromEntries(kinds.map((k) => [k, standing(k) > 0]))).toEqual(Object.fromEntries(kinds.map((k) => [k, true])));
    expect(new Set(warnings.map((w) => w.state))).toEqual(new Set(['open', 'answered', 'closed']));
  });

  it('adds up in the township view: every village’s assets, land, rent and standing warnings', async () => {
    const town = await host.ok('assets', 'township', { townshipId: DEMO_TOWNSHIP._id }, 'township-admin');
    expect(town.villages.map((x: { villageId: string }) => x.villageId).sort()).toEqual(DEMO_VILLAGES.map((d) => d.village._id).sort());
    const standing: string[] = [];
    for (const d of DEMO_VILLAGES) {
      const view = await villageView(d.village._id);
      const totals = town.villages.find((x: { villageId: string }) => x.villageId === d.village._id).totals;
      expect(totals).toEqual(view.totals);
      const states = Object.keys(totals.assetsByState) as AssetState[];
      expect(sum(states.map((s) => totals.assetsByState[s].count))).toBe(view.assets.length);
      expect(sum(states.map((s) => totals.assetsByState[s].originalFen))).toBe(sum(view.assets.map((a) => a.originalFen)));
      for (const s of states) expect(totals.assetsByState[s].count).toBe(view.assets.filter((a) => a.state === s).length);
      const lands = Object.keys(totals.areaByState) as ResourceState[];
      for (const s of lands) expect(totals.areaByState[s]).toBe(sum(view.resources.filter((r) => r.state === s).map((r) => r.areaMu100)));
      expect(totals.areaByState.contracted).toBeGreaterThan(0);
      expect(totals.areaByState.uncontracted).toBeGreaterThan(0);
      expect(totals.receivedFen).toBe(sum(view.contracts.map((c) => c.receivedFen)));
      expect(totals.arrearsFen).toBe(sum(view.contracts.map((c) => c.arrearsFen)));
      expect(totals.openWarnings).toBe(view.warnings.filter((w) => w.state !== 'closed').length);
      standing.push(...view.warnings.filter((w) => w.state !== 'closed').map((w) => w.id));
    }
    expect(town.warnings.map((w: { id: string }) => w.id).sort()).toEqual(standing.sort());
    // The township's reference prices are what the low-price warnings compare against.
    const settings = await host.ok('assets', 'settings', { townshipId: DEMO_TOWNSHIP._id }, 'township-admin');
    expect(Object.keys(settings.referencePriceFen).length).toBeGreaterThan(0);
  });
});
