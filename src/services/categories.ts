import type { DisclosureCategory } from '../../types/village';

/** The six kinds of 村务公开, in the order every page and the printed board list them. */
export const DISCLOSURE_CATEGORIES: readonly DisclosureCategory[] = ['党务', '村务', '财务', '资金', '资产', '资源'];
