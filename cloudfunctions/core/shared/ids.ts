import { z } from 'zod';

/** Ids of villages and townships: short, plain, safe in document ids and URLs. */
export const placeId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/**
 * A file id as storage gave it: a CloudBase fileID (`cloud://env.bucket/incoming/…`) or the local
 * path. Its shape only; that it is the caller's village's and purpose's is checked on use.
 */
export const storedFileId = z.string().min(8).max(400).regex(/^[A-Za-z0-9:/._-]+$/, '文件标识格式不对');
