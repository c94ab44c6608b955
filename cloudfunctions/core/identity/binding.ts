import type { BindRequestView, VillageStatus } from '../../../types/identity';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import type { Actor } from '../shared/records';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { hashIdNumber, idProblemMessage, nameKey, parseIdNumber, phoneHashOf, setBoundAccount } from '../people/api';
import type { PersonDoc } from '../shared/records';
import { AppError, fail } from '../shared/errors';
import { chinaDay } from '../shared/time';
import { actorOf, authorize, callerInVillage, type BindingDoc } from '../caller/api';
import { attemptsLeft, consumeAttempt } from '../limits/api';
import { putInbox } from '../messages/api';
import { bindingPolicy } from './policy';
import { villageStatus } from './standing';

/** A request to be confirmed in person: one per account and village. */
export interface BindRequestDoc {
  /** `${villageId}:${openid}` */
  _id: string;
  villageId: string;
  openid: string;
  personId: string;
  at: string;
  state: 'pending' | 'approved' | 'rejected';
  [k: string]: unknown;
}

const MISMATCH = '姓名或身份证号与本村花名册不一致。';
const TAKEN = '这位村民已经绑定了另一个微信。如果换了手机或微信，请联系村务监督委员会办理换绑。';
const HOW: Record<'phone' | 'inPerson', string> = { phone: '用微信验证过的手机号', inPerson: '经村务监督委员会当面确认' };

async function inboxTo(tx: Transaction, openid: string, villageId: string, text: string, at: string, link?: string): Promise<void> {
  await putInbox(tx, [openid], { villageId, text, at, link });
}

/** The 监委会's members with an account: they hear of every binding and every request. */
async function supervisorsOf(tx: Transaction, villageId: string): Promise<PersonDoc[]> {
  const holders = (await tx.get<{ _id: string; holders: Record<string, string[]> }>(C.villageRoles, villageId))?.holders ?? {};
  const ids = [...new Set([...(holders.supervisor_chair ?? []), ...(holders.supervisor ?? [])])];
  const people = await Promise.all(ids.map((id) => tx.get<PersonDoc>(C.people, id)));
  return people.filter((p): p is PersonDoc => !!p && !!p.boundOpenid && p.inRoster);
}

/**
 * Binds an account to a roster person, in one transaction with its audit record, and tells the
 * person's household head and the 监委会: if it was not the person, somebody who knows them hears
 * of it at once.
 */
async function bind(
  ports: Ports,
  a: { villageId: string; openid: string; personId: string; how: 'phone' | 'inPerson'; actor: Actor; requestId?: string },
): Promise<void> {
  const at = ports.clock.now().toISOString();
  // The household head is found by a query, which a transaction cannot run: looked up first.
  const known = await ports.store.collection<PersonDoc>(C.people).get(a.personId);
  const [head] =
    known && !known.isHouseholdHead
      ? await ports.store
          .collection<PersonDoc>(C.people)
          .find({ where: { villageId: a.villageId, householdNo: known.householdNo, isHouseholdHead: true, inRoster: true }, limit: 1 })
      : [];
  await ports.store.transaction(async (tx) => {
    // Read again inside the transaction: two phones verifying the same person at once.
    const person = await tx.get<PersonDoc>(C.people, a.personId);
    if (!person?.inRoster) throw fail.notFound('本村花名册中没有这个人。');
    if (person.boundOpenid && person.boundOpenid !== a.openid) throw fail.conflict(TAKEN);
    // A binding left from a person a later import took off the roster (or corrected) is released.
    const bindingId = `${a.villageId}:${a.openid}`;
    const stale = await tx.get<BindingDoc>(C.bindings, bindingId);
    if (stale) {
      const was = await tx.get<PersonDoc>(C.people, stale.personId);
      if (was && was.boundOpenid === a.openid) await setBoundAccount(tx, was._id, null);
      await tx.remove(C.bindings, bindingId);
    }
    await tx.add(C.bindings, { _id: bindingId, villageId: a.villageId, openid: a.openid, personId: a.personId, boundAt: at });
    await setBoundAccount(tx, a.personId, a.openid);
    if (a.requestId) await tx.update(C.bindRequests, a.requestId, { state: 'approved' });
    await appendAudit(tx, a.villageId, {
      actor: a.actor,
      action: 'identity.verify',
      target: `person:${a.personId}`,
      change: { personId: a.personId, openid: a.openid, how: a.how },
      at,
    });
    const told = new Set<string>([a.openid]);
    if (head?.boundOpenid && !told.has(head.boundOpenid)) {
      told.add(head.boundOpenid);
      await inboxTo(
        tx,
        head.boundOpenid,
        a.villageId,
        `您家户里的${person.name}刚刚${HOW[a.how]}，把一个微信认证成了本村村民。如果不是本人办的，请马上联系村务监督委员会。`,
        at,
      );
    }
    for (const s of await supervisorsOf(tx, a.villageId)) {
      if (told.has(s.boundOpenid as string)) continue;
      told.add(s.boundOpenid as string);
      await inboxTo(
        tx,
        s.boundOpenid as string,
        a.villageId,
        `${person.name}（户号 ${person.householdNo}）刚刚${HOW[a.how]}认证为本村村民。如果不是本人，请核实后办理换绑。`,
        at,
      );
    }
  });
}

