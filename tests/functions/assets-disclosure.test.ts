import { formatFenPlain as yuan } from '../../common/money';
import {
  ASSET_KIND_LABEL,
  ASSET_STATE_LABEL,
  ASSET_USE_LABEL,
  type AssetView,
  LAND_KIND_LABEL,
  RESOURCE_STATE_LABEL,
  type ResourceView,
} from '../../types/assets';
import type { Block, DraftView } from '../../types/disclosure';
import { assetWithContract, landWithContract } from '../helpers/assets';
import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();

// The test host's clock is 2026-11-23 (Beijing): 2026Q4 is the quarter under way.
const ACC = 'yangjia-accountant';
const SEC = 'yangjia-secretary';
const V = 'yangjia';
const Q = '2026Q4';
const ok = (action: string, data: unknown, persona = ACC) => host.ok('assets', action, data, persona);

const tableOf = (d: DraftView): string[][] => (d.body.find((b: Block) => b.type === 'table') as { rows: string[][] } | undefined)?.rows ?? [];
const textOf = (d: DraftView) => d.body.map((b: Block) => (b.type === 'paragraph' ? b.text : '')).join('');

async function drafts(): Promise<Map<string, DraftView>> {
  const items: DraftView[] = (await host.ok('disclosure', 'drafts', { villageId: V, quarter: Q }, SEC)).items;
  return new Map(items.map((d) => [d.itemId, d]));
}

async function rent(contractId: string, date: string, amountFen: number, counterparty: string) {
  const accounts = (await host.ok('finance', 'accounts', { villageId: V })).accounts;
  const income =
    accounts.find((a: { direction: string; name: string }) => a.direction === '收入' && /发包|承包|租/.test(a.name)) ??
    accounts.find((a: { direction: string }) => a.direction === '收入');
  await host.ok(
    'finance',
    'addRow',
    { villageId: V, date, accountId: income.id, amountFen, counterparty, summary: '收租金', handler: '杨会计', contractId },
    ACC,
  );
}

beforeAll(async () => {
  const { contract: lease } = await assetWithContract(
    host,
    {
      villageId: V,
      name: '临街门面房',
      use: 'operating',
      kind: 'building',
      location: '村口',
      acquiredOn: '2015-04-01',
      originalFen: 30_000_000,
      state: 'in_use',
      keeper: '杨会计',
    },
    {
      kind: 'lease',
      counterparty: { name: '李记超市', personId: null },
      startOn: '2026-09-01',
      endOn: '2028-08-31',
      priceFenPerYear: 2_400_000,
      schedule: 'quarterly',
      depositFen: 100_000,
      award: { method: 'negotiated', reason: '只有一家来租' },
      decision: { kind: 'meeting', body: 'representatives', date: '2026-08-20', note: '村民代表会议同意出租' },
    },
  );
  // Bought within the quarter: on this quarter's 台账, not on the last one's.
  await ok('addAsset', {
    villageId: V,
    name: '新购打印机',
    use: 'public',
    kind: 'equipment',
    location: '村委会',
    acquiredOn: '2026-11-01',
    originalFen: 250_000,
    state: 'in_use',
    keeper: '杨会计',
  });
  const { contract: outsource } = await landWithContract(
    host,
    { villageId: V, name: '河西承包地', landKind: 'arable', areaMu100: 5000, location: '河西', state: 'uncontracted' },
    {
      kind: 'outsource',
      counterparty: { name: '王大伟', personId: null },
      startOn: '2026-10-01',
      endOn: '2031-09-30',
      priceFenPerYear: 1_500_000,
      schedule: 'yearly',
      depositFen: 0,
      award: {
        method: 'auction',
        bids: [
          { bidder: '王大伟', fen: 1_500_000 },
          { bidder: '赵六', fen: 1_400_000 },
        ],
      },
      decision: { kind: 'meeting', body: 'representatives', date: '2026-09-20', note: '村民代表会议同意公开竞价发包' },
    },
  );
  // The shop's September rent, paid in October; a third of the land's first year.
  await rent(lease.id, '2026-10-10', 600_000, '李记超市');
  await rent(outsource.id, '2026-10-20', 500_000, '王大伟');
});

