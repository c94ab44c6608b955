import { z } from 'zod';

/** Ids of villages and townships: short, plain, safe in document ids and URLs. */
export const placeId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
