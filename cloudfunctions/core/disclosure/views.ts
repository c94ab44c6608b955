import type { DraftView } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { attachmentViewsOf } from '../attachments/api';
import { C } from '../collections';
import type { CatalogItemDoc } from './catalog';
import type { ItemDoc, VersionDoc } from './model';

/** Stored items and versions as the app receives them. */

export async function draftView(ports: Ports, d: ItemDoc): Promise<DraftView> {
  return (await draftViews(ports, [d]))[0];
}

/** Drafts as cadres see them, their attachments' addresses and catalog items looked up together. */
export async function draftViews(ports: Ports, docs: ItemDoc[]): Promise<DraftView[]> {
  const ids = [...new Set(docs.flatMap((d) => (d.catalogItemId ? [d.catalogItemId] : [])))];
  const [attachments, catalog] = await Promise.all([
    attachmentViewsOf(
      ports,
      docs.map((d) => d.draft.attachments ?? []),
    ),
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

/** The redactions a version went through, as villagers are shown them (who, when, why, what files went). */
export const redactionsOf = (v: VersionDoc) =>
  (v.redactions ?? []).map((r) => ({ at: r.at, by: r.by, reason: r.reason, removedAttachments: r.removedAttachments }));
