import { randomBytes } from 'node:crypto';
import type { FollowUp, Rating } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { limitedTransaction } from '../limits/api';
import { fail } from '../shared/errors';
import { NO_RATINGS, statsKeyOf, type QuarterStatsDoc } from './model';
import { voicePolicy } from './policy';

export interface RatingDoc {
  /** `${villageId}:${quarter}:${personId}`: one per person, whichever phone they use. */
  _id: string;
  villageId: string;
  quarter: string;
  personId: string;
  rating: Rating;
  comment: string | null;
  at: string;
  [k: string]: unknown;
}

/** Stored under `_id`; the public view calls it `id`. */
export interface FollowUpDoc extends Omit<FollowUp, 'id'> {
  _id: string;
  villageId: string;
  quarter: string;
  [k: string]: unknown;
}

export function followUpView(d: FollowUpDoc): FollowUp {
  return { id: d._id, text: d.text, itemId: d.itemId, createdAt: d.createdAt, closed: d.closed, closedAt: d.closedAt, result: d.result };
}

/**
 * 评: a verified villager rates a quarter once. The rating and the quarter's totals are written
 * together, so two taps (or two phones of one person) count once.
 */
export async function rate(
  ports: Ports,
  input: { villageId: string; quarter: string; rating: Rating; comment?: string },
): Promise<{ ratings: Record<Rating, number>; myRating: Rating }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, voicePolicy.rate);
  const person = ctx.person;
  if (!person) throw fail.unverified();
  const statsKey = statsKeyOf(input.villageId, input.quarter);
  const at = ports.clock.now().toISOString();
  let ratings = { ...NO_RATINGS };
  await limitedTransaction(ports, 'rateQuarter', ctx.openid, async (tx) => {
    const stats = await tx.get<QuarterStatsDoc>(C.quarterStats, statsKey);
    if (!stats || stats.published + (stats.adhoc ?? 0) === 0) throw fail.precondition('这个季度还没有公开内容，公开后再来评价。');
    const id = `${input.villageId}:${input.quarter}:${person._id}`;
    if (await tx.get(C.ratings, id)) throw fail.conflict('这个季度您已经评价过了，每人每季度评价一次。');
    await tx.add(C.ratings, {
      _id: id,
      villageId: input.villageId,
      quarter: input.quarter,
      personId: person._id,
      rating: input.rating,
      comment: input.comment ?? null,
      at,
    });
    ratings = { ...NO_RATINGS, ...stats.ratings, [input.rating]: (stats.ratings?.[input.rating] ?? 0) + 1 };
    const { _id, ...rest } = stats;
    await tx.set(C.quarterStats, statsKey, { ...rest, ratings });
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'disclosure.rate',
      target: `quarter:${statsKey}`,
      change: { rating: input.rating },
      at,
    });
  });
  return { ratings, myRating: input.rating };
}

/** 督: the 监委会 records a point to follow up from the quarter (e.g. raised at the 阳光报告会). */
export async function followUpAdd(ports: Ports, input: { villageId: string; quarter: string; text: string; itemId?: string }): Promise<FollowUp> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, voicePolicy.followUpAdd);
  const at = ports.clock.now().toISOString();
  const doc: FollowUpDoc = {
    _id: randomBytes(8).toString('hex'),
    villageId: input.villageId,
    quarter: input.quarter,
    text: input.text,
    itemId: input.itemId ?? null,
    createdAt: at,
    closed: false,
    closedAt: null,
    result: null,
  };
  await ports.store.transaction(async (tx) => {
    await tx.add(C.followUps, doc);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'disclosure.followUpAdd', target: `followUp:${doc._id}`, change: doc, at });
  });
  return followUpView(doc);
}

/** 销号: a point is closed with what was done; a closed point stays closed. */
export async function followUpClose(ports: Ports, input: { villageId: string; quarter: string; followUpId: string; result: string }): Promise<FollowUp> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, voicePolicy.followUpClose);
  const at = ports.clock.now().toISOString();
  const out = await ports.store.transaction(async (tx) => {
    const doc = await tx.get<FollowUpDoc>(C.followUps, input.followUpId);
    if (!doc || doc.villageId !== input.villageId || doc.quarter !== input.quarter) throw fail.notFound('没有找到这条督办事项。');
    if (doc.closed) throw fail.precondition('这条督办事项已经销号。');
    const patch = { closed: true, closedAt: at, result: input.result };
    await tx.update(C.followUps, doc._id, patch);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'disclosure.followUpClose', target: `followUp:${doc._id}`, change: patch, at });
    return { ...doc, ...patch };
  });
  return followUpView(out);
}
