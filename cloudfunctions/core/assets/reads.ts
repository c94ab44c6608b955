import type { AssetState, AssetTotals, ContractView, ResourceState, TownshipAssetsView, VillageAssetsView } from '../../../types/assets';
import type { Ports } from '../../ports';
import { authorize, type CallerInVillage, callerInTownship, callerInVillage } from '../caller/api';
import { C } from '../collections';
import { fail } from '../shared/errors';
import { CADRES, SUPERVISORS } from '../shared/policy';
import { findAll } from '../shared/paging';
import type { VillageDoc } from '../shared/records';
import { chinaDay } from '../shared/time';
import type { AssetDoc, ContractDoc, ReceiptDoc, ResourceDoc, WarningDoc } from './model';
import { assetsPolicy } from './policy';
import { owingOf, statusOn } from './rules';
import { assetView, contractView, installmentsFor, resourceView, warningView } from './views';

// Reading the registers: a village's whole 三资, one contract, and the township's view across villages.

export interface Registers {
  assets: AssetDoc[];
  resources: ResourceDoc[];
  contracts: ContractDoc[];
  warnings: WarningDoc[];
}

export async function loadRegisters(ports: Ports, villageId: string): Promise<Registers> {
  const col = <T extends { _id: string }>(name: string) => ports.store.collection<T & { [k: string]: unknown }>(name);
  const [assets, resources, contracts, warnings] = await Promise.all([
    findAll(col<AssetDoc>(C.assets), { villageId }),
    findAll(col<ResourceDoc>(C.resources), { villageId }),
    findAll(col<ContractDoc>(C.contracts), { villageId }),
    findAll(col<WarningDoc>(C.assetWarnings), { villageId }),
  ]);
  return { assets, resources, contracts, warnings };
}

const ASSET_STATES: AssetState[] = ['in_use', 'leased', 'idle', 'scrapped'];
const RESOURCE_STATES: ResourceState[] = ['contracted', 'uncontracted', 'self_run'];

export function totalsOf(r: Registers, today: string): AssetTotals {
  const assetsByState = Object.fromEntries(ASSET_STATES.map((s) => [s, { count: 0, originalFen: 0 }])) as AssetTotals['assetsByState'];
  for (const a of r.assets) {
    assetsByState[a.state].count += 1;
    assetsByState[a.state].originalFen += a.originalFen;
  }
  const areaByState = Object.fromEntries(RESOURCE_STATES.map((s) => [s, 0])) as AssetTotals['areaByState'];
  for (const l of r.resources) areaByState[l.state] += l.areaMu100;
  let dueFen = 0;
  let receivedFen = 0;
  let arrearsFen = 0;
  let activeContracts = 0;
  for (const c of r.contracts) {
    if (statusOn(c.status, c.endOn, today) === 'active') activeContracts += 1;
    const owing = owingOf(installmentsFor(c), c.receivedFen, today);
    dueFen += owing.dueFen;
    receivedFen += c.receivedFen;
    arrearsFen += owing.arrearsFen;
  }
  const openWarnings = r.warnings.filter((w) => w.state !== 'closed').length;
  return { assetsByState, areaByState, activeContracts, dueFen, receivedFen, arrearsFen, openWarnings };
}

/**
 * Rent is ledger money: a villager sees a receipt once its month is published (签字公示), as the
 * ledger shows the row; the 两委, the 民主理财小组, the 监委会 and the township see it when it is
 * entered. Which months are published is read from the ledger's own records (read only).
 */
const SEES_OPEN_BOOKS = new Set<string>([...CADRES, 'finance_panel', ...SUPERVISORS, 'township_admin', 'township_discipline']);

async function rentAsSeenBy(ports: Ports, ctx: CallerInVillage, contracts: ContractDoc[], receipts: ReceiptDoc[]) {
  if (ctx.roles.some((r) => SEES_OPEN_BOOKS.has(r))) return { contracts, receipts, counted: 'entered' as const };
  const months = await findAll(ports.store.collection<{ _id: string; month: string; state: string }>(C.ledgerMonths), {
    villageId: ctx.village._id,
    state: 'published',
  });
  const published = new Set(months.map((m) => m.month));
  const shown = receipts.filter((r) => published.has(r.date.slice(0, 7)));
  const received = new Map<string, number>();
  for (const r of shown) received.set(r.contractId, (received.get(r.contractId) ?? 0) + r.amountFen);
  return { contracts: contracts.map((c) => ({ ...c, receivedFen: received.get(c._id) ?? 0 })), receipts: shown, counted: 'published' as const };
}

