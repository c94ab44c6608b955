// Disclosure's face: what other capabilities may use of published village affairs.
// The township's catalog and how complete a quarter is, for the village's settings and home pages.
export { CATEGORIES, requiredIn, type CatalogItemDoc } from './catalog';
export { countStatuses } from './completeness';
export { completenessOf, homeQuartersOf, quarterView, townshipCatalog } from './quarters';
export { dueDateOf, labelOf } from './rules';
// An item by its key: tickets ask about one, finance fills the quarter's financial items.
export { itemKeyOf, type ItemDoc } from './model';
// 我家 reads the village's published lists (each item's tables at the version in force) and
// looks for a household's members in the columns that name people.
export { publishedTables, type PublishedTables } from './lists';
export { isNameColumn } from './rules';
// The writes others ask of disclosure, each a disclosure use case: finance drafts its items,
// matters publishes its 决议公开 and 实施结果公开.
export { saveDraft } from './drafting';
export { publishAdhoc } from './publishing';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { disclosurePolicy } from './policy';
// The quarter's 明白账 (core/plain drafts it; the board prints it first) and its published version.
export { PLAIN_CATEGORY, PLAIN_ITEM_ID } from './plain-item';
export { loadPublished } from './published';
