// Identity's face: who is calling, and what they may do, for every other capability.
// The caller context stays in identity rather than core/shared: it holds identity's own rules
// (which roles follow from the roster, that a binding counts only while the person is bound to
// that account, staff roles over a township) and reads identity's collections (bindings, staff).
export { authorize, callerInTownship, callerInVillage, type CallerInVillage } from './context';
// The actor an audit record names, from the caller.
export { actorOf, townshipActorOf } from './context';
// The caller's roster person without the rest of the context (a matter's view shows "mine").
export { boundPersonId } from './context';
// Whoever at the township is told of what reaches it (overdue tickets, village history alarms).
export { townshipStaffOpenids, type StaffDoc } from './context';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { identityFunctionPolicy } from './policy';
