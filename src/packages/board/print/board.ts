import type { PublishedItem, QuarterView } from '../../../../types/disclosure';
import type { VillageView } from '../../../../types/village';
import { disclosureApi } from '../../../services/disclosure';
import { isQuarterKey } from '../../../services/quarters';
import { villageApi } from '../../../services/village';

/** A quarter has up to a few dozen items: fetch a few at a time rather than all at once. */
const AT_ONCE = 6;

/** Everything the printed sheet shows, read before it is drawn. */
export interface Board {
  village: VillageView;
  view: QuarterView;
  items: Map<string, PublishedItem>;
  /** The 监督电话 in full: the sheet is for villagers who cannot tap a masked number to call it. */
  hotline: string | null;
}

async function inBatches<T, R>(list: T[], work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += AT_ONCE) out.push(...(await Promise.all(list.slice(i, i + AT_ONCE).map(work))));
  return out;
}

export async function loadBoard(villageId: string, quarterParam: string | undefined): Promise<Board> {
  const [village, given] = await Promise.all([
    villageApi.get(villageId),
    isQuarterKey(quarterParam) ? disclosureApi.quarter(villageId, quarterParam) : Promise.resolve(null),
  ]);
  // Without a quarter, print the one the village's home page shows.
  const view = given ?? (await disclosureApi.quarter(villageId, village.quarter.key));
  const published = view.entries.filter((e) => e.version > 0);
  const [items, hotline] = await Promise.all([
    inBatches(published, (e) => disclosureApi.item({ villageId, quarter: view.quarter, itemId: e.itemId })),
    village.supervisor?.phoneMasked ? villageApi.supervisorPhone(villageId).then((p) => p.hotline) : Promise.resolve(null),
  ]);
  return { village, view, items: new Map(items.map((i) => [i.itemId, i])), hotline };
}
