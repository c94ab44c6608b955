import { z } from 'zod';
import type { TextLimit } from '../../../common/limits';

/** Ids of villages and townships: short, plain, safe in document ids and URLs. */
export const placeId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * A file id as storage gave it: a CloudBase fileID (`cloud://env.bucket/incoming/…`) or the local
 * path. Its shape only; that it is the caller's village's and purpose's is checked on use.
 */
export const storedFileId = z
  .string()
  .min(8)
  .max(400)
  .regex(/^[A-Za-z0-9:/._-]+$/, '文件标识格式不对');

/**
 * Emoji, control and invisible formatting characters: nothing a printed title or list shows.
 * The emoji variation selector (U+FE0F) stands outside the class: inside one it reads as if it combined with the character before it.
 */
const NOT_PLAIN = /[\p{Extended_Pictographic}\p{Cc}\u200B-\u200F\u2028-\u202E\u2060-\u2064]|\uFE0F/u;

/**
 * A name or title that is printed on notice boards and read aloud: trimmed, within its length,
 * and without emoji or control characters (an emoji went into a township's catalog).
 */
export const plainTitle = ({ min, max }: TextLimit) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !NOT_PLAIN.test(s), { message: '标题和名称里不能有表情符号或看不见的控制字符，请只用文字、数字和标点。' });