/**
 * Village verification. Name and ID number must match the roster — but a neighbour knows both, so
 * that alone never binds. With `phoneCode` (the mini-program's 手机号 button) the number WeChat
 * verified for the account must be the one on the roster; without it, the request waits for a
 * 监委会 member to confirm it face to face (decideBind). Wrong names and numbers count against the
 * account and the person (5 an hour each).
 */
export async function verify(ports: Ports, input: { villageId: string; name: string; idNumber: string; phoneCode?: string }): Promise<VillageStatus> {
  const ctx = await callerInVillage(ports, input.villageId);
  const openid = ctx.openid;
  if (!openid) throw new AppError('UNAUTHENTICATED', '请在微信中打开阳光村务后再认证。');
  if (!ports.idKey) throw new AppError('INTERNAL', '系统尚未配置身份证号加密密钥，请联系管理员。');
  if (ctx.person) {
    if (ctx.person.nameKey === nameKey(input.name)) return villageStatus(true, false, ctx.roles);
    throw fail.conflict(`这个微信已经认证为本村村民“${ctx.person.name}”。如需更正，请联系村务监督委员会。`);
  }
  const parsed = parseIdNumber(input.idNumber);
  if (typeof parsed === 'string') throw fail.invalid(`${idProblemMessage(parsed, input.idNumber)}。请核对后重新输入（老身份证的 15 位号码也可以）。`);

  // Every attempt is counted before anything is looked up, in one transaction, so parallel
  // guesses cannot all slip under the limit.
  const accountKey = `verify:${input.villageId}:${openid}`;
  await consumeAttempt(ports, accountKey);
  const personId = `${input.villageId}:${hashIdNumber(ports.idKey, parsed.normalized)}`;
  const person = await ports.store.collection<PersonDoc>(C.people).get(personId);
  // Guesses spread over many accounts still count against the person.
  if (person) await consumeAttempt(ports, `verify-person:${personId}`);
  if (!person?.inRoster || person.nameKey !== nameKey(input.name)) {
    const left = await attemptsLeft(ports, accountKey);
    throw fail.notFound(left > 0 ? `${MISMATCH}还可以再试 ${left} 次。` : `${MISMATCH}尝试次数已用完，请一小时后再试。`);
  }
  if (person.boundOpenid && person.boundOpenid !== openid) throw fail.conflict(TAKEN);

  if (input.phoneCode) {
    if (!ports.phones) throw fail.precondition('这里不能用手机号核对，请改为请村务监督委员会当面确认。');
    const phone = await ports.phones.numberOf(input.phoneCode);
    if (!phone) throw fail.invalid('没能取得微信验证过的手机号，请再点一次“用微信手机号核对”，或改为请村务监督委员会当面确认。');
    if (!person.phoneHash)
      throw fail.precondition('花名册里没有登记您的手机号，不能用手机号核对。请改为请村务监督委员会当面确认，或请村里在花名册里补上手机号。');
    if (phoneHashOf(ports.idKey, phone) !== person.phoneHash)
      throw fail.precondition('微信验证过的手机号与花名册里登记的不一致。请改为请村务监督委员会当面确认。');
    await bind(ports, { villageId: input.villageId, openid, personId, how: 'phone', actor: { openid, personId, roles: ['visitor'] } });
    const after = await callerInVillage(ports, input.villageId);
    return villageStatus(true, false, after.roles);
  }

  const at = ports.clock.now().toISOString();
  const requestId = `${input.villageId}:${openid}`;
  await ports.store.transaction(async (tx) => {
    await tx.set(C.bindRequests, requestId, { villageId: input.villageId, openid, personId, at, state: 'pending' });
    await appendAudit(tx, input.villageId, {
      actor: { openid, personId: null, roles: ['visitor'] },
      action: 'identity.requestBind',
      target: `person:${personId}`,
      change: { personId, openid },
      at,
    });
    for (const s of await supervisorsOf(tx, input.villageId)) {
      await inboxTo(
        tx,
        s.boundOpenid as string,
        input.villageId,
        `有人申请认证为本村村民“${person.name}”（户号 ${person.householdNo}），请当面核对身份证后，在“我的” → 认证申请 里确认。`,
        at,
        `/packages/supervise/bindings/index?villageId=${input.villageId}`,
      );
    }
  });
  return villageStatus(false, true, ctx.roles);
}