/** Open first, red before yellow, newest first. */
function warningOrder(a: WarningDoc, b: WarningDoc): number {
  const rank = (w: WarningDoc) => (w.state === 'closed' ? 2 : 0) + (w.level === 'red' ? 0 : 1);
  return rank(a) - rank(b) || b.raisedAt.localeCompare(a.raisedAt);
}

export async function village(ports: Ports, input: { villageId: string }): Promise<VillageAssetsView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.village);
  const today = chinaDay(ports.clock.now());
  const [all, allReceipts] = await Promise.all([
    loadRegisters(ports, input.villageId),
    findAll(ports.store.collection<ReceiptDoc>(C.assetReceipts), { villageId: input.villageId }),
  ]);
  const { contracts, receipts, counted } = await rentAsSeenBy(ports, ctx, all.contracts, allReceipts);
  const r = { ...all, contracts };
  const subjects = new Map<string, AssetDoc | ResourceDoc>([...r.assets, ...r.resources].map((d) => [d._id, d]));
  const byContract = new Map<string, ReceiptDoc[]>();
  for (const x of receipts) byContract.set(x.contractId, [...(byContract.get(x.contractId) ?? []), x]);
  return {
    villageId: ctx.village._id,
    villageName: ctx.village.name,
    assets: await Promise.all(r.assets.map((a) => assetView(ports, a))),
    resources: r.resources.map(resourceView),
    contracts: r.contracts
      .map((c) => contractView(c, subjects.get(c.subject.id) ?? null, byContract.get(c._id) ?? [], today, counted))
      .sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active') || a.endOn.localeCompare(b.endOn)),
    warnings: [...r.warnings].sort(warningOrder).map((w) => warningView(w, ctx.village.name)),
    totals: totalsOf(r, today),
  };
}

/**
 * One contract as the caller sees it: after a write the writer (the 会计) sees all rent entered;
 * a reader without the open books sees rent from published months only (rentAsSeenBy).
 */
export async function contractViewOf(ports: Ports, c: ContractDoc, viewer?: CallerInVillage): Promise<ContractView> {
  const [subject, receipts] = await Promise.all([
    ports.store.collection<AssetDoc | ResourceDoc>(c.subject.type === 'asset' ? C.assets : C.resources).get(c.subject.id),
    ports.store.collection<ReceiptDoc>(C.assetReceipts).find({ where: { contractId: c._id }, limit: 1000 }),
  ]);
  const today = chinaDay(ports.clock.now());
  if (!viewer) return contractView(c, subject, receipts, today);
  const seen = await rentAsSeenBy(ports, viewer, [c], receipts);
  return contractView(seen.contracts[0], subject, seen.receipts, today, seen.counted);
}

export async function contract(ports: Ports, input: { villageId: string; contractId: string }): Promise<ContractView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.contract);
  const c = await ports.store.collection<ContractDoc>(C.contracts).get(input.contractId);
  if (!c || c.villageId !== input.villageId) throw fail.notFound('没有找到这份合同。');
  return contractViewOf(ports, c, ctx);
}

/** Each village's totals and every warning not yet closed, for the township's 三资清理. */
export async function township(ports: Ports, input: { townshipId: string }): Promise<TownshipAssetsView> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, assetsPolicy.township);
  const today = chinaDay(ports.clock.now());
  const villages = await findAll(ports.store.collection<VillageDoc>(C.villages), { townshipId: input.townshipId, enabled: true });
  const rows = await Promise.all(villages.map(async (v) => ({ village: v, registers: await loadRegisters(ports, v._id) })));
  return {
    townshipId: input.townshipId,
    villages: rows.map(({ village: v, registers }) => ({ villageId: v._id, villageName: v.name, totals: totalsOf(registers, today) })),
    warnings: rows
      .flatMap(({ village: v, registers }) => registers.warnings.filter((w) => w.state !== 'closed').map((w) => ({ w, name: v.name })))
      .sort((a, b) => warningOrder(a.w, b.w))
      .map(({ w, name }) => warningView(w, name)),
  };
}
