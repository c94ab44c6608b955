import type { Block } from '../../../types/disclosure';
import type { DraftView, SaveDraftInput, SubmitQuarterOutput } from '../../../types/disclosure';
import type { DisclosureCategory } from '../../../types/village';
import type { Ports } from '../../ports';
import { cmd, type Transaction } from '../../ports/docstore';
import { RoleLabels } from '../../../types/roles';
import { appendAudit, type Actor } from '../audit/chain';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../identity/context';
import { digestOf } from '../shared/digest';
import { fail } from '../shared/errors';
import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';
import { quarterKey, quarterOf } from '../shared/time';
import { attachmentViewsOf, MAX_ATTACHMENTS, resolveAttachments } from './attachments';
import { requiredIn, type CatalogItemDoc } from './catalog';
import { emptyStats, itemKeyOf, statsKeyOf, type Content, type ItemDoc, type QuarterStatsDoc, type VersionDoc } from './model';
import { announcePublication, notePublication } from './notify';
import { tellOfReturn } from './returned';
import { sendAll, type Outgoing } from '../messages/tell';
import { maskedContent, personalPlaces } from './rules';
import { placesText } from '../shared/personal-numbers';
import type { VillageDoc } from '../village/model';

export const draftingPolicy = {
  saveDraft: { allow: CADRES, scope: 'village' },
  submit: { allow: CADRES, scope: 'village' },
  submitQuarter: { allow: CADRES, scope: 'village' },
  review: { allow: SUPERVISORS, scope: 'village' },
  // Drafts are private to the 两委 and the 监委会.
  drafts: { allow: [...CADRES, ...SUPERVISORS], scope: 'village' },
  maskDraft: { allow: CADRES, scope: 'village' },
} satisfies Record<string, Rule>;

/** Said when a draft holds personal numbers; the drafting page offers 一键打码 with it. */
export const PERSONAL_NUMBERS = '公开内容里不能有完整的身份证号或手机号';

/** 一键打码: the draft on the cadre's screen with every ID and mobile number masked (nothing is saved). */
export async function maskDraft(ports: Ports, input: { villageId: string; title: string; body: Block[] }): Promise<{ title: string; body: Block[]; masked: number }> {
  authorize(await callerInVillage(ports, input.villageId), draftingPolicy.maskDraft);
  const masked = maskedContent({ title: input.title, body: input.body });
  return { title: masked.title, body: masked.body, masked: personalPlaces(input).length };
}

const NOT_DRAFTED = '这一项还没有起草。';

async function view(ports: Ports, d: ItemDoc): Promise<DraftView> {
  return (await views(ports, [d]))[0];
}

/** Drafts as cadres see them, their attachments' addresses and catalog items looked up together. */
async function views(ports: Ports, docs: ItemDoc[]): Promise<DraftView[]> {
  const ids = [...new Set(docs.flatMap((d) => (d.catalogItemId ? [d.catalogItemId] : [])))];
  const [attachments, catalog] = await Promise.all([
    attachmentViewsOf(ports, docs.map((d) => d.draft.attachments ?? [])),
    ids.length ? ports.store.collection<CatalogItemDoc>(C.catalogItems).find({ where: { _id: cmd.in(ids) }, limit: ids.length }) : Promise.resolve([]),
  ]);
  const titles = new Map(catalog.map((c) => [c._id, c.title]));
  return docs.map((d, i) => ({
    itemId: d.itemId,
    category: d.category,
    title: d.draft.title,
    state: d.state,
    body: d.draft.body,
    amountFen: d.draft.amountFen,
    attachments: attachments[i],
    returnReason: d.returnReason,
    publishedVersion: d.publishedVersion,
    // The 监委会 reviews an item against what the catalog asks for, and may need to ask whoever sent it.
    catalogTitle: d.catalogItemId ? `${d.category} · ${titles.get(d.catalogItemId) ?? d.draft.title}` : `专项公开 · ${d.category}`,
    submitted: d.state !== 'draft' && d.submittedBy && d.submittedAt ? { by: d.submittedBy, at: d.submittedAt } : null,
  }));
}

/**
 * What a published version's digest covers: everything a villager reads, and each attachment
 * by its own digest (where the file is stored is not content).
 */
/**
 * What a published version's chain record commits to: everything it says (title, paragraphs,
 * tables, amount, each attachment's name, type, size and SHA-256), why it replaced the one before,
 * who approved it and when. Changing any of them — even the date — no longer matches the record.
 */
