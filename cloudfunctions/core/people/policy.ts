import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';

/** Who may run each of the roster's actions: the dispatcher refuses anything not allowed here. */
export const rosterPolicy = {
  previewImport: { allow: CADRES, scope: 'village' },
  commitImport: { allow: CADRES, scope: 'village' },
  // The township admin needs the list to give village roles.
  list: { allow: [...CADRES, ...SUPERVISORS, 'township_admin'], scope: 'village' },
} satisfies Record<string, Rule>;

/**
 * The township admin's confirmation of an import a cadre may not make alone (see approvals.ts):
 * a cadre asks, the township admin alone lists and decides.
 */
export const approvalPolicy = {
  requestApproval: { allow: CADRES, scope: 'village' },
  approvals: { allow: ['township_admin'], scope: 'township' },
  decideApproval: { allow: ['township_admin'], scope: 'township' },
} satisfies Record<string, Rule>;

/** People on two villages' rosters: the township's to put right. */
export const crossVillagePolicy = {
  crossVillage: { allow: ['township_admin', 'township_discipline'], scope: 'township' },
} satisfies Record<string, Rule>;

/** The roster function's whole table. */
export const rosterFunctionPolicy = { ...rosterPolicy, ...approvalPolicy, ...crossVillagePolicy };
