import type { AssetInput, AssetSettings, Award, ContractInput, Decision, ResourceInput } from '../../types/assets';
import type { WarningDoc } from '../core/assets/model';
import { addDays, addMonths } from '../core/shared/time';
import type { Ports } from '../ports';
import { demoLandContracts, demoWarehouseRentFen, quarterFeeFen, type DemoLedgerPeople, type DemoLedgerRow } from './demo-ledger';
import { numbers } from './demo-numbers';

/*
 * What each demo village owns and lets (its 资产台账, 资源台账 and contracts), as the 会计 would
 * enter them. The books already collect on three contracts a village (two 机动地 and the east
 * warehouse, see demo-ledger); those become contracts here whose rent is the books' own rows.
 * seed-assets walks the lot through the services on a clock.
 */

/**
 * The township's numbers for the 三资 warnings: the defaults, and a reference rent per 亩 a year
 * for each kind of land the demo lets. The 机动地 go for 800–900 元, above the 750 元 reference.
 */
export const DEMO_ASSET_SETTINGS: Omit<AssetSettings, 'townshipId'> = {
  termLimitYears: 30,
  expiringDays: 90,
  idleMonths: 6,
  referencePriceFen: { arable: 75_000, orchard: 90_000, forest: 20_000, water: 60_000, waste: 5_000 },
};

/** The east warehouse's name on the 资产台账, which 5-2 quotes with its lease. */
export const DEMO_WAREHOUSE = '村东库房';

/** The contracts the demo books collect on, by what their ledger rows say. */
export type RentStream = 'land-0' | 'land-1' | 'warehouse';

/**
 * Which contract a demo ledger row pays, if any. Such rows are entered against the contract when
 * the money comes in (finance.addRow with the contract); the rest of the month is imported.
 */
export function rentStreamOf(r: DemoLedgerRow, landTenants: string[]): RentStream | null {
  if (r.direction !== '收入') return null;
  if (r.summary.startsWith('村东库房租金')) return 'warehouse';
  const i = landTenants.indexOf(r.counterparty);
  return r.summary.startsWith('集体机动地承包费') && (i === 0 || i === 1) ? (`land-${i}` as RentStream) : null;
}

export const isContractRent = (r: DemoLedgerRow, landTenants: string[]) => rentStreamOf(r, landTenants) !== null;

export type Register<T> = Omit<T, 'villageId'>;

/** Every village's office, square, wells, pumps and the warehouse it lets: 5-1's 固定资产台账 and a little more. */
export function demoCommonAssets(people: DemoLedgerPeople & { secretary: string }): (Register<AssetInput> & { key: string })[] {
  return [
    {
      key: 'office',
      name: '村委会办公楼',
      use: 'public',
      kind: 'building',
      location: '村中心',
      acquiredOn: '2012-06-01',
      originalFen: 68_000_000,
      state: 'in_use',
      keeper: people.secretary,
    },
    {
      key: 'square',
      name: '文化广场及健身器材',
      use: 'public',
      kind: 'facility',
      location: '村委会东侧',
      acquiredOn: '2018-09-01',
      originalFen: 12_600_000,
      state: 'in_use',
      keeper: people.director,
    },
    {
      key: 'wells',
      name: '农用机井（12眼）',
      use: 'public',
      kind: 'facility',
      location: '村东、村北农田',
      acquiredOn: '2015-04-01',
      originalFen: 9_600_000,
      state: 'in_use',
      keeper: people.director,
    },
    {
      key: 'sprinklers',
      name: '农田喷灌设备',
      use: 'public',
      kind: 'equipment',
      location: '村北农田',
      acquiredOn: '2021-05-01',
      originalFen: 3_200_000,
      state: 'in_use',
      keeper: people.director,
    },
    // Empty until the lease below lets it (the books long called it 村东闲置库房).
    {
      key: 'warehouse',
      name: DEMO_WAREHOUSE,
      use: 'operating',
      kind: 'building',
      location: '村东',
      acquiredOn: '2009-03-01',
      originalFen: 8_500_000,
      state: 'idle',
      keeper: people.accountant,
    },
  ];
}

/** Every village's land and water: 6-1's 资源台账 (the same areas), and a patch nobody has taken. */
export function demoCommonResources(villageId: string): (Register<ResourceInput> & { key: string })[] {
  const [east, west] = demoLandContracts(villageId);
  // Drawn as 6-1 draws them, so the register and the published 资源台账 agree.
  const n = numbers(`resources:${villageId}`);
  const ponds = n(10, 40);
  const forest = n(20, 60);
  const waste = numbers(`waste:${villageId}`)(6, 18) * 50;
  return [
    { key: 'land-0', name: '集体机动地（东洼）', landKind: 'arable', areaMu100: east.mu * 100, location: '村东洼地', state: 'uncontracted' },
    { key: 'land-1', name: '集体机动地（西洼）', landKind: 'arable', areaMu100: west.mu * 100, location: '村西洼地', state: 'uncontracted' },
    { key: 'ponds', name: '沟渠坑塘', landKind: 'water', areaMu100: ponds * 100, location: '村周边', state: 'self_run', note: '集体管护' },
    { key: 'forest', name: '村北林地', landKind: 'forest', areaMu100: forest * 100, location: '村北', state: 'self_run', note: '集体管护' },
    { key: 'waste', name: '村西闲散地', landKind: 'waste', areaMu100: waste, location: '村西路边', state: 'uncontracted', note: '零星地块，尚未发包' },
  ];
}

