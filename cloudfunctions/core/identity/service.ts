import type { AuditList, AuditVerifyOutput, VillageStatus, WhoAmI } from '../../../types/identity';
import { RoleLabels, type Role } from '../../../types/roles';
import type { Ports } from '../../ports';
import { appendAudit, AUDIT, type AuditRecord, verifyChain } from '../audit/api';
import { C } from '../collections';
import { setAssignedRoles, setBoundAccount, type PersonDoc } from '../people/api';
import { fail } from '../shared/errors';
import type { VillageDoc } from '../village/api';
import { actorOf, authorize, callerInVillage, derivedRoles, type BindingDoc, type StaffDoc } from './context';
import { pendingRequest } from './binding';
import { putInbox } from '../messages/api';
import { identityPolicy } from './policy';
import { allowedActions, townshipActions } from '../permissions';
import { villageStatus } from './standing';

/** Roles a village can hand out; derived roles come from the roster and township roles from the township. */
export const ASSIGNABLE_VILLAGE_ROLES: Role[] = ['secretary', 'director', 'accountant', 'supervisor_chair', 'supervisor', 'finance_panel'];

export async function whoami(ports: Ports): Promise<WhoAmI> {
  const openid = ports.caller.openid;
  if (!openid) return { signedIn: false, villages: [], township: [] };
  const bindings = await ports.store.collection<BindingDoc>(C.bindings).find({ where: { openid }, limit: 100 });
  const villages: WhoAmI['villages'] = [];
  for (const b of bindings) {
    const [person, village] = await Promise.all([
      ports.store.collection<PersonDoc>(C.people).get(b.personId),
      ports.store.collection<VillageDoc>(C.villages).get(b.villageId),
    ]);
    if (!person || !village || !person.inRoster || person.boundOpenid !== openid) continue;
    const roles = [...derivedRoles(person), ...(person.assignedRoles ?? [])];
    // The roster's roles only, as `roles` shows: what a township role reaches is in `township`.
    villages.push({
      villageId: village._id,
      villageName: village.name,
      name: person.name,
      idMasked: person.idMasked,
      roles,
      can: allowedActions(roles, 'village'),
    });
  }
  const staff = await ports.store.collection<StaffDoc>(C.staff).find({ where: { openid }, limit: 100 });
  return { signedIn: true, villages, township: staff.map((s) => ({ townshipId: s.townshipId, roles: s.roles, can: townshipActions(s.roles) })) };
}

export async function status(ports: Ports, input: { villageId: string }): Promise<VillageStatus> {
  const ctx = await callerInVillage(ports, input.villageId);
  const pending = ctx.person === null && (await pendingRequest(ports, input.villageId, ctx.openid));
  return villageStatus(ctx.person !== null, pending, ctx.roles);
}

/** New phone or new WeChat: the 监委会 releases the old binding, with a reason on the record. */
export async function rebind(ports: Ports, input: { villageId: string; personId: string; reason: string }): Promise<{ ok: true }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, identityPolicy.rebind);
  const person = await ports.store.collection<PersonDoc>(C.people).get(input.personId);
  if (!person || person.villageId !== input.villageId) throw fail.notFound('本村花名册中没有这个人。');
  if (!person.boundOpenid) throw fail.precondition('这位村民还没有绑定微信，无需换绑。');
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    const current = await tx.get<PersonDoc>(C.people, person._id);
    const old = current?.boundOpenid;
    if (!old) throw fail.precondition('这位村民还没有绑定微信，无需换绑。');
    await tx.remove(C.bindings, `${input.villageId}:${old}`);
    await setBoundAccount(tx, person._id, null);
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'identity.rebind',
      target: `person:${person._id}`,
      change: { reason: input.reason, released: old },
      at,
    });
  });
  return { ok: true };
}

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
  let roles: Role[] = [];
  await ports.store.transaction(async (tx) => {
    const person = await tx.get<PersonDoc>(C.people, input.personId);
    if (!person || person.villageId !== input.villageId || !person.inRoster) throw fail.notFound('本村花名册中没有这个人。');
    const current = person.assignedRoles ?? [];
    roles = input.granted ? [...new Set([...current, input.role])] : current.filter((r) => r !== input.role);
    const index = (await tx.get<VillageRolesDoc>(C.villageRoles, input.villageId))?.holders ?? {};
    const chairsBefore = index.supervisor_chair ?? [];
    const holders = (index[input.role] ?? []).filter((id) => id !== person._id);
    await tx.set(C.villageRoles, input.villageId, {
      holders: { ...index, [input.role]: input.granted ? [...holders, person._id] : holders },
    });
    await setAssignedRoles(tx, person._id, roles);
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
  });
  return { roles };
}

const AUDIT_PAGE = 30;

/** The village's audit trail, newest first, for the 监委会 and the township. */
export async function auditList(ports: Ports, input: { villageId: string; page?: number }): Promise<AuditList> {
  authorize(await callerInVillage(ports, input.villageId), identityPolicy.auditList);
  const page = input.page ?? 1;
  const records = ports.store.collection<AuditRecord>(AUDIT);
  const [total, rows] = await Promise.all([
    records.count({ scope: input.villageId }),
    records.find({ where: { scope: input.villageId }, orderBy: [['seq', 'desc']], skip: (page - 1) * AUDIT_PAGE, limit: AUDIT_PAGE }),
  ]);
  return {
    total,
    page,
    entries: rows.map((r) => ({ seq: r.seq, at: r.at, action: r.action, target: r.target, actorRoles: r.actor.roles, hash: r.hash })),
  };
}

export async function auditVerify(ports: Ports, input: { villageId: string }): Promise<AuditVerifyOutput> {
  authorize(await callerInVillage(ports, input.villageId), identityPolicy.auditVerify);
  const { ok, length, brokenAt } = await verifyChain(ports.store, input.villageId);
  return brokenAt ? { ok, length, brokenAt } : { ok, length };
}
