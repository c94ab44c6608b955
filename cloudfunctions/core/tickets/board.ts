// 建议栏: suggestions the 监委会 chose to show, and villagers' 附议 of them.
import type { TicketView } from '../../../types/tickets';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { authorize, callerInVillage } from '../caller/api';
import { limitedTransaction } from '../limits/api';
import { fail } from '../shared/errors';
import { change } from './change';
import type { TicketDoc } from './model';
import { ticketPolicy } from './policy';
import { byDayAnonymousApart } from './rules';
import { views } from './views';

/** Suggestions the 监委会 chose to show, with their answers and 附议 counts. */
export async function board(ports: Ports, input: { villageId: string }): Promise<{ tickets: TicketView[] }> {
  await callerInVillage(ports, input.villageId);
  const rows = await ports.store
    .collection<TicketDoc>(C.tickets)
    .find({ where: { villageId: input.villageId, public: true }, orderBy: [['createdAt', 'desc']], limit: 100 });
  return { tickets: byDayAnonymousApart(await views(ports, rows), 'createdAt', true) };
}

export function markPublic(ports: Ports, input: { villageId: string; ticketId: string; public: boolean }): Promise<TicketView> {
  return change(ports, input, ticketPolicy.markPublic, 'tickets.markPublic', async (doc) => {
    if (doc.kind !== 'suggestion') throw fail.precondition('只有建议可以公开到建议栏。');
    return { public: input.public };
  });
}

/** 附议: once per villager, however many phones or taps. */
export async function second(ports: Ports, input: { villageId: string; ticketId: string }): Promise<{ seconds: number }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, ticketPolicy.second);
  const person = ctx.person;
  if (!person) throw fail.unverified();
  let seconds = 0;
  await limitedTransaction(ports, 'second', ctx.openid, async (tx) => {
    const doc = await tx.get<TicketDoc>(C.tickets, input.ticketId);
    if (!doc || doc.villageId !== input.villageId || !doc.public) throw fail.notFound('没有找到这条公开的建议。');
    const id = `${doc._id}:${person._id}`;
    if (await tx.get(C.ticketSeconds, id)) throw fail.conflict('您已经附议过这条建议了。');
    await tx.add(C.ticketSeconds, { _id: id, ticketId: doc._id, personId: person._id, at: ports.clock.now().toISOString() });
    seconds = doc.seconds + 1;
    await tx.update(C.tickets, doc._id, { seconds });
  });
  return { seconds };
}
