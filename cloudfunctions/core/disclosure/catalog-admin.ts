import type { AuditAction } from '../../../types/audit';
import type { CatalogEntry, TownshipCompletenessRow } from '../../../types/disclosure';
import type { DisclosureCategory } from '../../../types/village';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { authorize, callerInTownship, townshipActorOf } from '../caller/api';
import { fail } from '../shared/errors';
import type { Rule } from '../shared/policy';
import { quarterKey, quarterOf } from '../shared/time';
import type { VillageDoc } from '../shared/records';
import { CATEGORIES, FIRST_QUARTER, type CatalogItemDoc } from './catalog';
import { countStatuses } from './completeness';
import { dueDateOf, labelOf, lastEndedQuarter } from './rules';
import { completenessOf, townshipCatalog } from './quarters';
import { catalogPolicy } from './policy';

function entry(d: CatalogItemDoc): CatalogEntry {
  return {
    id: d._id,
    category: d.category,
    title: d.title,
    order: d.order,
    retired: d.retired,
    since: d.since ?? FIRST_QUARTER,
    retiredFrom: d.retiredFrom ?? null,
  };
}

export async function catalog(ports: Ports, input: { townshipId: string }): Promise<{ items: CatalogEntry[] }> {
  await callerInTownship(ports, input.townshipId);
  return { items: (await townshipCatalog(ports, input.townshipId)).map(entry) };
}

async function admin(ports: Ports, townshipId: string, rule: Rule) {
  const ctx = await callerInTownship(ports, townshipId);
  authorize(ctx, rule);
  return ctx;
}

/**
 * A township adds a required item. It is owed from the current quarter on, not for quarters
 * already past. Its id follows the category's numbering (`huangsheng:2-5`).
 */
export async function catalogAdd(ports: Ports, input: { townshipId: string; category: DisclosureCategory; title: string }): Promise<CatalogEntry> {
  const ctx = await admin(ports, input.townshipId, catalogPolicy.catalogAdd);
  const ci = CATEGORIES.indexOf(input.category) + 1;
  const now = ports.clock.now();
  const at = now.toISOString();
  const out = await ports.store.transaction(async (tx) => {
    // Two admins adding at once would pick the same number; the id then collides (CONFLICT).
    const all = await ports.store.collection<CatalogItemDoc>(C.catalogItems).find({ where: { townshipId: input.townshipId }, limit: 500 });
    if (all.some((i) => !i.retired && i.title === input.title)) throw fail.conflict(`目录里已经有“${input.title}”。`);
    const inCategory = all.filter((i) => i.category === input.category);
    const n = Math.max(0, ...inCategory.map((i) => Number(i._id.split('-').pop()))) + 1;
    const doc: CatalogItemDoc = {
      _id: `${input.townshipId}:${ci}-${n}`,
      townshipId: input.townshipId,
      category: input.category,
      title: input.title,
      order: (ci - 1) * 100 + n - 1,
      retired: false,
      since: quarterKey(quarterOf(now)),
      retiredFrom: null,
    };
    await tx.add(C.catalogItems, doc);
    await appendAudit(tx, `township:${input.townshipId}`, {
      actor: townshipActorOf(ctx),
      action: 'catalog.add',
      target: `catalog:${doc._id}`,
      change: doc,
      at,
    });
    return doc;
  });
  return entry(out);
}

async function changeItem(
  ports: Ports,
  input: { townshipId: string; itemId: string },
  rule: Rule,
  action: AuditAction,
  change: (item: CatalogItemDoc, now: Date) => Partial<CatalogItemDoc>,
): Promise<CatalogEntry> {
  const ctx = await admin(ports, input.townshipId, rule);
  const now = ports.clock.now();
  const out = await ports.store.transaction(async (tx) => {
    const item = await tx.get<CatalogItemDoc>(C.catalogItems, input.itemId);
    if (!item || item.townshipId !== input.townshipId) throw fail.notFound('公开目录里没有这一项。');
    const patch = change(item, now);
    await tx.update(C.catalogItems, item._id, patch);
    await appendAudit(tx, `township:${input.townshipId}`, {
      actor: townshipActorOf(ctx),
      action,
      target: `catalog:${item._id}`,
      change: patch,
      at: now.toISOString(),
    });
    return { ...item, ...patch };
  });
  return entry(out);
}

/** A new name applies to the catalog; what was published keeps the title it was published under. */
export function catalogRename(ports: Ports, input: { townshipId: string; itemId: string; title: string }): Promise<CatalogEntry> {
  return changeItem(ports, input, catalogPolicy.catalogRename, 'catalog.rename', (item) => {
    if (item.retired) throw fail.precondition('已撤下的目录项不能改名。');
    return { title: input.title };
  });
}

/**
 * Retiring stops an item being owed from the current quarter on. Earlier quarters still owe it
 * and keep everything published under it.
 */
export function catalogRetire(ports: Ports, input: { townshipId: string; itemId: string }): Promise<CatalogEntry> {
  return changeItem(ports, input, catalogPolicy.catalogRetire, 'catalog.retire', (item, now) => {
    if (item.retired) throw fail.precondition('这一项已经撤下了。');
    return { retired: true, retiredFrom: quarterKey(quarterOf(now)) };
  });
}

/** The township's table: each village × the quarter's completeness. */
export async function township(
  ports: Ports,
  input: { townshipId: string; quarter?: string },
): Promise<{ quarter: string; label: string; dueDate: string; rows: TownshipCompletenessRow[] }> {
  const ctx = await admin(ports, input.townshipId, catalogPolicy.township);
  const quarter = input.quarter ?? lastEndedQuarter(ports.clock.now());
  const dueDate = dueDateOf(ctx.township, quarter);
  const [catalogItems, villages] = await Promise.all([
    townshipCatalog(ports, input.townshipId),
    ports.store.collection<VillageDoc>(C.villages).find({ where: { townshipId: input.townshipId }, limit: 500 }),
  ]);
  const rows = await Promise.all(
    villages
      .filter((v) => v.enabled)
      .map(async (v) => {
        const { statuses } = await completenessOf(ports, catalogItems, v._id, quarter, dueDate);
        return { villageId: v._id, villageName: v.name, counts: countStatuses([...statuses.values()]) };
      }),
  );
  return { quarter, label: labelOf(quarter), dueDate, rows };
}
