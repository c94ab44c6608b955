import type { Role } from '../../../types/roles';

/**
 * Who may run an action. Deny by default: an action missing from its capability's table
 * is refused by the dispatcher before any service code runs.
 * - `anyone`: public reads (a visitor who scanned the code).
 * - roles: the caller must hold one of them in the village (or township) the action targets;
 *   the service checks it, because only the service knows the target.
 */
export type Rule = { allow: 'anyone' } | { allow: readonly Role[]; scope: 'village' | 'township' };

export type PolicyTable<A extends string> = Record<A, Rule>;

export const anyone: Rule = { allow: 'anyone' };

/** The 村两委 members who draft and import. */
export const CADRES = ['secretary', 'director', 'accountant'] as const;
/** The 村务监督委员会. */
export const SUPERVISORS = ['supervisor_chair', 'supervisor'] as const;
