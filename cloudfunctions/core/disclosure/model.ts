import type { Block, Rating } from '../../../types/disclosure';
import type { DisclosureCategory } from '../../../types/village';
import type { ItemState } from '../../../types/disclosure';
import type { StoredAttachment } from '../attachments/api';

export interface Content {
  title: string;
  body: Block[];
  amountFen: number | null;
  attachments: StoredAttachment[];
}

/** One item of one village's quarter: the working draft and where it stands. */
export interface ItemDoc {
  /** `${villageId}:${quarter}:${itemId}` */
  _id: string;
  villageId: string;
  quarter: string;
  itemId: string;
  catalogItemId: string | null;
  category: DisclosureCategory;
  state: ItemState;
  draft: Content;
  returnReason: string | null;
  correctionReason: string | null;
  publishedVersion: number;
  publishedTitle: string | null;
  publishedAt: string | null;
  /** When version 1 was approved: lateness is judged by it. */
  firstPublishedAt: string | null;
  /** The roster person who last wrote the draft: told when the 监委会 returns it (absent on older items). */
  draftedBy?: string | null;
  /** Who submitted it for review, as the 监委会 reads it (村会计 杨秀英), and when (absent on older items). */
  submittedBy?: string | null;
  submittedAt?: string | null;
  [k: string]: unknown;
}

/** A published version: written once, never updated. */
export interface VersionDoc extends Content {
  /** `${itemKey}:v${version}` */
  _id: string;
  itemKey: string;
  villageId: string;
  version: number;
  reason: string | null;
  approvedAt: string;
  approvedBy: { openid: string | null; personId: string | null };
  /** versionDigest of the fields above, as they are now. */
  digest: string;
  /**
   * Personal data taken out after publication (个人信息保护法 outranks immutability): each one
   * says why, who, when, and the digests before and after — its own chain record commits to them.
   */
  redactions?: Redaction[];
  [k: string]: unknown;
}

export interface Redaction {
  at: string;
  /** The 镇管理员 who did it, as the township knows them. */
  by: string;
  reason: string;
  before: string;
  after: string;
  /** Attachments removed because they showed personal data (their names, as published). */
  removedAttachments: string[];
}

/** Totals of a village's quarter, kept in the same transaction as each change they count. */
export interface QuarterStatsDoc {
  /** `${villageId}:${quarter}` */
  _id: string;
  villageId: string;
  quarter: string;
  /** Catalog items with at least one published version. */
  published: number;
  /** Ad hoc items (专项公开) with at least one published version. */
  adhoc?: number;
  ratings: Record<Rating, number>;
  [k: string]: unknown;
}

export const itemKeyOf = (r: { villageId: string; quarter: string; itemId: string }) => `${r.villageId}:${r.quarter}:${r.itemId}`;
export const statsKeyOf = (villageId: string, quarter: string) => `${villageId}:${quarter}`;

export const NO_RATINGS: Record<Rating, number> = { 满意: 0, 基本满意: 0, 不满意: 0 };

export function emptyStats(villageId: string, quarter: string): QuarterStatsDoc {
  return { _id: statsKeyOf(villageId, quarter), villageId, quarter, published: 0, adhoc: 0, ratings: { ...NO_RATINGS } };
}