export function versionDigest(v: Content & Pick<VersionDoc, 'itemKey' | 'version' | 'reason' | 'approvedAt' | 'approvedBy'>): string {
  return digestOf({
    item: v.itemKey,
    version: v.version,
    title: v.title,
    body: v.body,
    amountFen: v.amountFen,
    attachments: (v.attachments ?? []).map((a) => ({ name: a.name, mime: a.mime, size: a.size, sha256: a.sha256 })),
    reason: v.reason,
    approvedAt: v.approvedAt,
    approvedBy: v.approvedBy.personId ?? null,
  });
}

async function catalogItem(ports: Ports, townshipId: string, itemId: string): Promise<CatalogItemDoc> {
  const item = await ports.store.collection<CatalogItemDoc>(C.catalogItems).get(itemId);
  if (!item || item.townshipId !== townshipId) throw fail.notFound('公开目录里没有这一项。');
  return item;
}

/** A cadre writes or rewrites an item of the quarter. A published item's new draft becomes a correction. */
export async function saveDraft(
  ports: Ports,
  input: SaveDraftInput,
): Promise<DraftView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, draftingPolicy.saveDraft);
  for (const b of input.body) {
    if (b.type === 'table' && b.rows.some((r) => r.length !== b.columns.length)) {
      throw fail.invalid(`表格“${b.columns.join('、')}”中有的行列数不对，每行应有 ${b.columns.length} 格。`);
    }
  }
  if (input.quarter > quarterKey(quarterOf(ports.clock.now()))) throw fail.invalid('还没到这个季度，不能提前起草。');
  if ((input.attachments?.length ?? 0) > MAX_ATTACHMENTS) throw fail.invalid(`每项最多 ${MAX_ATTACHMENTS} 个附件。`);
  let catalogItemId: string | null = null;
  let category: DisclosureCategory;
  if (input.itemId.startsWith('adhoc-')) {
    if (!input.category) throw fail.invalid('专项公开需要选择类别（党务、村务、财务、资金、资产、资源）。');
    category = input.category as DisclosureCategory;
  } else {
    const item = await catalogItem(ports, ctx.village.townshipId, input.itemId);
    // A retired item is still owed for the quarters before its retirement.
    if (!requiredIn(item, input.quarter)) throw fail.precondition('这一项不在本季度的公开目录里（已撤下或尚未启用），不能起草。');
    catalogItemId = item._id;
    category = item.category;
  }
  const attachments = await resolveAttachments(ports, input.villageId, input.attachments ?? []);
  // Published means for good: a full ID or mobile number must not get that far.
  const places = personalPlaces({ title: input.title, body: input.body, attachmentNames: attachments.map((a) => a.name) });
  if (places.length) {
    throw fail.invalid(`${PERSONAL_NUMBERS}：${placesText(places)}。请点“一键打码”，改成 371603********1138、138****1234 这样的形式；附件请改文件名后重新上传。`);
  }
  const key = itemKeyOf(input);
  const at = ports.clock.now().toISOString();
  let saved: ItemDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const current = await tx.get<ItemDoc>(C.disclosureItems, key);
    if (current?.state === 'submitted') throw fail.precondition('这一项已提交监委会审核，审核后才能再修改。');
    const next: ItemDoc = {
      _id: key,
      villageId: input.villageId,
      quarter: input.quarter,
      itemId: input.itemId,
      catalogItemId,
      category,
      state: 'draft',
      draft: { title: input.title, body: input.body, amountFen: input.amountFen ?? null, attachments },
      returnReason: null,
      correctionReason: null,
      publishedVersion: current?.publishedVersion ?? 0,
      publishedTitle: current?.publishedTitle ?? null,
      publishedAt: current?.publishedAt ?? null,
      firstPublishedAt: current?.firstPublishedAt ?? null,
      draftedBy: ctx.person?._id ?? null,
    };
    const { _id, ...fields } = next;
    await tx.set(C.disclosureItems, _id, fields);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'disclosure.saveDraft', target: `item:${key}`, change: next.draft, at });
    saved = next;
  });
  return view(ports, saved as unknown as ItemDoc);
}

async function draftedItem(tx: Transaction, key: string): Promise<ItemDoc> {
  const item = await tx.get<ItemDoc>(C.disclosureItems, key);
  if (!item) throw fail.notFound(NOT_DRAFTED);
  return item;
}

type Ctx = Awaited<ReturnType<typeof callerInVillage>>;