/** Requests waiting for the 监委会, oldest first. */
export async function bindRequests(ports: Ports, input: { villageId: string }): Promise<{ requests: BindRequestView[] }> {
  authorize(await callerInVillage(ports, input.villageId), bindingPolicy.bindRequests);
  const rows = await ports.store
    .collection<BindRequestDoc>(C.bindRequests)
    .find({ where: { villageId: input.villageId, state: 'pending' }, orderBy: [['at', 'asc']], limit: 200 });
  const out: BindRequestView[] = [];
  for (const r of rows) {
    const p = await ports.store.collection<PersonDoc>(C.people).get(r.personId);
    if (!p) continue;
    out.push({
      id: r._id,
      personId: p._id,
      name: p.name,
      idMasked: p.idMasked,
      householdNo: p.householdNo,
      relation: p.relation,
      bound: !!p.boundOpenid,
      requestedOn: chinaDay(new Date(r.at)),
    });
  }
  return { requests: out };
}

/**
 * A 监委会 member, having seen the person and their ID card, confirms the request (the account is
 * bound) or turns it down (the requester is told why).
 */
export async function decideBind(
  ports: Ports,
  input: { villageId: string; requestId: string; approve: boolean; note?: string },
): Promise<{ requests: BindRequestView[] }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, bindingPolicy.decideBind);
  const request = await ports.store.collection<BindRequestDoc>(C.bindRequests).get(input.requestId);
  if (!request || request.villageId !== input.villageId || request.state !== 'pending') throw fail.notFound('这条认证申请不在了，可能已经处理过。');
  if (input.approve) {
    await bind(ports, {
      villageId: input.villageId,
      openid: request.openid,
      personId: request.personId,
      how: 'inPerson',
      actor: actorOf(ctx),
      requestId: request._id,
    });
  } else {
    if (!input.note) throw fail.invalid('请写明为什么不确认，申请的人会看到。');
    const at = ports.clock.now().toISOString();
    await ports.store.transaction(async (tx) => {
      await tx.update(C.bindRequests, request._id, { state: 'rejected' });
      await appendAudit(tx, input.villageId, {
        actor: actorOf(ctx),
        action: 'identity.rejectBind',
        target: `person:${request.personId}`,
        change: { note: input.note },
        at,
      });
      await inboxTo(tx, request.openid, input.villageId, `村务监督委员会没有确认您的认证申请：${input.note}`, at);
    });
  }
  return bindRequests(ports, { villageId: input.villageId });
}

/** Whether this account has a request waiting (for the 我的 page). */
export async function pendingRequest(ports: Ports, villageId: string, openid: string | null): Promise<boolean> {
  if (!openid) return false;
  const r = await ports.store.collection<BindRequestDoc>(C.bindRequests).get(`${villageId}:${openid}`);
  return r?.state === 'pending';
}
