/**
 * The quarter's 明白账 is a disclosure item of its own, outside the township's catalog: written
 * by core/plain from the published books and saved here as a draft (like finance's 财务 items),
 * it goes through the 监委会's review with the quarter, its published version is covered by the
 * same digest and 校验, and the notice-board version prints it first.
 */
export const PLAIN_ITEM_ID = 'adhoc-明白账';
export const PLAIN_CATEGORY = '财务';
