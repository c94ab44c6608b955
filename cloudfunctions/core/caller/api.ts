// Who is calling: a shared concern every capability starts an action with. The caller's roster
// person and roles in a village (from their binding, the roster and the township's staff), the
// rule check, and the actor an audit record names. It reads identity's and people's collections
// and writes none; binding and role changes stay identity's own (core/identity), so identity and
// the roster can both ask who is calling without depending on each other.
export { authorize, callerInTownship, callerInVillage, type CallerInVillage } from './context';
// The actor an audit record names, from the caller.
export { actorOf, townshipActorOf } from './context';
// The caller's roster person without the rest of the context (a matter's view shows "mine").
export { boundPersonId } from './context';
// Whoever at the township is told of what reaches it (overdue tickets, village history alarms).
export { townshipStaffOpenids, type StaffDoc } from './context';
// Roles that follow from the roster itself (identity's whoami lists them beside the assigned).
export { derivedRoles, type BindingDoc, type CallerInTownship } from './context';
