import type { PublishedItem, PublishedVersion, VerifyView } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { signedHeadOf, verifyChain } from '../audit/api';
import { attachmentViews } from '../attachments/api';
import { C } from '../collections';
import { callerInVillage } from '../caller/api';
import type { PersonDoc } from '../shared/records';
import { fail } from '../shared/errors';
import { checkVersion } from './integrity';
import { itemKeyOf, type ItemDoc, type VersionDoc } from './model';
import { nameColumnsOf, versionDigest } from './rules';
import { redactionsOf } from './views';

/** One published item: reading it, every version with its reason, and 校验. */

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
