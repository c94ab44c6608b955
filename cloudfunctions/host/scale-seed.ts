import { C } from '../core/collections';
import { defaultCatalogFor } from '../core/disclosure/catalog';
import { defaultAccountsFor } from '../core/finance/accounts';
import type { StaffDoc } from '../core/caller/api';
import { tick } from '../core/scheduler';
import { DEFAULT_SETTINGS, type TownshipDoc } from '../core/shared/records';
import type { Role } from '../../types/roles';
import { MovableClock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import { demoPorts } from './demo-ports';
import { PERSONAS, type PersonaDoc } from './personas';
import { seedScaleAssets } from './scale-assets';
import { seedScaleDisclosures } from './scale-disclosures';
import { seedScaleLedgers } from './scale-ledger';
import { openidOf, SCALE_META, SCALE_TOWNSHIP, scaleMonths, scaleQuarters, scaleVillages, type ScaleOptions, type ScaleRun } from './scale-plan';
import { seedScaleRosters } from './scale-roster';
import { seedScaleTickets } from './scale-tickets';
import { seedScaleVotes } from './scale-votes';

/*
 * The scale township, composed from one file per phase: the plan (scale-plan), rosters, 三资,
 * books, 一季一晒, 码上监督 and 一事一议 (scale-roster, -assets, -ledger, -disclosures, -tickets,
 * -votes). Scripts and tests import all of it from here.
 */
export {
  FULL_SCALE,
  SCALE_META,
  SCALE_TOWNSHIP,
  scaleMonths,
  scaleQuarters,
  scaleVillages,
  type ScaleMeta,
  type ScaleOptions,
  type ScaleVillage,
} from './scale-plan';
export { scaleRosterSheet } from './scale-roster';

/**
 * Seeds the scale township into `store`. `now` is when the data ends (the five years lead up
 * to it). Returns how many of each thing were written.
 */
export async function seedScale(store: DocStore, now: Date, idKey: string, o: ScaleOptions): Promise<Record<string, number>> {
  const clock = new MovableClock(now);
  const t = SCALE_TOWNSHIP;
  const counts: Record<string, number> = { people: 0, contracts: 0, disclosures: 0, ledgerRows: 0, tickets: 0, votes: 0, ballots: 0 };

  await store.collection<TownshipDoc>(C.townships).set(t, { name: '规模测试镇', county: '（规模测试数据，非真实乡镇）', settings: DEFAULT_SETTINGS });
  for (const { _id, ...rest } of defaultCatalogFor(t)) await store.collection(C.catalogItems).set(_id, rest);
  for (const { _id, ...rest } of defaultAccountsFor(t)) await store.collection(C.accounts).set(_id, rest);
  for (const [key, label, role] of [
    ['admin', '规模测试镇 · 镇管理员', 'township_admin'],
    ['discipline', '规模测试镇 · 镇纪委', 'township_discipline'],
  ] as [string, string, Role][]) {
    const openid = `scale-openid-township-${key}`;
    await store.collection<PersonaDoc>(PERSONAS).set(`scale-township-${key}`, { label, openid, villageId: null, roles: [role] });
    await store.collection<StaffDoc>(C.staff).set(`${t}:${openid}`, { townshipId: t, openid, name: label, roles: [role] });
  }

  const run: ScaleRun = {
    store,
    clock,
    idKey,
    now,
    o,
    counts,
    log: o.log ?? (() => {}),
    batch: o.batch ?? ((fn) => fn()),
    villages: scaleVillages(o),
    quarters: scaleQuarters(now, o.years),
    months: scaleMonths(now, o.years),
    rosters: new Map(),
    as: (v, key) => demoPorts(store, clock, idKey, openidOf(v, key)),
  };
  await seedScaleRosters(run);
  // 三资 before the books: contract fees are booked against their contracts as they come in,
  // and the ledger phase imports the rest of each month around them.
  await seedScaleAssets(run);
  await seedScaleLedgers(run);
  await seedScaleDisclosures(run);
  await seedScaleTickets(run);
  await seedScaleVotes(run);
  // The hourly timer, as it would have run by now: overdue tickets marked, due votes closed.
  clock.set(now);
  await tick({ ...demoPorts(store, clock, idKey, 'scale-timer'), caller: { openid: null } });

  // What the benchmarks need to know about the data: the moment it ends, and its size.
  await store.collection(SCALE_META).set('scale', {
    now: now.toISOString(),
    options: { ...o, log: undefined, batch: undefined },
    counts,
    villages: run.villages.map((v) => v.id),
    quarters: run.quarters,
    months: run.months,
  });
  return counts;
}
