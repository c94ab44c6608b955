import type { Role } from '../../../types/roles';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { fail } from '../shared/errors';
import type { Rule } from '../shared/policy';
import type { Actor, PersonDoc, TownshipDoc, VillageDoc } from '../shared/records';

export interface BindingDoc {
  /** `${villageId}:${openid}`: one account binds to at most one person per village. */
  _id: string;
  villageId: string;
  openid: string;
  personId: string;
  boundAt: string;
  [k: string]: unknown;
}

export interface StaffDoc {
  /** `${townshipId}:${openid}` */
  _id: string;
  townshipId: string;
  openid: string;
  name: string;
  roles: Role[];
  [k: string]: unknown;
}

export interface CallerInVillage {
  openid: string | null;
  village: VillageDoc;
  person: PersonDoc | null;
  roles: Role[];
}

/** Roles that follow from the roster itself; the rest are assigned. */
export function derivedRoles(p: PersonDoc): Role[] {
  if (!p.inRoster) return [];
  const roles: Role[] = ['villager'];
  if (p.isHouseholdHead) roles.push('household_head');
  if (p.representative) roles.push('representative');
  if (p.partyMember) roles.push('party_member');
  return roles;
}

/**
 * Who the caller is in this village, from the platform identity only: their bound roster person
 * (derived and assigned roles) and any township role over the village's township.
 */
export async function callerInVillage(ports: Ports, villageId: string): Promise<CallerInVillage> {
  const village = await ports.store.collection<VillageDoc>(C.villages).get(villageId);
  if (!village?.enabled) throw fail.notFound('没有找到这个村，可能已停用。');
  const openid = ports.caller.openid;
  const roles = new Set<Role>(['visitor']);
  let person: PersonDoc | null = null;
  if (openid) {
    const binding = await ports.store.collection<BindingDoc>(C.bindings).get(`${villageId}:${openid}`);
    if (binding) {
      person = await ports.store.collection<PersonDoc>(C.people).get(binding.personId);
      if (person?.inRoster && person.boundOpenid === openid) {
        for (const r of [...derivedRoles(person), ...(person.assignedRoles ?? [])]) roles.add(r);
      } else {
        person = null;
      }
    }
    const staff = await ports.store.collection<StaffDoc>(C.staff).get(`${village.townshipId}:${openid}`);
    for (const r of staff?.roles ?? []) roles.add(r);
  }
  return { openid, village, person, roles: [...roles] };
}

/**
 * Deny by default: the caller needs one of the rule's roles in the village or township the action
 * targets. Shared by village-scoped and township-scoped actions.
 */
export function authorize(ctx: { openid: string | null; person?: PersonDoc | null; roles: Role[] }, rule: Rule): void {
  if (rule.allow === 'anyone') return;
  if (rule.allow.some((r) => ctx.roles.includes(r))) return;
  if (!ctx.openid) throw fail.unauthenticated();
  if (!ctx.person && ctx.roles.length === 1) throw fail.unverified();
  throw fail.denied();
}

export function actorOf(ctx: CallerInVillage): Actor {
  return { openid: ctx.openid, personId: ctx.person?._id ?? null, roles: ctx.roles };
}

export interface CallerInTownship {
  openid: string | null;
  township: TownshipDoc;
  roles: Role[];
  /** The staff member's name, for records that say who at the township acted. */
  name: string | null;
}

/** Who the caller is in a township: its staff roles, if any. */
export async function callerInTownship(ports: Ports, townshipId: string): Promise<CallerInTownship> {
  const township = await ports.store.collection<TownshipDoc>(C.townships).get(townshipId);
  if (!township) throw fail.notFound('没有找到这个镇。');
  const openid = ports.caller.openid;
  const staff = openid ? await ports.store.collection<StaffDoc>(C.staff).get(`${townshipId}:${openid}`) : null;
  return { openid, township, roles: ['visitor', ...(staff?.roles ?? [])], name: staff?.name ?? null };
}

/** The accounts of a township's staff, whoever is told of what reaches the township. */
export async function townshipStaffOpenids(ports: Ports, townshipId: string): Promise<string[]> {
  return (await ports.store.collection<StaffDoc>(C.staff).find({ where: { townshipId }, limit: 200 })).map((s) => s.openid);
}

/** The roster person an account is bound to in a village, if any: the same binding callerInVillage reads. */
export async function boundPersonId(ports: Ports, villageId: string): Promise<string | null> {
  const openid = ports.caller.openid;
  if (!openid) return null;
  return (await ports.store.collection<BindingDoc>(C.bindings).get(`${villageId}:${openid}`))?.personId ?? null;
}

export function townshipActorOf(ctx: CallerInTownship): Actor {
  return { openid: ctx.openid, personId: null, roles: ctx.roles };
}
