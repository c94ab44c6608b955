// The lists: the 监委会's 问题台账, an assignee's 小事, and a villager's own.
import type { QueueFilter, TicketView } from '../../../types/tickets';
import type { Ports } from '../../ports';
import { cmd, type Where } from '../../ports/docstore';
import { C } from '../collections';
import { authorize, callerInVillage } from '../caller/api';
import { fail } from '../shared/errors';
import { askerKeyOf, type TicketDoc } from './model';
import { ticketPolicy } from './policy';
import { byDayAnonymousApart, DAY } from './rules';
import { views } from './views';

/** 问题台账: every point of the village, filterable by state, kind, category and age. */
export async function queue(ports: Ports, input: QueueFilter): Promise<{ tickets: TicketView[]; open: number }> {
  authorize(await callerInVillage(ports, input.villageId), ticketPolicy.queue);
  const where: Where = { villageId: input.villageId };
  if (input.state) where.state = input.state;
  if (input.kind) where.kind = input.kind;
  if (input.category) where.category = input.category;
  if (input.overdue) where.overdue = true;
  if (input.answered) where.firstAnsweredAt = cmd.neq(null);
  if (input.rated) where.lastRating = cmd.neq(null);
  if (input.olderThanDays !== undefined) where.createdAt = cmd.lte(new Date(ports.clock.now().getTime() - input.olderThanDays * DAY).toISOString());
  const tickets = ports.store.collection<TicketDoc>(C.tickets);
  const [rows, open] = await Promise.all([
    tickets.find({ where, orderBy: [['createdAt', input.state === 'open' ? 'asc' : 'desc']], limit: 200 }),
    tickets.count({ villageId: input.villageId, state: cmd.in(['open', 'escalated']) }),
  ]);
  return { tickets: byDayAnonymousApart(await views(ports, rows, { withAsker: true }), 'createdAt', input.state !== 'open'), open };
}

/** The 小事 handed to the caller here: to answer, or answered and waiting for the asker's rating. */
export async function assigned(ports: Ports, input: { villageId: string }): Promise<{ tickets: TicketView[] }> {
  const ctx = await callerInVillage(ports, input.villageId);
  if (!ctx.openid) throw fail.unauthenticated();
  if (!ctx.person) throw fail.unverified();
  const rows = await ports.store.collection<TicketDoc>(C.tickets).find({
    where: { villageId: input.villageId, 'assignee.personId': ctx.person._id, state: cmd.in(['open', 'answered']) },
    orderBy: [['dueAt', 'asc']],
    limit: 200,
  });
  return { tickets: byDayAnonymousApart(await views(ports, rows, { withAsker: true }), 'dueAt', false) };
}

/** The caller's own questions, reports and suggestions in this village, newest first. */
export async function mine(ports: Ports, input: { villageId: string }): Promise<{ tickets: TicketView[] }> {
  const openid = ports.caller.openid;
  if (!openid) return { tickets: [] };
  const rows = await ports.store.collection<TicketDoc>(C.tickets).find({
    where: { askerKey: askerKeyOf(ports, openid), villageId: input.villageId },
    orderBy: [['createdAt', 'desc']],
    limit: 100,
  });
  return { tickets: await views(ports, rows) };
}
