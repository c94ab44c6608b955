import { z } from 'zod';
import { placeId } from '../shared/ids';

const villageId = placeId;

/** ~1.5 MB of file: a 3,000-person roster is about a tenth of that. */
const MAX_FILE_BASE64 = 2_000_000;

export const RosterFileSchema = z.strictObject({
  villageId,
  fileName: z.string().min(1).max(120).regex(/\.(xlsx|csv)$/i),
  fileBase64: z.string().min(1).max(MAX_FILE_BASE64).regex(/^[A-Za-z0-9+/=\r\n]+$/),
});

export const RosterListSchema = z.strictObject({
  villageId,
  page: z.number().int().min(1).max(1000).optional(),
});
