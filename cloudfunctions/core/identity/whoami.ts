import type { VillageStatus, WhoAmI } from '../../../types/identity';
import type { Ports } from '../../ports';
import { C } from '../collections';
import type { PersonDoc } from '../shared/records';
import { allowedActions, townshipActions } from '../permissions';
import type { VillageDoc } from '../shared/records';
import { pendingRequest } from './binding';
import { type BindingDoc, callerInVillage, derivedRoles, type StaffDoc } from '../caller/api';
import { villageStatus } from './standing';

// The caller asking about themself: which villages and townships know them, and where they stand in one village.

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
