// The 三资 capability's face.
// The ledger names the contract an income row pays, and the contract keeps its rent in the row's
// own transaction (finance's addRow and removeRow).
export { checkRentContract, dropRent, isRentContract, noteRent, type RentRow } from './rent';
// The ledger's import suggests, for each income row of a file, the contract it pays.
export { suggestRent } from './rent';
// The timer looks over each village's registers once a day (core/scheduler.ts).
export { scanDue } from './warnings';
// After rent is entered or taken back, the contract's warnings say what is owed now.
export { scanVillage } from './warnings';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { assetsPolicy } from './policy';
// 码上监督 asks what a villager's question about an asset, land or contract is titled, and whether
// it is this village's at all (tickets' filing).
export { subjectTitle } from './subjects';
// The 明白账 (core/plain) says how many contracts end next quarter.
export { contractsEnding } from './expiring';
