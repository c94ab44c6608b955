// The roster's face: what other capabilities may use of people.
// Age and 户籍 decide who may vote and who pays 筹资筹劳 (matters).
export { ageOn, hukouHere, isAdultOn } from './model';
// One person, one village: a 村民会议 vote leaves out whoever is claimed by another village.
export { claimedElsewhere } from './cross-village';
// Verification (identity) matches a caller to the roster by name, ID number and phone.
export { nameKey, phoneHashOf } from './model';
export { hashIdNumber, idProblemMessage, parseIdNumber } from './idcard';
// The account and roles identity decides are written on the person by the roster's own functions.
export { setAssignedRoles, setBoundAccount } from './accounts';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { rosterFunctionPolicy } from './policy';
// The 明白账 (core/plain) gives the balance per household and per person.
export { rosterCounts } from './counts';
