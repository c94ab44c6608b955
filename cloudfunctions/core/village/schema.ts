import { z } from 'zod';
import { CODE_PATTERN } from './rules';

const villageId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const ResolveCodeSchema = z.strictObject({
  code: z.string().regex(CODE_PATTERN),
});

export const GetVillageSchema = z.strictObject({ villageId });
