import { z } from 'zod';
import { placeId } from '../shared/ids';
import { CODE_PATTERN } from './rules';

const villageId = placeId;

export const ResolveCodeSchema = z.strictObject({
  code: z.string().regex(CODE_PATTERN),
});

export const GetVillageSchema = z.strictObject({ villageId });

/** The home, opened by a scanned code or by the village remembered on the phone: one of the two. */
// By the scanned code or by the remembered village, never both: a union, as the contract says.
export const HomeSchema = z.union([
  z.strictObject({ code: z.string().regex(CODE_PATTERN), entries: z.boolean().optional() }),
  z.strictObject({ villageId, entries: z.boolean().optional() }),
]);
