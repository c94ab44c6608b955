import { z } from 'zod';
import { placeId } from '../shared/ids';
import { CODE_PATTERN } from './rules';

const villageId = placeId;

export const ResolveCodeSchema = z.strictObject({
  code: z.string().regex(CODE_PATTERN),
});

export const GetVillageSchema = z.strictObject({ villageId });

/** The home, opened by a scanned code or by the village remembered on the phone: one of the two. */
export const HomeSchema = z
  .strictObject({
    code: z.string().regex(CODE_PATTERN).optional(),
    villageId: villageId.optional(),
    entries: z.boolean().optional(),
  })
  .refine((d) => (d.code === undefined) !== (d.villageId === undefined), { path: ['code'], message: 'code or villageId, not both' });
