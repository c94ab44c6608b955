import { z } from 'zod';
import { placeId } from '../shared/ids';
import { CATEGORIES } from './catalog';

const villageId = placeId;
const quarter = z.string().regex(/^20\d{2}Q[1-4]$/);
/** Catalog ids look like `huangsheng:2-3`; ad hoc ones `adhoc-<letters, digits, -, Chinese>`. */
const itemId = z.string().min(1).max(80).regex(/^([A-Za-z0-9_-]+:\d+-\d+|adhoc-[A-Za-z0-9_\-\u4e00-\u9fa5]{1,40})$/);
const cell = z.string().max(200);

const Block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string().min(1).max(5000) }),
  z.strictObject({
    type: z.literal('table'),
    columns: z.array(cell).min(1).max(12),
    rows: z.array(z.array(cell).max(12)).max(3000),
  }),
]);

const ref = { villageId, quarter, itemId };

export const SaveDraftSchema = z.strictObject({
  ...ref,
  title: z.string().trim().min(1).max(80),
  body: z.array(Block).min(1).max(50),
  amountFen: z.number().int().min(0).max(100_000_000_000).optional(),
  category: z.enum(CATEGORIES as [string, ...string[]]).optional(),
});
export const SubmitSchema = z.strictObject({ ...ref, reason: z.string().trim().min(4).max(300).optional() });
export const ReviewSchema = z.strictObject({
  ...ref,
  decision: z.enum(['approve', 'return']),
  reason: z.string().trim().min(2).max(300).optional(),
});
export const QuarterSchema = z.strictObject({ villageId, quarter });
export const ItemSchema = z.strictObject({ ...ref, version: z.number().int().min(1).max(1000).optional() });
