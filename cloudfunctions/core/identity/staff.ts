import { randomInt } from 'node:crypto';
import type { StaffInvite, StaffMember, TownshipRole } from '../../../types/identity';
import type { Role } from '../../../types/roles';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { AppError, fail } from '../shared/errors';
import { authorize, callerInTownship, townshipActorOf as actor, type StaffDoc } from '../caller/api';
import { sha256 } from '../shared/digest';
import { accountKeyOf, consume, WRITE_LIMITS } from '../limits/api';
import { staffPolicy } from './policy';
import { INVITE_CODE } from '../../../common/limits';

/** Staff are listed by an opaque key: their document id contains the OPENID. */
const staffKey = (doc: StaffDoc) => sha256(`staff:${doc._id}`).slice(0, 16);

interface InviteDoc {
  _id: string;
  townshipId: string;
  name: string;
  role: TownshipRole;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedBy: string | null;
  [k: string]: unknown;
}

const INVITE_DAYS = 7;
// No 0/O, 1/I/L: codes are read out over the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export async function inviteStaff(ports: Ports, input: { townshipId: string; name: string; role: TownshipRole }): Promise<StaffInvite> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, staffPolicy.inviteStaff);
  const now = ports.clock.now();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86400000).toISOString();
  const code = Array.from({ length: INVITE_CODE.length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  await ports.store.transaction(async (tx) => {
    await tx.add(C.staffInvites, {
      _id: code,
      townshipId: input.townshipId,
      name: input.name,
      role: input.role,
      createdBy: ctx.openid as string,
      createdAt: now.toISOString(),
      expiresAt,
      usedBy: null,
    });
    await appendAudit(tx, `township:${input.townshipId}`, {
      actor: actor(ctx),
      action: 'identity.inviteStaff',
      target: `invite:${input.name}`,
      change: { role: input.role, name: input.name, expiresAt },
      at: now.toISOString(),
    });
  });
  return { code, expiresAt };
}

export async function claimStaff(ports: Ports, input: { code: string }): Promise<{ townshipId: string; roles: Role[] }> {
  const openid = ports.caller.openid;
  if (!openid) throw new AppError('UNAUTHENTICATED', '请在微信中打开阳光村务后再输入邀请码。');
  // Counted before the code is looked up, so guessing codes gets nowhere.
  const { limit, windowMs, message } = WRITE_LIMITS.claimStaff;
  await consume(ports, `claimStaff:${accountKeyOf(ports, openid)}`, limit, windowMs, message);
  const code = input.code.toUpperCase();
  const invite = await ports.store.collection<InviteDoc>(C.staffInvites).get(code);
  const now = ports.clock.now();
  if (!invite || invite.usedBy || invite.expiresAt < now.toISOString()) {
    throw fail.notFound('邀请码无效、已使用或已过期。请向镇管理员重新索取。');
  }
  const roles = await ports.store.transaction(async (tx) => {
    const fresh = await tx.get<InviteDoc>(C.staffInvites, code);
    if (!fresh || fresh.usedBy) throw fail.notFound('邀请码无效、已使用或已过期。请向镇管理员重新索取。');
    const id = `${invite.townshipId}:${openid}`;
    const staff = await tx.get<StaffDoc>(C.staff, id);
    const roles: Role[] = [...new Set([...(staff?.roles ?? []), invite.role])];
    await tx.set(C.staff, id, { townshipId: invite.townshipId, openid, name: invite.name, roles });
    await tx.update(C.staffInvites, code, { usedBy: openid });
    await appendAudit(tx, `township:${invite.townshipId}`, {
      actor: { openid, personId: null, roles: ['visitor'] },
      action: 'identity.claimStaff',
      target: `staff:${id}`,
      change: { role: invite.role, name: invite.name },
      at: now.toISOString(),
    });
    return roles;
  });
  return { townshipId: invite.townshipId, roles };
}

export async function listStaff(ports: Ports, input: { townshipId: string }): Promise<{ staff: StaffMember[] }> {
  authorize(await callerInTownship(ports, input.townshipId), staffPolicy.listStaff);
  const rows = await ports.store.collection<StaffDoc>(C.staff).find({ where: { townshipId: input.townshipId }, limit: 1000 });
  return { staff: rows.filter((r) => r.roles.length > 0).map((r) => ({ id: staffKey(r), name: r.name, roles: r.roles })) };
}

export async function revokeStaff(ports: Ports, input: { townshipId: string; staffId: string; role: TownshipRole }): Promise<{ roles: Role[] }> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, staffPolicy.revokeStaff);
  const all = await ports.store.collection<StaffDoc>(C.staff).find({ where: { townshipId: input.townshipId }, limit: 1000 });
  const target = all.find((s) => staffKey(s) === input.staffId);
  if (!target) throw fail.notFound('没有找到这位镇级人员。');
  if (input.role === 'township_admin' && all.filter((s) => s.roles.includes('township_admin')).length <= 1 && target.roles.includes('township_admin')) {
    throw fail.precondition('这是镇里唯一的管理员，请先邀请另一位管理员再取消。');
  }
  const roles = target.roles.filter((r) => r !== input.role);
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    await tx.update(C.staff, target._id, { roles });
    await appendAudit(tx, `township:${input.townshipId}`, {
      actor: actor(ctx),
      action: 'identity.revokeStaff',
      target: `staff:${target._id}`,
      change: { role: input.role },
      at,
    });
  });
  return { roles };
}