export const meeting = (date: string, note: string): Decision => ({ kind: 'meeting', body: 'representatives', date, note });
export const auction = (bids: [string, number][]): Award => ({ method: 'auction', bids: bids.map(([bidder, fen]) => ({ bidder, fen })) });

export type ContractTerms = Omit<ContractInput, 'villageId' | 'subject'>;

/**
 * The three contracts the books collect on. They start the quarter after the first fee the books
 * hold, which paid it in advance: each quarter's fee comes in at the start of the quarter before
 * (预交下季度), so what fell due is always paid, whatever day the demo is seeded on.
 */
export function demoRentContracts(
  villageId: string,
  people: DemoLedgerPeople,
  ids: Record<string, string | null>,
  days: { meeting: string; auction: string; start: string },
): Record<RentStream, ContractTerms> {
  const land = demoLandContracts(villageId);
  const landTerms = (i: 0 | 1): ContractTerms => {
    const c = land[i];
    const price = c.mu * c.yuanPerMuYear * 100;
    const tenant = people.landTenants[i];
    return {
      kind: 'outsource',
      counterparty: { name: tenant, personId: ids[tenant] ?? null },
      startOn: days.start,
      endOn: addDays(addMonths(days.start, 60), -1),
      priceFenPerYear: price,
      schedule: 'quarterly',
      depositFen: quarterFeeFen(c),
      award: auction([
        [tenant, price],
        ['沾化区绿丰种植专业合作社', price - c.mu * 2_000],
        [people.landTenants[1 - i], price - c.mu * 5_000],
      ]),
      decision: meeting(days.meeting, `表决通过集体机动地经镇农村产权交易平台公开竞价发包，期限5年，底价每亩每年${c.yuanPerMuYear - 60}元。`),
      note: `${days.auction}公开竞价。承包费按季度收取，每季度初预交下一季度。`,
    };
  };
  const rent = demoWarehouseRentFen(villageId);
  return {
    'land-0': landTerms(0),
    'land-1': landTerms(1),
    warehouse: {
      kind: 'lease',
      counterparty: { name: people.rentTenant, personId: ids[people.rentTenant] ?? null },
      startOn: days.start,
      endOn: addDays(addMonths(days.start, 36), -1),
      priceFenPerYear: rent * 4,
      schedule: 'quarterly',
      depositFen: rent,
      award: { method: 'negotiated', reason: '库房位置偏僻，公告招租一个月无人报名，按镇里评估的租金与原使用人协商。' },
      decision: meeting(days.meeting, '同意村东库房按评估价协商出租，期限3年。'),
      note: '租金按季度收取，每季度初预交下一季度。',
    },
  };
}

/** A Beijing wall-clock moment. */
export const beijing = (day: string, hour: number, minute = 0) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/** The last day of the month a day falls in. */
export const monthEnd = (day: string) => addDays(addMonths(`${day.slice(0, 7)}-01`, 1), -1);

/** The first of the month `n` months from the month a day falls in. */
export const monthStart = (day: string, n = 0) => addMonths(`${day.slice(0, 7)}-01`, n);

/** What a village's story is written with: its people, its key days, and steps to put on the timeline. */
export interface AssetStory {
  villageId: string;
  people: DemoLedgerPeople & { secretary: string };
  /** Today at `now`, Beijing. */
  today: string;
  /** When the 会计 entered the registers and signed the first contracts. */
  enteredOn: string;
  /** Ids of what has been written, by key: assets and land, contracts, and roster people by name. */
  ids: Record<string, string>;
  step(day: string, hour: number, what: string, run: () => Promise<unknown>): void;
  as(key: string): Ports;
  /** A warning raised on a subject, for answering it. */
  warningOn(kind: WarningDoc['kind'], subjectKey: string): Promise<WarningDoc>;
  addAsset(key: string, input: Omit<AssetInput, 'villageId'>): Promise<void>;
  addResource(key: string, input: Omit<ResourceInput, 'villageId'>): Promise<void>;
  /** Lets an asset or a piece of land (by key) under `key`. */
  let(key: string, subject: { type: 'asset' | 'resource'; key: string }, terms: ContractTerms): Promise<void>;
  /** Books an income row against a contract, as the 会计 does when the money comes in. */
  rent(contractKey: string, row: { date: string; account: '经营收入' | '发包及上交收入'; fen: number; counterparty: string; summary: string }): Promise<void>;
}
