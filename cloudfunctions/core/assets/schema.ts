import { z } from 'zod';
import {
  ASSET_CHANGE_REASON,
  ASSET_KEEPER,
  ASSET_NAME,
  ASSET_NOTE,
  ASSET_PHOTOS,
  ASSET_PLACE,
  AWARD_BIDS,
  AWARD_REASON,
  CONTRACT_PARTY,
  type TextLimit,
  WARNING_TEXT,
} from '../../../common/limits';
import { MAX_FEN } from '../../../common/money';
import { placeId } from '../shared/ids';
import { plainTitle } from '../shared/ids';
import { isCalendarDay } from '../shared/time';

// What each action accepts. Enums are the contract's (types/assets.ts); Chinese messages say what to fix.

export const villageId = placeId;
const text = ({ min, max }: TextLimit) => z.string().trim().min(min).max(max);
const day = z.string().refine(isCalendarDay, '日期不对，请写成 2026-10-08。');
const fen = z.number().int().min(0).max(MAX_FEN);
const docId = z.string().regex(/^[0-9a-f]{20}$/, '编号不对');

export const assetFields = {
  villageId,
  name: plainTitle(ASSET_NAME),
  use: z.enum(['operating', 'public'], { message: '请选择经营性或非经营性' }),
  kind: z.enum(['building', 'equipment', 'facility', 'vehicle', 'other'], { message: '请选择资产类别' }),
  location: text(ASSET_PLACE),
  acquiredOn: day,
  originalFen: fen,
  state: z.enum(['in_use', 'leased', 'idle', 'scrapped'], { message: '请选择在用、出租、闲置或报废' }),
  keeper: text(ASSET_KEEPER),
  photos: z
    .array(z.string().regex(/^[0-9a-f]{24}$/))
    .max(ASSET_PHOTOS.max)
    .optional(),
  note: text(ASSET_NOTE).optional(),
};

export const resourceFields = {
  villageId,
  name: plainTitle(ASSET_NAME),
  landKind: z.enum(['arable', 'forest', 'orchard', 'grass', 'water', 'waste', 'construction'], { message: '请选择资源类别' }),
  // Up to 100,000 亩: more than any village holds; at least 0.01 亩.
  areaMu100: z.number().int('面积最多保留两位小数').min(1, '面积应大于 0').max(10_000_000),
  location: text(ASSET_PLACE),
  state: z.enum(['contracted', 'uncontracted', 'self_run'], { message: '请选择发包、未发包或自营' }),
  note: text(ASSET_NOTE).optional(),
};

export const reason = text(ASSET_CHANGE_REASON);

export const award = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('auction'),
    bids: z
      .array(z.strictObject({ bidder: text(CONTRACT_PARTY), fen: fen.min(1) }))
      .min(AWARD_BIDS.min, '公开竞价至少要有一个出价')
      .max(AWARD_BIDS.max),
  }),
  z.strictObject({ method: z.literal('negotiated'), reason: text(AWARD_REASON) }),
]);

export const decision = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('meeting'), body: z.enum(['representatives', 'villagers']), date: day, note: text(ASSET_NOTE) }),
    z.strictObject({ kind: z.literal('matter'), matterId: z.string().min(1).max(64), title: text({ min: 0, max: 80 }) }),
  ])
  .nullable();

export const schedule = z.enum(['once', 'yearly', 'half_yearly', 'quarterly'], { message: '请选择付款方式' });

export const contractFields = {
  villageId,
  subject: z.strictObject({ type: z.enum(['asset', 'resource']), id: docId }),
  kind: z.enum(['outsource', 'lease', 'contract'], { message: '请选择发包、租赁或承包' }),
  counterparty: z.strictObject({ name: plainTitle(CONTRACT_PARTY), personId: z.string().min(1).max(200).nullable() }),
  startOn: day,
  endOn: day,
  priceFenPerYear: fen.min(1, '请填写每年的价款'),
  schedule,
  depositFen: fen,
  award,
  decision,
  note: text(ASSET_NOTE).optional(),
};

export const warningText = text(WARNING_TEXT);
export { docId, fen, day };
