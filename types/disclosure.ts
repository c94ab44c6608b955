import type { PrintFile } from './print';
import type { DisclosureCategory, SignedHead } from './village';

/** Contract of the `disclosure` cloud function (一季一晒). */

/** Structured text, never free HTML: paragraphs and tables (e.g. a subsidy list). */
export type Block = { type: 'paragraph'; text: string } | { type: 'table'; columns: string[]; rows: string[][] };

export type ItemState = 'draft' | 'submitted' | 'returned' | 'published';

/** An image or PDF attached to an item. `url` opens it (temporary on cloud storage). */
export interface Attachment {
  id: string;
  name: string;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  url: string;
}

export interface UploadInput {
  villageId: string;
  /** The file's name as the cadre sees it, e.g. 补贴发放签字表.pdf */
  name: string;
  /** The uploaded file (storage file id under incoming/<village>/attachment/); images and PDFs up to 1 MB. */
  fileId: string;
}

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
  /** Ids of files uploaded to this village (upload action), in display order. */
  attachments?: string[];
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

export interface SubmitQuarterOutput {
  /** Items now waiting for the 监委会. */
  submitted: string[];
  /** Corrections of published items, which need a reason each and so are submitted one by one. */
  needReason: string[];
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
  attachments: Attachment[];
  returnReason: string | null;
  publishedVersion: number;
  /** Which item of the catalog this is, e.g. 财务 · 月度收支明细; 专项公开 for an ad hoc one. */
  catalogTitle: string;
  /** Who sent it to the 监委会 (e.g. 村会计 杨秀英) and when; null until submitted (and on items submitted before this was kept). */
  submitted: { by: string; at: string } | null;
}

export interface PublishedVersion {
  version: number;
  title: string;
  body: Block[];
  /** Per block of `body`, the columns that hold people's names: 查找我的名字 is offered and looks only there. */
  nameColumns: number[][];
  amountFen: number | null;
  attachments: Attachment[];
  /** Why this version replaced the previous one (none for version 1). */
  reason: string | null;
  approvedAt: string;
  /** Who approved it, as the village knows them: e.g. 监委会主任 杨树林. */
  approvedBy: string | null;
  digest: string;
  /** Personal data taken out after publication: when, by whom and why (the text shown is the masked one). */
  redactions: { at: string; by: string; reason: string; removedAttachments: string[] }[];
}

export interface PublishedItem {
  itemId: string;
  quarter: string;
  category: DisclosureCategory;
  latest: PublishedVersion;
  versions: { version: number; reason: string | null; approvedAt: string }[];
  /** The verified caller's own name, to find in lists (查找我的名字); null for others. */
  viewerName: string | null;
  /** The caller is the township's 镇管理员, who can take personal data out of it (删去个人信息). */
  viewerCanRedact: boolean;
}

/** Where a required item stands against the quarter's due date. */
export type ItemStatus = 'published' | 'late' | 'missing' | 'pending';

export interface CompletenessCounts {
  required: number;
  /** Published on or before the due date. */
  published: number;
  /** Published after the due date. */
  late: number;
  /** Not published and the due date has passed. */
  missing: number;
  /** Not published yet, not due yet. */
  pending: number;
}

export type Rating = '满意' | '基本满意' | '不满意';

export interface FollowUp {
  id: string;
  text: string;
  itemId: string | null;
  createdAt: string;
  closed: boolean;
  closedAt: string | null;
  /** What was done (销号). */
  result: string | null;
}

export interface QuarterView {
  quarter: string;
  label: string;
  dueDate: string;
  completeness: CompletenessCounts;
  /** Every required item and every ad hoc one published, in catalog order. */
  entries: {
    itemId: string;
    category: DisclosureCategory;
    /** The catalog title, or the published title of an ad hoc item. */
    title: string;
    /** The title the latest version was published under, e.g. 2026年第三季度党费收缴与使用. */
    publishedTitle: string | null;
    status: ItemStatus;
    required: boolean;
    version: number;
    publishedAt: string | null;
  }[];
  ratings: Record<Rating, number>;
  /** The caller's own rating of this quarter, if any. */
  myRating: Rating | null;
  followUps: FollowUp[];
}

