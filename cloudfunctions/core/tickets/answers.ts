// 答复, 评价 and 销号: a ticket's answer, the asker's rating of it, and closing it with what was done.
import type { AnswerRating, TicketView } from '../../../types/tickets';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { callerInVillage, type CallerInVillage } from '../caller/api';
import { limitedTransaction } from '../limits/api';
import { fail } from '../shared/errors';
import { change } from './change';
import { bumpStats } from './counts';
import { replyDays } from './filing';
import { askerKeyOf, chinaDay, kindWord, type TicketDoc } from './model';
import { send, tellAsker, tellAssignee, type Outgoing } from './notices';
import { ticketPolicy } from './policy';
import { afterRating, askerScope, awaitingRating } from './rules';
import { view } from './views';

/** The first answer of a ticket counts as answered, on time or not. */
export async function answered(tx: Transaction, doc: TicketDoc, at: string): Promise<void> {
  if (doc.answers.length > 0) return;
  await bumpStats(tx, doc.villageId, { answered: 1, answeredOnTime: at <= doc.dueAt ? 1 : 0 });
}

const isAssignee = (doc: TicketDoc, ctx: CallerInVillage) => !!ctx.person && doc.assignee?.personId === ctx.person._id;

export function answer(ports: Ports, input: { villageId: string; ticketId: string; text: string }): Promise<TicketView> {
  return change(
    ports,
    input,
    ticketPolicy.answer,
    'tickets.answer',
    async (doc, ctx, tx, at, out) => {
      if (doc.state !== 'open' && doc.state !== 'escalated') throw fail.precondition('这一条已经答复过了。');
      // Once it has gone to the township, the township answers it, not the person it was handed to.
      const committee = ticketPolicy.answer.allow.some((r) => ctx.roles.includes(r));
      if (!committee && doc.state !== 'open') throw fail.precondition('这一条已经转到镇里，由镇里答复。');
      await answered(tx, doc, at);
      await tellAsker(tx, ports.idKey, doc, at, out);
      return {
        state: 'answered',
        overdue: false,
        firstAnsweredAt: doc.firstAnsweredAt ?? at,
        answers: [...doc.answers, { text: input.text, at, byPersonId: ctx.person?._id ?? null }],
      };
    },
    isAssignee,
  );
}

/**
 * The asker rates the answer (what each rating does: rules.ts afterRating); when a first 不满意
 * reopens a 小事, the person it was handed to is told.
 */
export async function rate(ports: Ports, input: { villageId: string; ticketId: string; rating: AnswerRating }): Promise<TicketView> {
  const ctx = await callerInVillage(ports, input.villageId);
  if (!ctx.openid) throw fail.unauthenticated();
  const key = askerKeyOf(ports, ctx.openid);
  const days = await replyDays(ports, ctx);
  const now = ports.clock.now();
  const at = now.toISOString();
  const outgoing: Outgoing = [];
  const result = await limitedTransaction(ports, 'rateAnswer', ctx.openid, async (tx) => {
    outgoing.length = 0;
    const doc = await tx.get<TicketDoc>(C.tickets, input.ticketId);
    if (!doc || doc.villageId !== input.villageId) throw fail.notFound('没有找到这一条。');
    if (doc.askerKey !== key) throw fail.denied('只有提出的人可以评价答复。');
    if (doc.state !== 'answered' || !awaitingRating(doc)) throw fail.precondition('这条答复已经评价过了，或者还没有答复。');
    const patch = afterRating(doc, input.rating, now, days);
    if (input.rating === '不满意' && doc.reopened === 0 && doc.assignee) {
      const dueAt = patch.dueAt as string;
      await tellAssignee(
        tx,
        { ...doc, dueAt },
        doc.assignee.personId,
        `您办理的一条${kindWord(doc)}，提出的人不满意，已重新打开，请在 ${chinaDay(dueAt)} 前再次答复。`,
        at,
        outgoing,
      );
    }
    // 不满意 sends it back: unanswered again.
    await bumpStats(tx, doc.villageId, { rated: 1, satisfied: input.rating === '不满意' ? 0 : 1 }, input.rating === '不满意' ? 1 : 0);
    await tx.update(C.tickets, doc._id, patch);
    await appendAudit(tx, askerScope(doc), {
      actor: { openid: null, personId: null, roles: ['visitor'] },
      action: 'tickets.rate',
      target: `ticket:${doc._id}`,
      change: { rating: input.rating },
      at,
    });
    return { ...doc, ...patch };
  });
  await send(ports, outgoing);
  return view(ports, result);
}

/** 销号: closed with what was done. */
export function close(ports: Ports, input: { villageId: string; ticketId: string; result: string }): Promise<TicketView> {
  return change(ports, input, ticketPolicy.close, 'tickets.close', async (doc, _ctx, tx) => {
    if (doc.state !== 'answered') throw fail.precondition(doc.state === 'closed' ? '这一条已经销号了。' : '答复以后才能销号。');
    if (awaitingRating(doc)) throw fail.precondition('请等提出的人评价答复后再销号。');
    await bumpStats(tx, doc.villageId, { closed: 1 });
    return { state: 'closed', closed: { result: input.result, at: ports.clock.now().toISOString() } };
  });
}
