import type {
  Block,
  DraftView,
  ItemState,
  PublishedItem,
  PublishedVersion,
  QuarterView,
} from '../../../types/disclosure';
import type { DisclosureCategory } from '../../../types/village';
import type { Ports } from '../../ports';
import { cmd, type Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/chain';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../identity/context';
import { digestOf } from '../shared/digest';
import { fail } from '../shared/errors';
import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';
import type { CatalogItemDoc } from './catalog';


export const disclosurePolicy = {
  saveDraft: { allow: CADRES, scope: 'village' },
  submit: { allow: CADRES, scope: 'village' },
  review: { allow: SUPERVISORS, scope: 'village' },
  // Drafts are private to the 两委 and the 监委会.
  drafts: { allow: [...CADRES, ...SUPERVISORS], scope: 'village' },
  quarter: { allow: 'anyone' },
  item: { allow: 'anyone' },
} satisfies Record<string, Rule>;

interface ItemDoc {
  _id: string;
  villageId: string;
  quarter: string;
  itemId: string;
  catalogItemId: string | null;
  category: DisclosureCategory;
  state: ItemState;
  draft: { title: string; body: Block[]; amountFen: number | null };
  returnReason: string | null;
  correctionReason: string | null;
  publishedVersion: number;
  publishedTitle: string | null;
  publishedAt: string | null;
  [k: string]: unknown;
}

interface VersionDoc {
  _id: string;
  itemKey: string;
  villageId: string;
  version: number;
  title: string;
  body: Block[];
  amountFen: number | null;
  reason: string | null;
  approvedAt: string;
  approvedBy: { openid: string | null; personId: string | null };
  digest: string;
  [k: string]: unknown;
}

const NOT_DRAFTED = '这一项还没有起草。';

const keyOf = (r: { villageId: string; quarter: string; itemId: string }) => `${r.villageId}:${r.quarter}:${r.itemId}`;

function view(d: ItemDoc): DraftView {
  return {
    itemId: d.itemId,
    category: d.category,
    title: d.draft.title,
    state: d.state,
    body: d.draft.body,
    amountFen: d.draft.amountFen,
    returnReason: d.returnReason,
    publishedVersion: d.publishedVersion,
  };
}

/** What a published version's digest covers: everything a villager reads. */
export function contentDigest(v: { title: string; body: Block[]; amountFen: number | null }): string {
  return digestOf({ title: v.title, body: v.body, amountFen: v.amountFen });
}

async function catalogItem(ports: Ports, townshipId: string, itemId: string): Promise<CatalogItemDoc> {
  const item = await ports.store.collection<CatalogItemDoc>(C.catalogItems).get(itemId);
  if (!item || item.townshipId !== townshipId) throw fail.notFound('公开目录里没有这一项。');
  return item;
}

/** A cadre writes or rewrites an item of the quarter. A published item's new draft becomes a correction. */
export async function saveDraft(
  ports: Ports,
  input: { villageId: string; quarter: string; itemId: string; title: string; body: Block[]; amountFen?: number; category?: string },
): Promise<DraftView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, disclosurePolicy.saveDraft);
  for (const b of input.body) {
    if (b.type === 'table' && b.rows.some((r) => r.length !== b.columns.length)) {
      throw fail.invalid(`表格“${b.columns.join('、')}”中有的行列数不对，每行应有 ${b.columns.length} 格。`);
    }
  }
  let catalogItemId: string | null = null;
  let category: DisclosureCategory;
  if (input.itemId.startsWith('adhoc-')) {
    if (!input.category) throw fail.invalid('专项公开需要选择类别（党务、村务、财务、资金、资产、资源）。');
    category = input.category as DisclosureCategory;
  } else {
    const item = await catalogItem(ports, ctx.village.townshipId, input.itemId);
    if (item.retired) throw fail.precondition('这一项已从公开目录中撤下，不能再起草。');
    catalogItemId = item._id;
    category = item.category;
  }
  const key = keyOf(input);
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
      draft: { title: input.title, body: input.body, amountFen: input.amountFen ?? null },
      returnReason: null,
      correctionReason: null,
      publishedVersion: current?.publishedVersion ?? 0,
      publishedTitle: current?.publishedTitle ?? null,
      publishedAt: current?.publishedAt ?? null,
    };
    const { _id, ...fields } = next;
    await tx.set(C.disclosureItems, _id, fields);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'disclosure.saveDraft', target: `item:${key}`, change: next.draft, at });
    saved = next;
  });
  return view(saved as unknown as ItemDoc);
}

async function draftedItem(tx: Transaction, key: string): Promise<ItemDoc> {
  const item = await tx.get<ItemDoc>(C.disclosureItems, key);
  if (!item) throw fail.notFound(NOT_DRAFTED);
  return item;
}

async function loadItem(ports: Ports, ref: { villageId: string; quarter: string; itemId: string }): Promise<ItemDoc> {
  const item = await ports.store.collection<ItemDoc>(C.disclosureItems).get(keyOf(ref));
  if (!item) throw fail.notFound(NOT_DRAFTED);
  return item;
}

