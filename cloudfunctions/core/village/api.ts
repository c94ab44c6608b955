// The village capability's face for other capabilities. The shapes of villages and townships, with
// the township's settings and their defaults, are in core/shared/records; the head stamp prints
// carry is the audit's (core/audit/history).
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { villagePolicy } from './policy';
