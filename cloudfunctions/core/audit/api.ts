// The audit trail's face: every capability appends to it, and a few read or prove it.
// Every write appends its record in the same transaction as the write.
export { appendAudit, type Actor } from './chain';
// Verifying a village's chain (disclosure's public check, identity's audit page) reads its records.
export { AUDIT, verifyChain, type AuditRecord } from './chain';
// The village history page proves a head extends the last one and checks its signature.
export { proveExtends, rootAt, treeHeadOf } from './chain';
export { HistoryRewritten, publicKeyOf, signedHeadOf, verifyHead } from './checkpoint';
// The village history page (a village's chain heads, its alarms, the heads printed on notice
// boards with a code to check them) and the daily record of heads on the township's chain.
export { checkHead, headLink, history, historyAlarm, recordVillageHeads } from './history';
// Every print of the village's records carries its current head, with the code that checks it.
export { headStamp } from './history';