export async function submit(ports: Ports, input: { villageId: string; quarter: string; itemId: string; reason?: string }): Promise<DraftView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, disclosurePolicy.submit);
  const key = keyOf(input);
  const at = ports.clock.now().toISOString();
  let out: ItemDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const item = await draftedItem(tx, key);
    if (item.state !== 'draft' && item.state !== 'returned') throw fail.precondition('只有草稿或被退回的内容可以提交审核。');
    if (item.publishedVersion > 0 && !input.reason) {
      throw fail.invalid('这一项已经公开过，更正需要写明原因（会向村民显示）。');
    }
    const patch = { state: 'submitted' as const, correctionReason: item.publishedVersion > 0 ? (input.reason ?? null) : null };
    await tx.update(C.disclosureItems, key, patch);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'disclosure.submit', target: `item:${key}`, change: patch, at });
    out = { ...item, ...patch };
  });
  return view(out as unknown as ItemDoc);
}

/**
 * The 监委会 approves or returns with a reason. Approving publishes: a new immutable version,
 * whose content digest joins the village's audit chain in the same transaction.
 */
export async function review(
  ports: Ports,
  input: { villageId: string; quarter: string; itemId: string; decision: 'approve' | 'return'; reason?: string },
): Promise<DraftView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, disclosurePolicy.review);
  if (input.decision === 'return' && !input.reason) throw fail.invalid('退回时请写明原因，方便村干部修改。');
  const key = keyOf(input);
  const at = ports.clock.now().toISOString();
  let out: ItemDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const item = await draftedItem(tx, key);
    if (item.state !== 'submitted') throw fail.precondition('这一项没有在等待审核。');
    if (input.decision === 'return') {
      const patch = { state: 'returned' as const, returnReason: input.reason ?? null };
      await tx.update(C.disclosureItems, key, patch);
      await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'disclosure.return', target: `item:${key}`, change: patch, at });
      out = { ...item, ...patch };
      return;
    }
    const version = item.publishedVersion + 1;
    const content = item.draft;
    const digest = contentDigest(content);
    await tx.add(C.disclosureVersions, {
      _id: `${key}:v${version}`,
      itemKey: key,
      villageId: input.villageId,
      version,
      ...content,
      reason: version > 1 ? item.correctionReason : null,
      approvedAt: at,
      approvedBy: { openid: ctx.openid, personId: ctx.person?._id ?? null },
      digest,
    });
    const patch = { state: 'published' as const, publishedVersion: version, publishedTitle: content.title, publishedAt: at, returnReason: null };
    await tx.update(C.disclosureItems, key, patch);
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'disclosure.publish',
      target: `version:${key}:v${version}`,
      change: { digest, version },
      at,
    });
    out = { ...item, ...patch };
  });
  return view(out as unknown as ItemDoc);
}

export async function drafts(ports: Ports, input: { villageId: string; quarter: string }): Promise<{ items: DraftView[] }> {
  authorize(await callerInVillage(ports, input.villageId), disclosurePolicy.drafts);
  const rows = await ports.store.collection<ItemDoc>(C.disclosureItems).find({ where: { villageId: input.villageId, quarter: input.quarter }, limit: 500 });
  return { items: rows.map(view) };
}

/** What villagers see of a quarter: published items only, with how many of the required ones are out. */
export async function quarterView(ports: Ports, input: { villageId: string; quarter: string }): Promise<QuarterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  const [rows, required] = await Promise.all([
    ports.store.collection<ItemDoc>(C.disclosureItems).find({
      where: { villageId: input.villageId, quarter: input.quarter, publishedVersion: cmd.gte(1) },
      limit: 500,
    }),
    ports.store.collection<CatalogItemDoc>(C.catalogItems).count({ townshipId: ctx.village.townshipId, retired: false }),
  ]);
  return {
    quarter: input.quarter,
    requiredCount: required,
    publishedCount: rows.filter((r) => r.catalogItemId).length,
    items: rows.map((r) => ({
      itemId: r.itemId,
      category: r.category,
      title: r.publishedTitle ?? '',
      version: r.publishedVersion,
      approvedAt: r.publishedAt ?? '',
    })),
  };
}

/** A published item: the latest (or a chosen) version, and every version with its reason. */
export async function itemView(ports: Ports, input: { villageId: string; quarter: string; itemId: string; version?: number }): Promise<PublishedItem> {
  await callerInVillage(ports, input.villageId);
  const item = await loadItem(ports, input);
  if (item.publishedVersion === 0) throw fail.notFound('这一项还没有公开。');
  const versions = await ports.store.collection<VersionDoc>(C.disclosureVersions).find({
    where: { itemKey: item._id },
    orderBy: [['version', 'asc']],
    limit: 1000,
  });
  const wanted = versions.find((v) => v.version === (input.version ?? item.publishedVersion));
  if (!wanted) throw fail.notFound('没有这个版本。');
  const latest: PublishedVersion = {
    version: wanted.version,
    title: wanted.title,
    body: wanted.body,
    amountFen: wanted.amountFen,
    reason: wanted.reason,
    approvedAt: wanted.approvedAt,
    digest: wanted.digest,
  };
  return {
    itemId: item.itemId,
    category: item.category,
    latest,
    versions: versions.map((v) => ({ version: v.version, reason: v.reason, approvedAt: v.approvedAt })),
  };
}