describe('生成本季度三资公开', () => {
  it('drafts the four 资产 and 资源 items from the registers, for the 监委会 to review', async () => {
    const out = await ok('draftDisclosure', { villageId: V, quarter: Q }, SEC);
    expect(out.drafted).toEqual([
      { itemId: 'huangsheng:5-1', title: '固定资产台账（2026年第四季度）' },
      { itemId: 'huangsheng:5-2', title: '2026年第四季度资产出租出借与承包收益' },
      { itemId: 'huangsheng:6-1', title: '土地林地水面等资源台账（2026年第四季度）' },
      { itemId: 'huangsheng:6-2', title: '2026年第四季度资源发包租赁合同与收益' },
    ]);
    const view = await ok('village', { villageId: V });
    const d = await drafts();
    for (const item of out.drafted) expect(d.get(item.itemId)).toMatchObject({ state: 'draft', title: item.title });

    // 固定资产台账: every asset on the register, as the register has it.
    const assets: AssetView[] = [...view.assets].sort((a, b) => a.acquiredOn.localeCompare(b.acquiredOn) || a.name.localeCompare(b.name, 'zh-CN'));
    const fixed = d.get('huangsheng:5-1') as DraftView;
    expect(tableOf(fixed)).toEqual(
      assets.map((a) => [
        a.name,
        ASSET_KIND_LABEL[a.kind],
        ASSET_USE_LABEL[a.use],
        a.location,
        a.acquiredOn,
        yuan(a.originalFen),
        ASSET_STATE_LABEL[a.state],
        a.keeper,
      ]),
    );
    expect(fixed.amountFen).toBe(assets.reduce((s, a) => s + a.originalFen, 0));
    expect(textOf(fixed)).toContain(`本村登记固定资产 ${assets.length} 项`);

    // 资产出租出借与承包收益: the shop's rent due this quarter (12-01), what came in, nothing owed.
    const let_ = d.get('huangsheng:5-2') as DraftView;
    expect(tableOf(let_)).toContainEqual(['临街门面房', '李记超市', '租赁', '2026-09-01 至 2028-08-31', '24000.00', '6000.00', '6000.00', '0.00']);

    // 资源台账: every piece of land, with who holds it today.
    const land: ResourceView[] = [...view.resources].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    const ledger = tableOf(d.get('huangsheng:6-1') as DraftView);
    expect(ledger.map((r) => r.slice(0, 5))).toEqual(
      land.map((r) => [r.name, LAND_KIND_LABEL[r.landKind], String(r.areaMu100 / 100), r.location, RESOURCE_STATE_LABEL[r.state]]),
    );
    expect(ledger).toContainEqual(['河西承包地', '耕地', '50', '河西', '发包', '王大伟', '2031-09-30']);

    // 资源发包合同与收益: term, price per 亩, due and received this quarter, and 欠款 since 10-02.
    const deals = d.get('huangsheng:6-2') as DraftView;
    expect(tableOf(deals)).toContainEqual([
      '河西承包地',
      '耕地',
      '50',
      '王大伟',
      '2026-10-01 至 2031-09-30',
      '5年',
      '15000.00',
      '300.00',
      '15000.00',
      '5000.00',
      '10000.00',
      '公开竞价',
    ]);
    expect(textOf(deals)).toContain('截至 2026-11-23 欠款');
  });

  it('drafts a past quarter as it stood at its end: what was bought, let and owed by then', async () => {
    await ok('draftDisclosure', { villageId: V, quarter: '2026Q3' }, SEC);
    const items: DraftView[] = (await host.ok('disclosure', 'drafts', { villageId: V, quarter: '2026Q3' }, SEC)).items;
    const item = (id: string) => items.find((i) => i.itemId === id) as DraftView;
    const names = tableOf(item('huangsheng:5-1')).map((r) => r[0]);
    expect(names).toContain('临街门面房');
    expect(names).not.toContain('新购打印机');
    expect(textOf(item('huangsheng:5-1'))).toContain('以下为截至 2026-09-30 的台账（状态按 2026-11-23 的登记）。');
    // The September rent fell due in the quarter and was paid only in October.
    expect(tableOf(item('huangsheng:5-2'))).toContainEqual([
      '临街门面房',
      '李记超市',
      '租赁',
      '2026-09-01 至 2028-08-31',
      '24000.00',
      '6000.00',
      '0.00',
      '6000.00',
    ]);
    // The land was let from October: nobody held it at the quarter's end, and no contract of it ran in the quarter.
    expect(tableOf(item('huangsheng:6-1'))).toContainEqual(['河西承包地', '耕地', '50', '河西', '发包', '', '']);
    expect(tableOf(item('huangsheng:6-2')).map((r) => r[0])).not.toContain('河西承包地');
  });

  it('is for the 两委 alone, drafts nothing while an item waits for review, and not ahead of time', async () => {
    const before = await storeDigest(host.store);
    for (const persona of ['yangjia-villager', 'yangjia-supervisor', 'dajiang-secretary', 'township-admin', undefined]) {
      const res = await host.call('assets', 'draftDisclosure', { villageId: V, quarter: Q }, persona);
      expect(['PERMISSION_DENIED', 'UNAUTHENTICATED']).toContain(res.body.error?.code);
    }
    const early = await host.call('assets', 'draftDisclosure', { villageId: V, quarter: '2027Q1' }, SEC);
    expect(early.body.error).toEqual({ code: 'INVALID_ARGUMENT', message: '还没到这个季度，不能提前起草。' });
    expect(await storeDigest(host.store)).toBe(before);

    await host.ok('disclosure', 'submit', { villageId: V, quarter: Q, itemId: 'huangsheng:6-1' }, SEC);
    const held = await storeDigest(host.store);
    const res = await host.call('assets', 'draftDisclosure', { villageId: V, quarter: Q }, ACC);
    expect(res.body.error).toEqual({ code: 'FAILED_PRECONDITION', message: '“土地林地水面等资源台账（2026年第四季度）”正在等待监委会审核，审核后再生成。' });
    expect(await storeDigest(host.store)).toBe(held);
  });
});
