import dayjs from 'dayjs';
import { C } from '../core/collections';
import { defaultCatalogFor } from '../core/disclosure/catalog';
import { defaultAccountsFor } from '../core/finance/accounts';
import type { StaffDoc } from '../core/caller/api';
import type { TownshipDoc, VillageDoc } from '../core/shared/records';
import type { VillageCodeDoc } from '../core/village/model';
import type { Role } from '../../types/roles';
import { MovableClock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import { seedMatters } from './demo-matters';
import { demoPorts } from './demo-ports';
import { DEMO_DISABLED_CODE, DEMO_TOWNSHIP, DEMO_VILLAGES } from './demo-villages';
import { PERSONAS, type PersonaDoc } from './personas';
import { seedAssets, seedAssetSettings } from './seed-assets';
import { seedHistory } from './seed-history';
import { seedLedger } from './seed-ledger';
import { personasFor, seedRoster } from './seed-roster';

/*
 * The demo township, composed from one file per thing seeded: villages (demo-villages), rosters
 * and personas (demo-roster, seed-roster), 三资 (demo-assets, seed-assets), books (seed-ledger),
 * 一季一晒 history (seed-history) and 一事一议 (demo-matters). Tests, scripts and the host import
 * all of it from here.
 */
export { DEMO_DISABLED_CODE, DEMO_TOWNSHIP, DEMO_VILLAGES, type DemoVillage } from './demo-villages';
export { demoIdNumber, demoRosterFacts, demoRosterSheet, PERSONA_ROLES, rowOf } from './demo-roster';
export { demoPorts } from './demo-ports';
export { demoHistoryQuarters } from './seed-history';
export { AWAITING_SIGNATURE, demoLedgerMonths } from './seed-ledger';

export async function isEmpty(store: DocStore): Promise<boolean> {
  return (await store.collection(C.townships).count()) === 0;
}

/** Writes the demo township. Uses `set`, so running it twice leaves one copy of everything. */
export async function seedDemo(store: DocStore, now: Date, idKey: string): Promise<void> {
  const { _id, ...township } = DEMO_TOWNSHIP;
  await store.collection<TownshipDoc>(C.townships).set(_id, township);
  for (const item of defaultCatalogFor(_id)) {
    const { _id: id, ...rest } = item;
    await store.collection(C.catalogItems).set(id, rest);
  }
  // The township went live two years before `now`: rosters and codes come before any history.
  const issuedAt = dayjs(now).subtract(2, 'year').toISOString();
  for (const [i, d] of DEMO_VILLAGES.entries()) {
    await seedRoster(store, d, i, idKey, issuedAt);
    const { _id: vid, ...village } = d.village;
    await store.collection<VillageDoc>(C.villages).set(vid, village);
    await store.collection<VillageCodeDoc>(C.villageCodes).set(d.code, { villageId: vid, enabled: true, issuedAt });
    for (const persona of personasFor(d, i)) {
      const { _id: pid, ...rest } = persona;
      await store.collection<PersonaDoc>(PERSONAS).set(pid, rest);
    }
  }
  await store.collection<VillageCodeDoc>(C.villageCodes).set(DEMO_DISABLED_CODE, {
    villageId: 'yangjia',
    enabled: false,
    issuedAt: dayjs(now).subtract(3, 'year').toISOString(),
    disabledAt: dayjs(now).subtract(2, 'year').toISOString(),
  });
  for (const a of defaultAccountsFor(_id)) {
    const { _id: aid, ...rest } = a;
    await store.collection(C.accounts).set(aid, rest);
  }
  // The township's staff come before the villages' records: the 三资 warnings raised along the
  // way reach them, and the 镇管理员 sets the reference prices the warnings compare against.
  const staff: [key: string, label: string, role: Role][] = [
    ['admin', '黄升镇 · 镇管理员 王建华', 'township_admin'],
    ['discipline', '黄升镇 · 镇纪委 刘振东', 'township_discipline'],
  ];
  for (const [key, label, role] of staff) {
    const openid = `dev-openid-township-${key}`;
    await store.collection<PersonaDoc>(PERSONAS).set(`township-${key}`, { label, openid, villageId: null, roles: [role] });
    await store.collection<StaffDoc>(C.staff).set(`${_id}:${openid}`, {
      townshipId: _id,
      openid,
      name: label.split(' ').pop() ?? '',
      roles: [role],
    });
  }
  await seedAssetSettings(store, now, idKey, _id);
  for (const [i, d] of DEMO_VILLAGES.entries()) {
    // 三资 first: its rent is booked against the contracts as it comes in, and the books import
    // the rest of each month. Books next: the quarter's money items are drafted from the months
    // already signed.
    await seedAssets(store, d, i, now, idKey);
    await seedLedger(store, d, i, now, idKey);
    await seedHistory(store, d, i, now, idKey);
    const clock = new MovableClock(now);
    await seedMatters(d.village._id, d.villager, now, clock, (key) => demoPorts(store, clock, idKey, `dev-openid-${d.village._id}-${key}`));
  }
}
