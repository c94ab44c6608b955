import type { Role } from '../../../types/roles';
import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';

/**
 * What identity records on a roster person: the account bound to them and the roles the village
 * or township assigned. Identity decides both (verification, 换绑, 指定角色); the person document
 * is the roster's, so the write is made here, inside identity's transaction.
 */

/** Binds an account to the person, or releases it (null). */
export async function setBoundAccount(tx: Transaction, personId: string, openid: string | null): Promise<void> {
  await tx.update(C.people, personId, { boundOpenid: openid });
}

/** Replaces the person's assigned roles (those not derived from the roster itself). */
export async function setAssignedRoles(tx: Transaction, personId: string, roles: Role[]): Promise<void> {
  await tx.update(C.people, personId, { assignedRoles: roles });
}
