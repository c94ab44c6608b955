import type { DisclosureCategory } from '../../../types/village';
import type { Transaction } from '../../ports/docstore';
import type { Actor } from '../shared/records';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { notePublication } from '../messages/api';
import type { VillageDoc } from '../shared/records';
import { emptyStats, itemKeyOf, statsKeyOf, type Content, type ItemDoc, type QuarterStatsDoc } from './model';
import { versionDigest } from './rules';

/**
 * Publishes `content` as the item's next version inside the caller's transaction: the immutable
 * version with its digest, the item's published state, the quarter's counts, the day's notice
 * and the audit record. Shared by the 监委会's approval and by matters publishing their
 * 决议公开 and 实施结果公开, so every publication is verified the same way.
 */
export async function publishVersion(
  tx: Transaction,
  a: { village: VillageDoc; item: ItemDoc; content: Content; reason: string | null; actor: Actor; now: Date },
): Promise<{ patch: Partial<ItemDoc>; version: number; announce: boolean }> {
  const { item, content, village } = a;
  const at = a.now.toISOString();
  const key = item._id;
  const version = item.publishedVersion + 1;
  const fields = {
    itemKey: key,
    villageId: village._id,
    version,
    ...content,
    reason: version > 1 ? a.reason : null,
    approvedAt: at,
    approvedBy: { openid: a.actor.openid, personId: a.actor.personId ?? null },
  };
  const digest = versionDigest(fields);
  await tx.add(C.disclosureVersions, { _id: `${key}:v${version}`, ...fields, digest });
  const patch = {
    state: 'published' as const,
    publishedVersion: version,
    publishedTitle: content.title,
    publishedAt: at,
    firstPublishedAt: item.firstPublishedAt ?? at,
    returnReason: null,
  };
  await tx.update(C.disclosureItems, key, patch);
  if (version === 1) {
    const statsKey = statsKeyOf(village._id, item.quarter);
    const stats = (await tx.get<QuarterStatsDoc>(C.quarterStats, statsKey)) ?? emptyStats(village._id, item.quarter);
    const { _id, ...rest } = stats;
    await tx.set(C.quarterStats, statsKey, item.catalogItemId ? { ...rest, published: stats.published + 1 } : { ...rest, adhoc: (stats.adhoc ?? 0) + 1 });
  }
  const announce = await notePublication(tx, village, item.quarter, a.now);
  await appendAudit(tx, village._id, { actor: a.actor, action: 'disclosure.publish', target: `version:${key}:v${version}`, change: { digest, version }, at });
  return { patch, version, announce };
}

/**
 * Publishes an item another capability words (matters' 决议公开 and 实施结果公开) inside that
 * capability's transaction: the quarter's ad hoc item is created or its draft replaced, then
 * published as its next version like any other. The item and its versions stay disclosure's to
 * write; the caller only says what is published and why.
 */
export async function publishAdhoc(
  tx: Transaction,
  a: { village: VillageDoc; quarter: string; itemId: string; category: DisclosureCategory; content: Content; reason: string | null; actor: Actor; now: Date },
): Promise<{ version: number; announce: boolean }> {
  const key = itemKeyOf({ villageId: a.village._id, quarter: a.quarter, itemId: a.itemId });
  const existing = await tx.get<ItemDoc>(C.disclosureItems, key);
  const item: ItemDoc = existing ?? {
    _id: key,
    villageId: a.village._id,
    quarter: a.quarter,
    itemId: a.itemId,
    catalogItemId: null,
    category: a.category,
    state: 'draft',
    draft: a.content,
    returnReason: null,
    correctionReason: null,
    publishedVersion: 0,
    publishedTitle: null,
    publishedAt: null,
    firstPublishedAt: null,
  };
  if (!existing) {
    const { _id, ...fields } = item;
    await tx.set(C.disclosureItems, _id, fields);
  } else {
    await tx.update(C.disclosureItems, key, { draft: a.content, correctionReason: a.reason });
  }
  const published = await publishVersion(tx, { village: a.village, item, content: a.content, reason: a.reason, actor: a.actor, now: a.now });
  return { version: published.version, announce: published.announce };
}
