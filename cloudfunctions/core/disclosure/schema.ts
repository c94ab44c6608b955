import { z } from 'zod';
import { MAX_FEN } from '../../../common/money';
import { placeId, plainTitle, storedFileId } from '../shared/ids';
import { itemId, quarter } from '../shared/keys';
import type { DisclosureCategory } from '../../../types/village';
import { CATEGORIES } from './catalog';

const villageId = placeId;
const townshipId = placeId;
const catalogItemId = z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+:\d+-\d+$/);
const category = z.enum(CATEGORIES as readonly [DisclosureCategory, ...DisclosureCategory[]]);
const cell = z.string().max(200);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

const Block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string().min(1).max(5000) }),
  z.strictObject({
    type: z.literal('table'),
    columns: z.array(cell).min(1).max(12),
    rows: z.array(z.array(cell).max(12)).max(3000),
  }),
]);

const ref = { villageId, quarter, itemId };
const uploadId = z.string().regex(/^[0-9a-f]{24}$/);
/** A storage file id (local path or CloudBase fileID); which file it may be is the service's to check. */
const fileId = storedFileId;

export const UploadSchema = z.strictObject({
  villageId,
  name: text(1, 80),
  fileId,
});
export const SaveDraftSchema = z.strictObject({
  ...ref,
  title: plainTitle(1, 80),
  body: z.array(Block).min(1).max(50),
  amountFen: z.number().int().min(0).max(MAX_FEN).optional(),
  category: category.optional(),
  attachments: z.array(uploadId).max(20).optional(),
});
export const MaskDraftSchema = z.strictObject({ villageId, title: plainTitle(1, 80), body: z.array(Block).min(1).max(50) });
export const RedactSchema = z.strictObject({ ...ref, reason: text(4, 300), removeAttachments: z.array(uploadId).max(20).optional() });
export const SubmitSchema = z.strictObject({ ...ref, reason: text(4, 300).optional() });
export const ReviewSchema = z.strictObject({
  ...ref,
  decision: z.enum(['approve', 'return']),
  reason: text(2, 300).optional(),
});
export const QuarterSchema = z.strictObject({ villageId, quarter });
export const VillageSchema = z.strictObject({ villageId });
export const ItemSchema = z.strictObject({ ...ref, version: z.number().int().min(1).max(1000).optional() });
export const RateSchema = z.strictObject({
  villageId,
  quarter,
  rating: z.enum(['满意', '基本满意', '不满意']),
  comment: text(1, 300).optional(),
});
export const FollowUpAddSchema = z.strictObject({ villageId, quarter, text: text(4, 300), itemId: itemId.optional() });
export const FollowUpCloseSchema = z.strictObject({
  villageId,
  quarter,
  followUpId: z.string().regex(/^[0-9a-f]{16}$/),
  result: text(4, 300),
});
export const CatalogSchema = z.strictObject({ townshipId });
export const CatalogAddSchema = z.strictObject({ townshipId, category, title: plainTitle(2, 40) });
export const CatalogRenameSchema = z.strictObject({ townshipId, itemId: catalogItemId, title: plainTitle(2, 40) });
export const CatalogRetireSchema = z.strictObject({ townshipId, itemId: catalogItemId });
/** Without a quarter, the one being reported by the server's clock (the phone's may be wrong). */
export const TownshipSchema = z.strictObject({ townshipId, quarter: quarter.optional() });
export const SubscribeSchema = z.strictObject({ villageId, on: z.boolean() });
