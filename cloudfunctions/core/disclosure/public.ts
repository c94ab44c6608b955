import type {
  ItemStatus,
  PublishedItem,
  PublishedVersion,
  QuarterSummary,
  QuarterView,
  Rating,
  VerifyView,
} from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { verifyChain } from '../audit/chain';
import { signedHeadOf } from '../audit/checkpoint';
import { C } from '../collections';
import { callerInVillage } from '../identity/context';
import type { PersonDoc } from '../people/model';
import { fail } from '../shared/errors';
import type { Rule } from '../shared/policy';
import { parseQuarterKey, quarterDueDate, quarterLabel, shiftQuarterKey, type QuarterRef } from '../shared/time';
import { DEFAULT_SETTINGS, type TownshipDoc } from '../village/model';
import { attachmentViews } from './attachments';
import { CATEGORIES, requiredIn, type CatalogItemDoc } from './catalog';
import { countStatuses, statusOf } from './completeness';
import { itemKeyOf, NO_RATINGS, statsKeyOf, type ItemDoc, type QuarterStatsDoc, type VersionDoc } from './model';
import { homeQuarters, lastEndedQuarter, nameColumnsOf, type QuarterFacts } from './rules';
import { checkVersion } from './integrity';
import { versionDigest } from './service';
import { followUpView, type FollowUpDoc, type RatingDoc } from './voice';

export const publicPolicy = {
  quarter: { allow: 'anyone' },
  quarters: { allow: 'anyone' },
  item: { allow: 'anyone' },
  verify: { allow: 'anyone' },
} satisfies Record<string, Rule>;

const redactionsOf = (v: VersionDoc) => (v.redactions ?? []).map((r) => ({ at: r.at, by: r.by, reason: r.reason, removedAttachments: r.removedAttachments }));

export function labelOf(quarter: string): string {
  const q = parseQuarterKey(quarter);
  return q ? quarterLabel(q) : quarter;
}

export function dueDateOf(township: TownshipDoc | null, quarter: string): string {
  const q = parseQuarterKey(quarter) as QuarterRef;
  return quarterDueDate(q, township?.settings?.disclosureDueDay ?? DEFAULT_SETTINGS.disclosureDueDay);
}

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
      { regular: stats[i]?.published ?? 0, adhoc: stats[i]?.adhoc ?? 0, required: catalog.filter((c) => requiredIn(c, q)).length, dueDate: dueDateOf(township, q) },
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

export async function loadPublished(ports: Ports, ref: { villageId: string; quarter: string; itemId: string }, version?: number) {
  const item = await ports.store.collection<ItemDoc>(C.disclosureItems).get(itemKeyOf(ref));
  if (!item || item.publishedVersion === 0) throw fail.notFound('这一项还没有公开。');
  const versions = await ports.store.collection<VersionDoc>(C.disclosureVersions).find({
    where: { itemKey: item._id },
    orderBy: [['version', 'asc']],
    limit: 1000,
  });
  const wanted = versions.find((v) => v.version === (version ?? item.publishedVersion));
  if (!wanted) throw fail.notFound('没有这个版本。');
  return { item, versions, wanted };
}

/** The approver by role and name: acting for the 监委会 is public, like the poster's 主任. */
async function approverOf(ports: Ports, v: VersionDoc): Promise<string | null> {
  if (!v.approvedBy?.personId) return null;
  const person = await ports.store.collection<PersonDoc>(C.people).get(v.approvedBy.personId);
  if (!person) return null;
  const role = (person.assignedRoles ?? []).includes('supervisor_chair') ? '监委会主任' : '监委会委员';
  return `${role} ${person.name}`;
}

/** A published item: the latest (or a chosen) version, and every version with its reason. */
export async function itemView(ports: Ports, input: { villageId: string; quarter: string; itemId: string; version?: number }): Promise<PublishedItem> {
  const ctx = await callerInVillage(ports, input.villageId);
  const { item, versions, wanted } = await loadPublished(ports, input, input.version);
  const latest: PublishedVersion = {
    version: wanted.version,
    title: wanted.title,
    body: wanted.body,
    nameColumns: nameColumnsOf(wanted.body),
    amountFen: wanted.amountFen,
    attachments: await attachmentViews(ports, wanted.attachments ?? []),
    reason: wanted.reason,
    approvedAt: wanted.approvedAt,
    approvedBy: await approverOf(ports, wanted),
    digest: wanted.digest,
    redactions: redactionsOf(wanted),
  };
  return {
    itemId: item.itemId,
    quarter: item.quarter,
    category: item.category,
    latest,
    versions: versions.map((v) => ({ version: v.version, reason: v.reason, approvedAt: v.approvedAt })),
    viewerName: ctx.person?.name ?? null,
    viewerCanRedact: ctx.roles.includes('township_admin'),
  };
}

/**
 * 校验: anyone can check a published version. Three things must hold: the content as stored
 * now still hashes to the digest recorded at approval; the audit record of that approval
 * still names that digest; and the village's whole chain of records is unbroken.
 */
export async function verify(ports: Ports, input: { villageId: string; quarter: string; itemId: string; version?: number }): Promise<VerifyView> {
  await callerInVillage(ports, input.villageId);
  const { item, wanted } = await loadPublished(ports, input, input.version);
  const recomputed = versionDigest(wanted);
  const [check, chain, head] = await Promise.all([
    checkVersion(ports.store, ports.files, wanted),
    verifyChain(ports.store, input.villageId),
    signedHeadOf(ports.store, ports.signingKey, input.villageId).catch(() => null),
  ]);
  const { contentIntact, recordIntact, attachmentsIntact } = check;
  return {
    itemId: item.itemId,
    quarter: item.quarter,
    title: wanted.title,
    version: wanted.version,
    approvedAt: wanted.approvedAt,
    digest: wanted.digest,
    recomputed,
    contentIntact,
    recordIntact,
    attachmentsIntact: attachmentsIntact !== false,
    problems: check.problems,
    redactions: redactionsOf(wanted),
    recordSeq: check.recordSeq,
    head,
    holds: contentIntact && recordIntact && attachmentsIntact !== false && chain.ok,
    chain: { ok: chain.ok, length: chain.length, ...(chain.brokenAt ? { brokenAt: { seq: chain.brokenAt.seq, reason: chain.brokenAt.reason } } : {}) },
  };
}
