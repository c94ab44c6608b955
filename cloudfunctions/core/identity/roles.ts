import { RoleLabels, type Role } from '../../../types/roles';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { putInbox } from '../messages/api';
import { setAssignedRoles } from '../people/api';
import type { PersonDoc } from '../shared/records';
import { fail } from '../shared/errors';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { identityPolicy } from './policy';

/** Roles a village can hand out; derived roles come from the roster and township roles from the township. */
export const ASSIGNABLE_VILLAGE_ROLES: Role[] = ['secretary', 'director', 'accountant', 'supervisor_chair', 'supervisor', 'finance_panel'];

/** The 监委会 watches the 两委: only the township may change who sits on it. */
const SUPERVISION_ROLES: Role[] = ['supervisor_chair', 'supervisor'];

export interface VillageRolesDoc {
  /** Village id. Who holds each assigned role, kept in step with people's assignedRoles. */
  _id: string;
  holders: Partial<Record<Role, string[]>>;
  [k: string]: unknown;
}

/**
 * Village roles are given by the township admin or by the village's 书记 — never to oneself, and
 * the 监委会's own roles only by the township. The 监委会主任 (as it was before the change) and the
 * person concerned are told in their inbox, in the same transaction as the change.
 */
export async function assignRole(ports: Ports, input: { villageId: string; personId: string; role: Role; granted: boolean }): Promise<{ roles: Role[] }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, identityPolicy.assignRole);
  if (!ASSIGNABLE_VILLAGE_ROLES.includes(input.role)) {
    throw fail.invalid('这个角色不能在村里指定：党员、村民代表、户代表来自花名册，镇级角色由镇里设置。');
  }
  const byTownship = ctx.roles.includes('township_admin');
  if (SUPERVISION_ROLES.includes(input.role) && !byTownship) {
    throw fail.denied('村务监督委员会成员由镇里指定，村里不能更改。');
  }
  if (!byTownship && ctx.person?._id === input.personId) throw fail.denied('不能给自己指定或取消角色，请由镇里办理。');

  const at = ports.clock.now().toISOString();
  const roles = await ports.store.transaction(async (tx) => {
    const person = await tx.get<PersonDoc>(C.people, input.personId);
    if (!person || person.villageId !== input.villageId || !person.inRoster) throw fail.notFound('本村花名册中没有这个人。');
    const current = person.assignedRoles ?? [];
    const next = input.granted ? [...new Set([...current, input.role])] : current.filter((r) => r !== input.role);
    const index = (await tx.get<VillageRolesDoc>(C.villageRoles, input.villageId))?.holders ?? {};
    const chairsBefore = index.supervisor_chair ?? [];
    const holders = (index[input.role] ?? []).filter((id) => id !== person._id);
    await tx.set(C.villageRoles, input.villageId, {
      holders: { ...index, [input.role]: input.granted ? [...holders, person._id] : holders },
    });
    await setAssignedRoles(tx, person._id, next);
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'identity.assignRole',
      target: `person:${person._id}`,
      change: { role: input.role, granted: input.granted },
      at,
    });
    const text = `角色变更：${person.name}${input.granted ? '担任' : '不再担任'}“${RoleLabels[input.role]}”`;
    for (const id of new Set([...chairsBefore, person._id])) {
      const who = id === person._id ? person : await tx.get<PersonDoc>(C.people, id);
      await putInbox(tx, [who?.boundOpenid], { villageId: input.villageId, text, at });
    }
    return next;
  });
  return { roles };
}
