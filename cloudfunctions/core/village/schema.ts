import { z } from 'zod';
import { placeId } from '../shared/ids';
import { CODE_PATTERN } from './rules';

const villageId = placeId;

export const ResolveCodeSchema = z.strictObject({
  code: z.string().regex(CODE_PATTERN),
});

export const GetVillageSchema = z.strictObject({ villageId });
