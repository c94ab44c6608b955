import type { QuarterState, ResolveCodeOutput, SupervisorPhoneOutput, VillageView } from '../../../types/village';
import type { Ports } from '../../ports';
import { C } from '../collections';
import {
  type CatalogItemDoc,
  CATEGORIES,
  completenessOf,
  countStatuses,
  dueDateOf,
  homeQuartersOf,
  labelOf,
  requiredIn,
  townshipCatalog,
} from '../disclosure/api';
import { fail } from '../shared/errors';
import type { TownshipDoc, VillageCodeDoc, VillageDoc } from './model';
import { hotlineText, maskPhone } from '../shared/personal-numbers';

const INVALID_CODE = '二维码无效或已停用。请扫描村务公开栏上最新张贴的二维码，或联系村务监督委员会。';

/** A scanned code leads to its village only while both the code and the village are enabled. */
export async function resolveCode(ports: Ports, input: { code: string }): Promise<ResolveCodeOutput> {
  const code = await ports.store.collection<VillageCodeDoc>(C.villageCodes).get(input.code);
  if (!code) throw fail.notFound(INVALID_CODE);
  if (!code.enabled) throw fail.precondition(INVALID_CODE);
  const village = await ports.store.collection<VillageDoc>(C.villages).get(code.villageId);
  if (!village?.enabled) throw fail.precondition(INVALID_CODE);
  return { villageId: village._id };
}

async function loadVillage(ports: Ports, villageId: string): Promise<VillageDoc> {
  const village = await ports.store.collection<VillageDoc>(C.villages).get(villageId);
  if (!village?.enabled) throw fail.notFound('没有找到这个村，可能已停用。请重新扫描村里的二维码。');
  return village;
}

/** How far one quarter's disclosure has got, for a card on the home. */
async function quarterState(ports: Ports, township: TownshipDoc, allCatalog: CatalogItemDoc[], villageId: string, key: string): Promise<QuarterState> {
  const catalog = allCatalog.filter((i) => requiredIn(i, key));
  const dueDate = dueDateOf(township, key);
  const { items, statuses } = await completenessOf(ports, catalog, villageId, key, dueDate);
  const counts = countStatuses([...statuses.values()]);
  return {
    key,
    label: labelOf(key),
    dueDate,
    requiredCount: counts.required,
    categories: CATEGORIES.map((category) => ({
      category,
      items: catalog.filter((i) => i.category === category).map((i) => ({ id: i._id, title: i.title, status: statuses.get(i._id) ?? 'pending' })),
    })).filter((c) => c.items.length > 0),
    publishedCount: counts.published + counts.late,
    adhocCount: items.filter((i) => !i.catalogItemId).length,
    completeness: counts,
  };
}

/** The quarter villagers are owed, and later ones with something out (disclosure/rules.ts). */
async function homeCards(ports: Ports, township: TownshipDoc, villageId: string): Promise<Pick<VillageView, 'quarter' | 'moreQuarters'>> {
  const catalog = await townshipCatalog(ports, township._id);
  const { main, more } = await homeQuartersOf(ports, villageId, township, catalog);
  const [quarter, ...moreQuarters] = await Promise.all([main, ...more].map((key) => quarterState(ports, township, catalog, villageId, key)));
  return { quarter, moreQuarters };
}

/** The village home a villager sees after scanning: public, so nothing personal beyond the 监委会主任's masked contact. */
export async function getVillage(ports: Ports, input: { villageId: string }): Promise<VillageView> {
  const village = await loadVillage(ports, input.villageId);
  const township = await ports.store.collection<TownshipDoc>(C.townships).get(village.townshipId);
  if (!township) throw fail.notFound('这个村所属的镇尚未开通阳光村务。');
  return {
    id: village._id,
    name: village.name,
    townshipId: township._id,
    townshipName: township.name,
    county: township.county,
    supervisor: village.supervisor ? { name: village.supervisor.name, phoneMasked: maskPhone(village.supervisor.phone) } : null,
    ...(await homeCards(ports, township, village._id)),
  };
}

/**
 * The 监委会主任's number is on the village poster, so anyone may call it; it is still sent
 * only when someone taps to call, never in a page's data.
 */
export async function supervisorPhone(ports: Ports, input: { villageId: string }): Promise<SupervisorPhoneOutput> {
  const village = await loadVillage(ports, input.villageId);
  if (!village.supervisor?.phone) throw fail.notFound('该村暂未登记村务监督委员会主任的电话。');
  return { phone: village.supervisor.phone, hotline: hotlineText(village.supervisor.phone) ?? village.supervisor.phone };
}
