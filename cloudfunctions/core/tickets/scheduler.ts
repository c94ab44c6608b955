import type { Ports } from '../../ports';
import type { Notice } from '../../ports/notifier';
import { cmd } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { townshipStaffOpenids } from '../caller/api';
import { type PersonDoc, SYSTEM_ACTOR, type VillageDoc } from '../shared/records';
import { inParallel } from '../shared/parallel';
import { chinaDay, kindWord, type TicketDoc } from './model';
import { putInboxMany } from '../messages/api';

const DAY = 24 * 3600 * 1000;
/** The 监委会 is reminded this long before a reply is due. */
export const REMIND_BEFORE_MS = 2 * DAY;
const SYSTEM = SYSTEM_ACTOR;

export interface TickReport {
  escalated: number;
  reminded: number;
}

/** The inbox always; a WeChat message too for those who allowed one (the Notifier knows). */
async function tell(ports: Ports, openids: string[], villageId: string, text: string, link: string, at: string, notice: Omit<Notice, 'page'>): Promise<void> {
  const to = [...new Set(openids)];
  await putInboxMany(ports.store, to, { villageId, text, link, at });
  if (to.length > 0) await ports.notifier.send(to, { ...notice, page: link.slice(1) });
}

/** The accounts of the village's 监委会: whoever holds the roles now. */
async function supervisorsOf(ports: Ports, villageId: string): Promise<string[]> {
  const roles = await ports.store.collection<{ _id: string; holders: Record<string, string[]> }>(C.villageRoles).get(villageId);
  const ids = [...(roles?.holders?.supervisor_chair ?? []), ...(roles?.holders?.supervisor ?? [])];
  const people = await Promise.all(ids.map((id) => ports.store.collection<PersonDoc>(C.people).get(id)));
  return people.map((p) => p?.boundOpenid).filter((o): o is string => !!o);
}

async function townshipStaffOf(ports: Ports, villageId: string): Promise<string[]> {
  const village = await ports.store.collection<VillageDoc>(C.villages).get(villageId);
  if (!village) return [];
  return townshipStaffOpenids(ports, village.townshipId);
}

/**
 * The timer's work, safe to run any number of times: a ticket past its due date without an
 * answer is marked overdue and goes to the township; the 监委会 is reminded two days before.
 * Each ticket changes in its own transaction, so a crash halfway loses nothing.
 */
export async function tick(ports: Ports): Promise<TickReport> {
  const now = ports.clock.now();
  const at = now.toISOString();
  const tickets = ports.store.collection<TicketDoc>(C.tickets);
  const report: TickReport = { escalated: 0, reminded: 0 };
  // Hundreds of tickets fall due in one hour across a township: each is read and written on its
  // own, several at a time, and what every ticket of a village needs is read once per run.
  const villageOf = once((id: string) => ports.store.collection<VillageDoc>(C.villages).get(id));
  const staffOf = once((id: string) => townshipStaffOf(ports, id));
  const supervisorsIn = once((id: string) => supervisorsOf(ports, id));

  const late = await tickets.find({ where: { state: 'open', dueAt: cmd.lt(at) }, orderBy: [['dueAt', 'asc']], limit: 500 });
  await inParallel(late, async (t) => {
    let moved = false;
    await ports.store.transaction(async (tx) => {
      const doc = await tx.get<TicketDoc>(C.tickets, t._id);
      if (doc?.state !== 'open' || doc.dueAt >= at) return;
      const patch = { overdue: true, state: 'escalated' as const, escalated: { at, why: 'overdue' as const } };
      await tx.update(C.tickets, doc._id, patch);
      await appendAudit(tx, doc.villageId, { actor: SYSTEM, action: 'tickets.overdue', target: `ticket:${doc._id}`, change: patch, at });
      moved = true;
    });
    if (!moved) return;
    report.escalated += 1;
    const village = await villageOf(t.villageId);
    await tell(
      ports,
      await staffOf(t.villageId),
      t.villageId,
      `${village?.name ?? ''}有一条${kindWord(t)}超过期限没有答复，已转到镇里。`,
      `/packages/supervise/tickets/index?villageId=${t.villageId}&show=overdue`,
      at,
      { kind: 'ticket.overdue', fields: { title: `${kindWord(t)}超期未答复`, village: village?.name ?? '', date: chinaDay(t.dueAt) } },
    );
  });

  // A 大事 (or a ticket escalated by 不满意) the township has not answered by its date is overdue too.
  const lateAtTownship = await tickets.find({ where: { state: 'escalated', overdue: false, dueAt: cmd.lt(at) }, orderBy: [['dueAt', 'asc']], limit: 500 });
  await inParallel(lateAtTownship, async (t) => {
    // Already with the township: it is marked, not sent again.
    await ports.store.transaction(async (tx) => {
      const doc = await tx.get<TicketDoc>(C.tickets, t._id);
      if (doc?.state !== 'escalated' || doc.overdue || doc.dueAt >= at) return;
      await tx.update(C.tickets, doc._id, { overdue: true });
      await appendAudit(tx, doc.villageId, { actor: SYSTEM, action: 'tickets.overdue', target: `ticket:${doc._id}`, change: { overdue: true }, at });
    });
  });

  const soon = await tickets.find({
    where: { state: 'open', reminded: false, dueAt: cmd.lte(new Date(now.getTime() + REMIND_BEFORE_MS).toISOString()) },
    orderBy: [['dueAt', 'asc']],
    limit: 500,
  });
  await inParallel(soon, async (t) => {
    let flagged = false;
    await ports.store.transaction(async (tx) => {
      const doc = await tx.get<TicketDoc>(C.tickets, t._id);
      if (doc?.state !== 'open' || doc.reminded) return;
      await tx.update(C.tickets, doc._id, { reminded: true });
      flagged = true;
    });
    if (!flagged) return;
    report.reminded += 1;
    const due = chinaDay(t.dueAt);
    const village = await villageOf(t.villageId);
    const fields = { title: `${kindWord(t)}将到答复期限`, village: village?.name ?? '', date: due };
    const text = `有一条${kindWord(t)}要在 ${due} 前答复，请尽快处理。`;
    // The person it was handed to does the work; the 监委会 keeps the ledger and hears too.
    const assignee = t.assignee ? await ports.store.collection<PersonDoc>(C.people).get(t.assignee.personId) : null;
    if (assignee?.boundOpenid) {
      await tell(ports, [assignee.boundOpenid], t.villageId, text, `/packages/cadre/assigned/index?villageId=${t.villageId}`, at, {
        kind: 'ticket.due',
        fields,
      });
    }
    const supervisors = (await supervisorsIn(t.villageId)).filter((o) => o !== assignee?.boundOpenid);
    await tell(ports, supervisors, t.villageId, text, `/packages/supervise/tickets/index?villageId=${t.villageId}`, at, { kind: 'ticket.due', fields });
  });
  return report;
}

/** `load` run once per key within a run, however many callers ask at once. */
function once<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    let p = seen.get(key);
    if (!p) {
      p = load(key);
      seen.set(key, p);
    }
    return p;
  };
}
