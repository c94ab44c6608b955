import { z } from 'zod';
import { REFUSAL_NOTE, ROSTER_REASON } from '../../../common/limits';
import { placeId, storedFileId } from '../shared/ids';

const villageId = placeId;
const townshipId = placeId;
const mode = z.enum(['merge', 'replace']);

const file = {
  villageId,
  fileName: z
    .string()
    .min(1)
    .max(120)
    .regex(/\.(xlsx|csv)$/i),
  fileId: storedFileId,
};

export const RosterFileSchema = z.strictObject(file);

export const RosterCommitSchema = z.strictObject({
  ...file,
  mode: mode.optional(),
  // The typed number of people a 全量替换 removes; compared in the service.
  confirm: z.string().max(20).optional(),
});

export const RosterApprovalRequestSchema = z.strictObject({
  ...file,
  mode,
  reason: z.string().trim().min(ROSTER_REASON.min).max(ROSTER_REASON.max),
});

export const TownshipOnlySchema = z.strictObject({ townshipId });

export const RosterDecideSchema = z.strictObject({
  townshipId,
  // `${villageId}:${mode}:${sha256}`
  approvalId: z
    .string()
    .min(10)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+:(merge|replace):[0-9a-f]{64}$/),
  approve: z.boolean(),
  note: z.string().trim().min(REFUSAL_NOTE.min).max(REFUSAL_NOTE.max).optional(),
});

export const RosterListSchema = z.strictObject({
  villageId,
  page: z.number().int().min(1).max(1000).optional(),
});
