// Finance's face: what other capabilities may use of the ledger.
// Tickets ask about a ledger row and check the month it is in.
export { monthKeyOf, type MonthDoc, type RowDoc } from './model';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { financePolicy } from './policy';
// The 明白账 (core/plain) writes a published period in plain words, and says what is new since the
// villager last opened the money page.
export { lastSeenAt, publishedPeriod, publishedSince, type PublishedExpense, type PublishedPeriod } from './published-facts';
