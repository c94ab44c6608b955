// Disclosure's face: what other capabilities may use of published village affairs.
// The township's catalog and how complete a quarter is, for the village's settings and home pages.
export { CATEGORIES, requiredIn, type CatalogItemDoc } from './catalog';
export { countStatuses } from './completeness';
export { completenessOf, homeQuartersOf, quarterView, townshipCatalog } from './quarters';
export { dueDateOf, labelOf } from './rules';
// An item by its key: tickets ask about one, finance fills the quarter's financial items.
export { itemKeyOf, type ItemDoc } from './model';
// The writes others ask of disclosure, each a disclosure use case: finance drafts its items,
// matters publishes its 决议公开 and 实施结果公开.
export { saveDraft } from './drafting';
export { publishAdhoc } from './publishing';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { disclosurePolicy } from './policy';
