import { z } from 'zod';
import {
  CATALOG_TITLE,
  DISCLOSURE_BLOCKS,
  DISCLOSURE_PARAGRAPH,
  DISCLOSURE_REASON,
  DISCLOSURE_TITLE,
  FOLLOW_UP,
  RATING_COMMENT,
  REVIEW_RETURN_REASON,
  TABLE_CELL,
  TABLE_COLUMNS,
  TABLE_ROWS,
  type TextLimit,
} from '../../../common/limits';
import { MAX_FEN } from '../../../common/money';
import { placeId, plainTitle, storedFileId } from '../shared/ids';
import { itemId, quarter } from '../shared/keys';
import type { DisclosureCategory } from '../../../types/village';
import { CATEGORIES } from './catalog';

const villageId = placeId;
const townshipId = placeId;
const catalogItemId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+:\d+-\d+$/);
const category = z.enum(CATEGORIES as readonly [DisclosureCategory, ...DisclosureCategory[]]);
const cell = z.string().max(TABLE_CELL.max);
const text = ({ min, max }: TextLimit) => z.string().trim().min(min).max(max);

const Block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string().min(DISCLOSURE_PARAGRAPH.min).max(DISCLOSURE_PARAGRAPH.max) }),
  z.strictObject({
    type: z.literal('table'),
    columns: z.array(cell).min(TABLE_COLUMNS.min).max(TABLE_COLUMNS.max),
    rows: z.array(z.array(cell).max(TABLE_COLUMNS.max)).max(TABLE_ROWS.max),
  }),
]);

const ref = { villageId, quarter, itemId };
const uploadId = z.string().regex(/^[0-9a-f]{24}$/);
/** A storage file id (local path or CloudBase fileID); which file it may be is the service's to check. */
const fileId = storedFileId;

export const UploadSchema = z.strictObject({
  villageId,
  name: text({ min: 1, max: 80 }),
  fileId,
});
export const SaveDraftSchema = z.strictObject({
  ...ref,
  title: plainTitle(DISCLOSURE_TITLE),
  body: z.array(Block).min(DISCLOSURE_BLOCKS.min).max(DISCLOSURE_BLOCKS.max),
  amountFen: z.number().int().min(0).max(MAX_FEN).optional(),
  category: category.optional(),
  attachments: z.array(uploadId).max(20).optional(),
});
export const MaskDraftSchema = z.strictObject({
  villageId,
  title: plainTitle(DISCLOSURE_TITLE),
  body: z.array(Block).min(DISCLOSURE_BLOCKS.min).max(DISCLOSURE_BLOCKS.max),
});
export const RedactSchema = z.strictObject({ ...ref, reason: text(DISCLOSURE_REASON), removeAttachments: z.array(uploadId).max(20).optional() });
export const SubmitSchema = z.strictObject({ ...ref, reason: text(DISCLOSURE_REASON).optional() });
export const ReviewSchema = z.strictObject({
  ...ref,
  decision: z.enum(['approve', 'return']),
  reason: text(REVIEW_RETURN_REASON).optional(),
});
export const QuarterSchema = z.strictObject({ villageId, quarter });
export const VillageSchema = z.strictObject({ villageId });
export const ItemSchema = z.strictObject({ ...ref, version: z.number().int().min(1).max(1000).optional() });
export const RateSchema = z.strictObject({
  villageId,
  quarter,
  rating: z.enum(['满意', '基本满意', '不满意']),
  comment: text(RATING_COMMENT).optional(),
});
export const FollowUpAddSchema = z.strictObject({ villageId, quarter, text: text(FOLLOW_UP), itemId: itemId.optional() });
export const FollowUpCloseSchema = z.strictObject({
  villageId,
  quarter,
  followUpId: z.string().regex(/^[0-9a-f]{16}$/),
  result: text(FOLLOW_UP),
});
export const CatalogSchema = z.strictObject({ townshipId });
export const CatalogAddSchema = z.strictObject({ townshipId, category, title: plainTitle(CATALOG_TITLE) });
export const CatalogRenameSchema = z.strictObject({ townshipId, itemId: catalogItemId, title: plainTitle(CATALOG_TITLE) });
export const CatalogRetireSchema = z.strictObject({ townshipId, itemId: catalogItemId });
/** Without a quarter, the one being reported by the server's clock (the phone's may be wrong). */
export const TownshipSchema = z.strictObject({ townshipId, quarter: quarter.optional() });
export const SubscribeSchema = z.strictObject({ villageId, on: z.boolean() });
