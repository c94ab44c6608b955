import type { ItemStatus, QuarterSummary, QuarterView, Rating } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';
import { callerInVillage } from '../caller/api';
import { shiftQuarterKey } from '../shared/time';
import type { TownshipDoc } from '../shared/records';
import { CATEGORIES, requiredIn, type CatalogItemDoc } from './catalog';
import { countStatuses, statusOf } from './completeness';
import { NO_RATINGS, statsKeyOf, type ItemDoc, type QuarterStatsDoc } from './model';
import { dueDateOf, homeQuarters, labelOf, lastEndedQuarter, type QuarterFacts } from './rules';
import { followUpView, type FollowUpDoc, type RatingDoc } from './voice';

/** A village's quarters as villagers read them: which to open first, and each one's items against the catalog. */

async function publishedQuarters(ports: Ports, villageId: string): Promise<QuarterStatsDoc[]> {
  const rows = await ports.store.collection<QuarterStatsDoc>(C.quarterStats).find({
    where: { villageId },
    orderBy: [['quarter', 'desc']],
    limit: 200,
  });
  return rows.filter((r) => r.published + (r.adhoc ?? 0) > 0);
}

/** The quarters a village home shows (rules.ts, homeQuarters): the main one, then later ones with news. */
export async function homeQuartersOf(
  ports: Ports,
  villageId: string,
  township: TownshipDoc | null,
  catalog: CatalogItemDoc[],
): Promise<{ main: string; more: string[] }> {
  const now = ports.clock.now();
  const ended = lastEndedQuarter(now);
  const keys = [shiftQuarterKey(ended, -1), ended, shiftQuarterKey(ended, 1)];
  const stats = await Promise.all(keys.map((q) => ports.store.collection<QuarterStatsDoc>(C.quarterStats).get(statsKeyOf(villageId, q))));
  const facts = new Map(
    keys.map((q, i): [string, QuarterFacts] => [
      q,
      {
        regular: stats[i]?.published ?? 0,
        adhoc: stats[i]?.adhoc ?? 0,
        required: catalog.filter((c) => requiredIn(c, q)).length,
        dueDate: dueDateOf(township, q),
      },
    ]),
  );
  return homeQuarters(now, (q) => facts.get(q) as QuarterFacts);
}

export async function townshipCatalog(ports: Ports, townshipId: string): Promise<CatalogItemDoc[]> {
  return ports.store.collection<CatalogItemDoc>(C.catalogItems).find({
    where: { townshipId },
    orderBy: [['order', 'asc']],
    limit: 500,
  });
}

/** Every required item of a village's quarter, and where it stands against the due date. */
export async function completenessOf(
  ports: Ports,
  catalog: CatalogItemDoc[],
  villageId: string,
  quarter: string,
  dueDate: string,
): Promise<{ items: ItemDoc[]; statuses: Map<string, ItemStatus> }> {
  const items = await ports.store.collection<ItemDoc>(C.disclosureItems).find({
    where: { villageId, quarter, publishedVersion: cmd.gte(1) },
    limit: 500,
  });
  const byCatalog = new Map(items.filter((i) => i.catalogItemId).map((i) => [i.catalogItemId as string, i]));
  const now = ports.clock.now();
  const statuses = new Map<string, ItemStatus>();
  for (const c of catalog) {
    if (requiredIn(c, quarter)) statuses.set(c._id, statusOf(byCatalog.get(c._id)?.firstPublishedAt ?? null, dueDate, now));
  }
  return { items, statuses };
}

/** What villagers see of a quarter: every required item with its status, ad hoc items, 评 and 督. */
export async function quarterView(ports: Ports, input: { villageId: string; quarter: string }): Promise<QuarterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  const township = await ports.store.collection<TownshipDoc>(C.townships).get(ctx.village.townshipId);
  const dueDate = dueDateOf(township, input.quarter);
  const catalog = await townshipCatalog(ports, ctx.village.townshipId);
  const [{ items, statuses }, stats, mine, followUps] = await Promise.all([
    completenessOf(ports, catalog, input.villageId, input.quarter, dueDate),
    ports.store.collection<QuarterStatsDoc>(C.quarterStats).get(statsKeyOf(input.villageId, input.quarter)),
    ctx.person ? ports.store.collection<RatingDoc>(C.ratings).get(`${input.villageId}:${input.quarter}:${ctx.person._id}`) : null,
    ports.store.collection<FollowUpDoc>(C.followUps).find({
      where: { villageId: input.villageId, quarter: input.quarter },
      orderBy: [['createdAt', 'asc']],
      limit: 200,
    }),
  ]);
  const byCatalog = new Map(items.filter((i) => i.catalogItemId).map((i) => [i.catalogItemId as string, i]));
  const entries: QuarterView['entries'] = [];
  for (const c of catalog) {
    const item = byCatalog.get(c._id);
    const status = statuses.get(c._id);
    if (!status && !item) continue;
    entries.push({
      itemId: c._id,
      category: c.category,
      title: c.title,
      publishedTitle: item?.publishedTitle ?? null,
      status: status ?? 'published',
      required: status !== undefined,
      version: item?.publishedVersion ?? 0,
      publishedAt: item?.publishedAt ?? null,
    });
  }
  for (const item of items.filter((i) => !i.catalogItemId)) {
    entries.push({
      itemId: item.itemId,
      category: item.category,
      title: item.publishedTitle ?? '',
      publishedTitle: item.publishedTitle,
      status: 'published',
      required: false,
      version: item.publishedVersion,
      publishedAt: item.publishedAt,
    });
  }
  const order = (c: string) => CATEGORIES.indexOf(c as never);
  entries.sort((a, b) => order(a.category) - order(b.category));
  return {
    quarter: input.quarter,
    label: labelOf(input.quarter),
    dueDate,
    completeness: countStatuses([...statuses.values()]),
    entries,
    ratings: { ...NO_RATINGS, ...(stats?.ratings ?? {}) },
    myRating: (mine?.rating as Rating | undefined) ?? null,
    followUps: followUps.map(followUpView),
  };
}

/** The quarters a village has published anything in, newest first, and the one to open first. */
export async function quarters(ports: Ports, input: { villageId: string }): Promise<{ current: string; quarters: QuarterSummary[] }> {
  const ctx = await callerInVillage(ports, input.villageId);
  const township = await ports.store.collection<TownshipDoc>(C.townships).get(ctx.village.townshipId);
  const catalog = await townshipCatalog(ports, ctx.village.townshipId);
  const [rows, { main: current }] = await Promise.all([publishedQuarters(ports, input.villageId), homeQuartersOf(ports, input.villageId, township, catalog)]);
  const list: QuarterSummary[] = rows.map((r) => ({ key: r.quarter, label: labelOf(r.quarter), published: r.published + (r.adhoc ?? 0) }));
  if (!list.some((q) => q.key === current)) list.push({ key: current, label: labelOf(current), published: 0 });
  list.sort((a, b) => (a.key < b.key ? 1 : -1));
  return { current, quarters: list };
}
