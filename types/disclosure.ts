import type { DisclosureCategory } from './village';

/** Contract of the `disclosure` cloud function (一季一晒). */

/** Structured text, never free HTML: paragraphs and tables (e.g. a subsidy list). */
export type Block = { type: 'paragraph'; text: string } | { type: 'table'; columns: string[]; rows: string[][] };

export type ItemState = 'draft' | 'submitted' | 'returned' | 'published';

export interface SaveDraftInput {
  villageId: string;
  /** e.g. 2026Q4 */
  quarter: string;
  /** A catalog item id, or `adhoc-<name>` for a 专项公开 of this village and quarter. */
  itemId: string;
  title: string;
  body: Block[];
  /** For items about money, in fen (分). */
  amountFen?: number;
  /** Only for an ad hoc item: its category. */
  category?: DisclosureCategory;
}

export interface ItemRef {
  villageId: string;
  quarter: string;
  itemId: string;
}

export interface SubmitInput extends ItemRef {
  /** Required when correcting a published item: why it changes (shown to villagers). */
  reason?: string;
}

export interface ReviewInput extends ItemRef {
  decision: 'approve' | 'return';
  reason?: string;
}

export interface DraftView {
  itemId: string;
  category: DisclosureCategory;
  title: string;
  state: ItemState;
  body: Block[];
  amountFen: number | null;
  returnReason: string | null;
  publishedVersion: number;
}

export interface PublishedVersion {
  version: number;
  title: string;
  body: Block[];
  amountFen: number | null;
  /** Why this version replaced the previous one (none for version 1). */
  reason: string | null;
  approvedAt: string;
  digest: string;
}

export interface PublishedItem {
  itemId: string;
  category: DisclosureCategory;
  latest: PublishedVersion;
  versions: { version: number; reason: string | null; approvedAt: string }[];
}

export interface QuarterView {
  quarter: string;
  requiredCount: number;
  publishedCount: number;
  items: { itemId: string; category: DisclosureCategory; title: string; version: number; approvedAt: string }[];
}

export interface DisclosureApi {
  saveDraft: { input: SaveDraftInput; output: DraftView };
  submit: { input: SubmitInput; output: DraftView };
  review: { input: ReviewInput; output: DraftView };
  drafts: { input: { villageId: string; quarter: string }; output: { items: DraftView[] } };
  quarter: { input: { villageId: string; quarter: string }; output: QuarterView };
  item: { input: ItemRef & { version?: number }; output: PublishedItem };
}
