// Finance's face: what other capabilities may use of the ledger.
// Tickets ask about a ledger row and check the month it is in.
export { monthKeyOf, type MonthDoc, type RowDoc } from './model';