export interface QuarterSummary {
  key: string;
  label: string;
  published: number;
}

export interface CatalogEntry {
  id: string;
  category: DisclosureCategory;
  title: string;
  order: number;
  retired: boolean;
  /** First quarter the item is required for. */
  since: string;
  /** First quarter it is no longer required for, once retired. */
  retiredFrom: string | null;
}

export interface VerifyView {
  itemId: string;
  quarter: string;
  title: string;
  version: number;
  approvedAt: string;
  /** The digest recorded when the version was approved. */
  digest: string;
  /** The digest of the content as stored now. */
  recomputed: string;
  /** The stored content still hashes to the recorded digest. */
  contentIntact: boolean;
  /** The audit record of the publication (and of any redaction) still leads to this digest. */
  recordIntact: boolean;
  /** Every attachment's file still hashes to what was published. */
  attachmentsIntact: boolean;
  /** What does not hold, in words (empty when everything does). */
  problems: string[];
  /** Personal data taken out after publication: when, by whom, why. */
  redactions: { at: string; by: string; reason: string; removedAttachments: string[] }[];
  /** Position of the publication record in the village's chain. */
  recordSeq: number | null;
  /** The village's history now, signed: what a phone or the notice board can check later. */
  head: SignedHead | null;
  /**
   * The version is a link of the village's hash chain: the chain holds through it only if its
   * content, its record and every record of the chain are intact.
   */
  holds: boolean;
  chain: { ok: boolean; length: number; brokenAt?: { seq: number; reason: string } };
}

export interface TownshipCompletenessRow {
  villageId: string;
  villageName: string;
  counts: CompletenessCounts;
}

export interface DisclosureApi {
  upload: { input: UploadInput; output: Attachment };
  saveDraft: { input: SaveDraftInput; output: DraftView };
  submit: { input: SubmitInput; output: DraftView };
  submitQuarter: { input: { villageId: string; quarter: string }; output: SubmitQuarterOutput };
  review: { input: ReviewInput; output: DraftView };
  drafts: { input: { villageId: string; quarter: string }; output: { items: DraftView[] } };
  quarter: { input: { villageId: string; quarter: string }; output: QuarterView };
  quarters: { input: { villageId: string }; output: { current: string; quarters: QuarterSummary[] } };
  item: { input: ItemRef & { version?: number }; output: PublishedItem };
  verify: { input: ItemRef & { version?: number }; output: VerifyView };
  rate: { input: { villageId: string; quarter: string; rating: Rating; comment?: string }; output: { ratings: Record<Rating, number>; myRating: Rating } };
  followUpAdd: { input: { villageId: string; quarter: string; text: string; itemId?: string }; output: FollowUp };
  followUpClose: { input: { villageId: string; quarter: string; followUpId: string; result: string }; output: FollowUp };
  catalog: { input: { townshipId: string }; output: { items: CatalogEntry[] } };
  catalogAdd: { input: { townshipId: string; category: DisclosureCategory; title: string }; output: CatalogEntry };
  catalogRename: { input: { townshipId: string; itemId: string; title: string }; output: CatalogEntry };
  catalogRetire: { input: { townshipId: string; itemId: string }; output: CatalogEntry };
  /** `quarter` left out: the quarter that ended last, by the server's clock. */
  township: { input: { townshipId: string; quarter?: string }; output: { quarter: string; label: string; dueDate: string; rows: TownshipCompletenessRow[] } };
  subscribe: { input: { villageId: string; on: boolean }; output: { subscribed: boolean } };
  subscription: { input: { villageId: string }; output: { subscribed: boolean } };
  /** 一键打码: the draft with every ID and mobile number masked; nothing is saved. */
  maskDraft: { input: { villageId: string; title: string; body: Block[] }; output: { title: string; body: Block[]; masked: number } };
  /** 删去个人信息 from every version of a published item (镇管理员), with a reason that stays on record. */
  redact: { input: ItemRef & { reason: string; removeAttachments?: string[] }; output: { versions: number; removed: string[] } };
  /** The notice-board version of a quarter as a PDF (村两委, 监委会, township staff), to open and print. */
  boardPdf: { input: { villageId: string; quarter: string }; output: PrintFile };
}
