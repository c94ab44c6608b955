import type { Block, DraftView, SaveDraftInput, SubmitQuarterOutput } from '../../../types/disclosure';
import type { DisclosureCategory } from '../../../types/village';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { RoleLabels } from '../../../types/roles';
import { appendAudit } from '../audit/api';
import { resolveAttachments } from '../attachments/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { fail } from '../shared/errors';
import { placesText } from '../shared/personal-numbers';
import { CADRES } from '../shared/policy';
import { quarterKey, quarterOf } from '../shared/time';
import { MAX_ATTACHMENTS } from './attachments';
import { requiredIn, type CatalogItemDoc } from './catalog';
import { itemKeyOf, type ItemDoc } from './model';
import { PLAIN_ITEM_ID } from './plain-item';
import { draftingPolicy } from './policy';
import { maskedContent, personalPlaces } from './rules';
import { draftView as view, draftViews as views } from './views';

/** The 两委's side of a quarter: writing items, masking them, sending them to the 监委会, and the drafts list. */

/** Said when a draft holds personal numbers; the drafting page offers 一键打码 with it. */
export const PERSONAL_NUMBERS = '公开内容里不能有完整的身份证号或手机号';

/** 一键打码: the draft on the cadre's screen with every ID and mobile number masked (nothing is saved). */
export async function maskDraft(
  ports: Ports,
  input: { villageId: string; title: string; body: Block[] },
): Promise<{ title: string; body: Block[]; masked: number }> {
  authorize(await callerInVillage(ports, input.villageId), draftingPolicy.maskDraft);
  const masked = maskedContent({ title: input.title, body: input.body });
  return { title: masked.title, body: masked.body, masked: personalPlaces(input).length };
}

export const NOT_DRAFTED = '这一项还没有起草。';

async function catalogItem(ports: Ports, townshipId: string, itemId: string): Promise<CatalogItemDoc> {
  const item = await ports.store.collection<CatalogItemDoc>(C.catalogItems).get(itemId);
  if (!item || item.townshipId !== townshipId) throw fail.notFound('公开目录里没有这一项。');
  return item;
}

/** A cadre writes or rewrites an item of the quarter. A published item's new draft becomes a correction. */
/**
 * The 两委's own saveDraft action. The 明白账 is written from the published books by core/plain,
 * not by hand: a cadre editing its words or numbers before review would publish a summary the
 * books do not bear out, so it can only be generated again.
 */
export async function saveDraftByHand(ports: Ports, input: SaveDraftInput): Promise<DraftView> {
  if (input.itemId === PLAIN_ITEM_ID) {
    authorize(await callerInVillage(ports, input.villageId), draftingPolicy.saveDraft);
    throw fail.precondition('明白账按已公示的账自动生成，不能手工修改；账有变化时请重新生成。');
  }
  return saveDraft(ports, input);
}

export async function saveDraft(ports: Ports, input: SaveDraftInput): Promise<DraftView> {
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
    throw fail.invalid(
      `${PERSONAL_NUMBERS}：${placesText(places)}。请点“一键打码”，改成 371603********1138、138****1234 这样的形式；附件请改文件名后重新上传。`,
    );
  }
  const key = itemKeyOf(input);
  const at = ports.clock.now().toISOString();
  const saved = await ports.store.transaction(async (tx) => {
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
    return next;
  });
  return view(ports, saved);
}

export async function draftedItem(tx: Transaction, key: string): Promise<ItemDoc> {
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
  const out = await ports.store.transaction(async (tx) => submitIn(tx, ctx, await draftedItem(tx, itemKeyOf(input)), input.reason, at));
  return view(ports, out);
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

export async function drafts(ports: Ports, input: { villageId: string; quarter: string }): Promise<{ items: DraftView[] }> {
  authorize(await callerInVillage(ports, input.villageId), draftingPolicy.drafts);
  const rows = await ports.store.collection<ItemDoc>(C.disclosureItems).find({ where: { villageId: input.villageId, quarter: input.quarter }, limit: 500 });
  return { items: await views(ports, rows) };
}
