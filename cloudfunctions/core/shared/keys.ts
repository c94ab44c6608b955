import { z } from 'zod';
import { ADHOC_NAME } from '../../../common/limits';

/**
 * Keys that several capabilities' input schemas accept (a ticket asks about a disclosure item or a
 * ledger month, a matter or ticket names a roster person). Kept here, owned by none, so one
 * capability's schema does not reach into another's to validate the same key.
 */

export const quarter = z.string().regex(/^20\d{2}Q[1-4]$/, '季度格式应为 2026Q3 这样');

/** Catalog ids look like `huangsheng:2-3`; ad hoc ones `adhoc-<letters, digits, -, Chinese>`. */
export const itemId = z
  .string()
  .min(1)
  .max(80)
  .regex(new RegExp(`^([A-Za-z0-9_-]+:\\d+-\\d+|adhoc-[A-Za-z0-9_\\-\\u4e00-\\u9fa5]{${ADHOC_NAME.min},${ADHOC_NAME.max}})$`));

/** A roster person id as the roster writes them. */
export const personId = z
  .string()
  .min(1)
  .max(140)
  .regex(/^[A-Za-z0-9_:-]+$/);

/** Month keys are YYYY-MM; they sort as strings. */
export const MONTH_KEY = /^20\d{2}-(0[1-9]|1[0-2])$/;
