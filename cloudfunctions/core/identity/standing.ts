import type { VillageStatus } from '../../../types/identity';
import type { Role } from '../../../types/roles';
import { allowedActions } from '../permissions';

/**
 * The caller's standing in a village as status and verify answer it: with what their roles may
 * call there, from the functions' own policy tables, so the app never keeps a second list.
 */
export function villageStatus(verified: boolean, pending: boolean, roles: Role[]): VillageStatus {
  return { verified, pending, roles, can: allowedActions(roles, 'village') };
}
