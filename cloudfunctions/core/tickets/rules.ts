// 码上监督's rules as plain functions: no ports, no store, no clock of their own (they are handed
// "now"), so each can be tested on its edges alone.
import type { Role } from '../../../types/roles';
import type { AnswerRating, Assignee, TicketView } from '../../../types/tickets';
import { ASSIGNABLE } from './policy';
import { chinaDay, NO_STATS, type StatsDoc, type TicketDoc } from './model';

export const DAY = 24 * 3600 * 1000;
/** Tickets per account per day: enough for anyone with something to say, not for a flood. */
export const TICKETS_PER_DAY = 10;
/** Photos per account per day. */
export const PHOTOS_PER_DAY = 30;

/** Where a question's subject opens in the app. */
export function linkOf(villageId: string, s: TicketDoc['subject']): string | null {
  if (!s) return null;
  switch (s.type) {
    case 'disclosure':
      return `/pages/item/index?villageId=${villageId}&quarter=${s.quarter}&itemId=${encodeURIComponent(s.itemId)}`;
    case 'ledger':
      return `/pages/money/index?villageId=${villageId}&month=${s.month}&rowId=${s.rowId}`;
    case 'asset':
      return `/pages/assets/index?villageId=${villageId}&assetId=${s.id}`;
    case 'contract':
      return `/pages/assets/index?villageId=${villageId}&contractId=${s.id}`;
  }
}

/** How the asker's messages name what they asked. */
export const titleOf = (d: TicketDoc) => (d.subject ? `您对“${d.subject.title}”的提问` : d.kind === 'report' ? '您反映的问题' : '您的建议');

/** Where an item's audit records go: an anonymous asker's acts on a chain of their own (see store). */
export const askerScope = (d: TicketDoc) => (d.anonymous ? `anon:${d.villageId}` : d.villageId);

/**
 * Who uploaded is not kept, nor the phone's name for the file (IMG_20261205_073012.jpg says
 * when it was taken): the photo may belong to an anonymous report.
 */
export const photoName = (name: string) => (/\.png$/i.test(name) ? '照片.png' : '照片.jpg');

/** A ticket as filed: open, due `days` after `now`. */
export function newTicket(
  id: string,
  now: Date,
  fields: Pick<TicketDoc, 'villageId' | 'kind' | 'subject' | 'category' | 'text' | 'photos' | 'anonymous' | 'askerKey' | 'askerPersonId'>,
  days: number,
): TicketDoc {
  return {
    _id: id,
    ...fields,
    state: 'open',
    createdAt: now.toISOString(),
    dueAt: new Date(now.getTime() + days * DAY).toISOString(),
    overdue: false,
    reminded: false,
    triage: null,
    assignee: null,
    answers: [],
    ratings: [],
    firstAnsweredAt: null,
    lastRating: null,
    reopened: 0,
    escalated: null,
    closed: null,
    public: false,
    seconds: 0,
  };
}

/** An answer the asker has not rated yet: it can be rated, and the ticket cannot be closed. */
export const awaitingRating = (d: Pick<TicketDoc, 'ratings' | 'answers'>) => d.ratings.length < d.answers.length;

/**
 * What a rating changes. 满意 / 基本满意 end it (the 监委会 then closes it with what was done);
 * the first 不满意 reopens it with a new deadline `days` from `now`; a second escalates it to the township.
 */
export function afterRating(doc: Pick<TicketDoc, 'ratings' | 'reopened'>, rating: AnswerRating, now: Date, days: number): Partial<TicketDoc> {
  const at = now.toISOString();
  const patch: Partial<TicketDoc> = { ratings: [...doc.ratings, { rating, at }], lastRating: rating };
  if (rating !== '不满意') return patch;
  if (doc.reopened !== 0) return { ...patch, state: 'escalated', escalated: { at, why: 'dissatisfied' } };
  return { ...patch, state: 'open', reopened: 1, dueAt: new Date(now.getTime() + days * DAY).toISOString(), overdue: false, reminded: false };
}

/**
 * A village's counts after a change. `unanswered` moves only on a count that has it: one begun
 * before the field existed stays without it (readers count) rather than start wrong.
 */
export function nextStats(doc: Partial<StatsDoc>, change: Partial<typeof NO_STATS>, unanswered = 0): Record<string, number> {
  const next: Record<string, number> = {};
  for (const k of Object.keys(NO_STATS) as (keyof typeof NO_STATS)[]) next[k] = (doc[k] ?? 0) + (change[k] ?? 0);
  if (typeof doc.unanswered === 'number') next.unanswered = doc.unanswered + unanswered;
  return next;
}

/** The assignable roles each person holds, in ASSIGNABLE's order. */
export function assignableRolesOf(holders: Record<string, string[]>): Map<string, Role[]> {
  const roles = new Map<string, Role[]>();
  for (const r of ASSIGNABLE) for (const id of holders[r] ?? []) roles.set(id, [...(roles.get(id) ?? []), r]);
  return roles;
}

/** The 监委会's list of whom to hand a 小事 to: by their first role, then by name. */
export const byRoleThenName = (a: Assignee, b: Assignee) =>
  ASSIGNABLE.indexOf(a.roles[0]) - ASSIGNABLE.indexOf(b.roles[0]) || a.name.localeCompare(b.name, 'zh-CN');

/**
 * A list by day, named items of a day in their order and anonymous ones after them in an order
 * of no meaning (their random ids): never an anonymous item between two named ones by its minute.
 */
export function byDayAnonymousApart(list: TicketView[], field: 'createdAt' | 'dueAt', newestFirst: boolean): TicketView[] {
  const dir = newestFirst ? -1 : 1;
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...list].sort((a, b) => {
    const days = cmp(chinaDay(a[field]), chinaDay(b[field]));
    if (days !== 0) return days * dir;
    if (a.anonymous !== b.anonymous) return a.anonymous ? 1 : -1;
    return a.anonymous ? cmp(a.id, b.id) : cmp(a[field], b[field]) * dir;
  });
}