async function submitIn(tx: Transaction, ctx: Ctx, item: ItemDoc, reason: string | undefined, at: string): Promise<ItemDoc> {
  if (item.state !== 'draft' && item.state !== 'returned') throw fail.precondition('只有草稿或被退回的内容可以提交审核。');
  if (item.publishedVersion > 0 && !reason) throw fail.invalid('这一项已经公开过，更正需要写明原因（会向村民显示）。');
  const role = CADRES.find((r) => ctx.roles.includes(r));
  const submittedBy = `${role ? RoleLabels[role] : ''} ${ctx.person?.name ?? ''}`.trim() || null;
  const patch = { state: 'submitted' as const, correctionReason: item.publishedVersion > 0 ? (reason ?? null) : null, submittedBy, submittedAt: at };
  await tx.update(C.disclosureItems, item._id, patch);
  await appendAudit(tx, item.villageId, { actor: actorOf(ctx), action: 'disclosure.submit', target: `item:${item._id}`, change: patch, at });
  return { ...item, ...patch };
}

export async function submit(ports: Ports, input: { villageId: string; quarter: string; itemId: string; reason?: string }): Promise<DraftView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, draftingPolicy.submit);
  const at = ports.clock.now().toISOString();
  let out: ItemDoc | null = null;
  await ports.store.transaction(async (tx) => {
    out = await submitIn(tx, ctx, await draftedItem(tx, itemKeyOf(input)), input.reason, at);
  });
  return view(ports, out as unknown as ItemDoc);
}

/**
 * Submits every draft and returned item of the quarter in one go. Corrections of published
 * items are left out: each needs its own reason, shown to villagers.
 */
export async function submitQuarter(ports: Ports, input: { villageId: string; quarter: string }): Promise<SubmitQuarterOutput> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, draftingPolicy.submitQuarter);
  const rows = await ports.store.collection<ItemDoc>(C.disclosureItems).find({ where: { villageId: input.villageId, quarter: input.quarter }, limit: 500 });
  const ready = rows.filter((r) => (r.state === 'draft' || r.state === 'returned') && r.publishedVersion === 0);
  const needReason = rows.filter((r) => (r.state === 'draft' || r.state === 'returned') && r.publishedVersion > 0).map((r) => r.itemId);
  if (ready.length === 0) {
    throw fail.precondition(needReason.length ? '剩下的都是更正，请逐项写明更正原因后提交。' : '本季度没有待提交的草稿。');
  }
  const at = ports.clock.now().toISOString();
  const submitted: string[] = [];
  await ports.store.transaction(async (tx) => {
    for (const r of ready) {
      // Re-read inside the transaction: another cadre may have submitted it meanwhile.
      const item = await draftedItem(tx, r._id);
      if (item.state !== 'draft' && item.state !== 'returned') continue;
      await submitIn(tx, ctx, item, undefined, at);
      submitted.push(item.itemId);
    }
  });
  return { submitted, needReason };
}

/**
 * The 监委会 approves or returns with a reason. Approving publishes: a new immutable version,
 * whose content digest joins the village's audit chain in the same transaction, and the
 * quarter's totals move with it.
 */
export async function review(
  ports: Ports,
  input: { villageId: string; quarter: string; itemId: string; decision: 'approve' | 'return'; reason?: string },
): Promise<DraftView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, draftingPolicy.review);
  if (input.decision === 'return' && !input.reason) throw fail.invalid('退回时请写明原因，方便村干部修改。');
  const key = itemKeyOf(input);
  const now = ports.clock.now();
  const at = now.toISOString();
  let out: ItemDoc | null = null;
  let announce = false;
  const told: Outgoing = [];
  await ports.store.transaction(async (tx) => {
    told.length = 0;
    const item = await draftedItem(tx, key);
    if (item.state !== 'submitted') throw fail.precondition('这一项没有在等待审核。');
    if (input.decision === 'return') {
      const patch = { state: 'returned' as const, returnReason: input.reason ?? null };
      await tx.update(C.disclosureItems, key, patch);
      await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'disclosure.return', target: `item:${key}`, change: patch, at });
      await tellOfReturn(tx, item, input.reason ?? '', ctx.person?._id ?? null, at, told);
      out = { ...item, ...patch };
      return;
    }
    const published = await publishVersion(tx, {
      village: ctx.village,
      item,
      content: { ...item.draft, attachments: item.draft.attachments ?? [] },
      reason: item.correctionReason,
      actor: actorOf(ctx),
      now,
    });
    announce = published.announce;
    const patch = published.patch;
    out = { ...item, ...patch };
  });
  await sendAll(ports, told);
  if (announce) await announcePublication(ports, ctx.village, input.quarter);
  return view(ports, out as unknown as ItemDoc);
}

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

export async function drafts(ports: Ports, input: { villageId: string; quarter: string }): Promise<{ items: DraftView[] }> {
  authorize(await callerInVillage(ports, input.villageId), draftingPolicy.drafts);
  const rows = await ports.store.collection<ItemDoc>(C.disclosureItems).find({ where: { villageId: input.villageId, quarter: input.quarter }, limit: 500 });
  return { items: await views(ports, rows) };
}
