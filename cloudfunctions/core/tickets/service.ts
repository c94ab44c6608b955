import { randomBytes } from 'node:crypto';
import type { AskInput, TicketView } from '../../../types/tickets';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/chain';
import { C } from '../collections';
import { itemKeyOf, type ItemDoc } from '../disclosure/model';
import { monthKeyOf, type MonthDoc, type RowDoc } from '../finance/model';
import { actorOf, authorize, callerInVillage } from '../identity/context';
import type { PersonDoc } from '../people/model';
import { fail } from '../shared/errors';
import { SUPERVISORS, type Rule } from '../shared/policy';

/**
 * 码上监督 tickets. Here: 询, a verified villager's question about a published item, which goes
 * to the 监委会's queue; the 监委会 answers and the asker is told in their inbox.
 */
export const ticketPolicy = {
  ask: { allow: ['villager'], scope: 'village' },
  queue: { allow: SUPERVISORS, scope: 'village' },
  answer: { allow: SUPERVISORS, scope: 'village' },
  // Anyone signed in may list their own (possibly none).
  mine: { allow: 'anyone' },
} satisfies Record<string, Rule>;

export interface TicketDoc {
  _id: string;
  villageId: string;
  kind: 'question';
  subject: TicketView['subject'];
  text: string;
  askerOpenid: string;
  askerPersonId: string;
  state: 'open' | 'answered';
  createdAt: string;
  answer: { text: string; at: string; byPersonId: string | null } | null;
  [k: string]: unknown;
}

/** Where a question's subject opens in the app. */
export function linkOf(villageId: string, s: TicketView['subject']): string {
  return s.type === 'disclosure'
    ? `/pages/item/index?villageId=${villageId}&quarter=${s.quarter}&itemId=${encodeURIComponent(s.itemId)}`
    : `/pages/money/index?villageId=${villageId}&month=${s.month}&rowId=${s.rowId}`;
}

async function view(ports: Ports, d: TicketDoc, withAsker: boolean): Promise<TicketView> {
  let askerName: string | null = null;
  if (withAsker) askerName = (await ports.store.collection<PersonDoc>(C.people).get(d.askerPersonId))?.name ?? null;
  return {
    id: d._id,
    villageId: d.villageId,
    kind: d.kind,
    subject: d.subject,
    text: d.text,
    askerName,
    state: d.state,
    createdAt: d.createdAt,
    answer: d.answer ? { text: d.answer.text, at: d.answer.at } : null,
    link: linkOf(d.villageId, d.subject),
  };
}

/** What the question is about, as published: only published items and rows of published months. */
async function subjectOf(ports: Ports, villageId: string, s: AskInput['subject']): Promise<TicketView['subject']> {
  if (s.type === 'disclosure') {
    const item = await ports.store.collection<ItemDoc>(C.disclosureItems).get(itemKeyOf({ villageId, ...s }));
    if (!item || item.publishedVersion === 0) throw fail.notFound('只能对已经公开的内容提问。');
    return { ...s, title: item.publishedTitle ?? '' };
  }
  const row = await ports.store.collection<RowDoc>(C.ledgerRows).get(s.rowId);
  const month = row ? await ports.store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(villageId, row.month)) : null;
  if (!row || row.villageId !== villageId || row.month !== s.month || month?.state !== 'published') throw fail.notFound('只能对已经公示的账目提问。');
  return { ...s, title: `${row.date} ${row.summary}` };
}

export async function ask(ports: Ports, input: AskInput): Promise<TicketView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, ticketPolicy.ask);
  if (!ctx.person || !ctx.openid) throw fail.denied('请先在“我的”里完成村民身份认证。');
  const subject = await subjectOf(ports, input.villageId, input.subject);
  const at = ports.clock.now().toISOString();
  const doc: TicketDoc = {
    _id: randomBytes(10).toString('hex'),
    villageId: input.villageId,
    kind: 'question',
    subject,
    text: input.text,
    askerOpenid: ctx.openid,
    askerPersonId: ctx.person._id,
    state: 'open',
    createdAt: at,
    answer: null,
  };
  await ports.store.transaction(async (tx) => {
    await tx.add(C.tickets, doc);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'tickets.ask', target: `ticket:${doc._id}`, change: doc, at });
  });
  return view(ports, doc, false);
}

/** The 监委会's queue, oldest open first: who asked, about what, and a link back to it. */
export async function queue(ports: Ports, input: { villageId: string; state?: 'open' | 'answered' }): Promise<{ tickets: TicketView[]; open: number }> {
  authorize(await callerInVillage(ports, input.villageId), ticketPolicy.queue);
  const tickets = ports.store.collection<TicketDoc>(C.tickets);
  const [rows, open] = await Promise.all([
    tickets.find({
      where: input.state ? { villageId: input.villageId, state: input.state } : { villageId: input.villageId },
      orderBy: [['createdAt', input.state === 'open' ? 'asc' : 'desc']],
      limit: 200,
    }),
    tickets.count({ villageId: input.villageId, state: 'open' }),
  ]);
  return { tickets: await Promise.all(rows.map((r) => view(ports, r, true))), open };
}

export async function answer(ports: Ports, input: { villageId: string; ticketId: string; text: string }): Promise<TicketView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, ticketPolicy.answer);
  const at = ports.clock.now().toISOString();
  let out: TicketDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const doc = await tx.get<TicketDoc>(C.tickets, input.ticketId);
    if (!doc || doc.villageId !== input.villageId) throw fail.notFound('没有找到这条提问。');
    if (doc.state !== 'open') throw fail.precondition('这条提问已经答复过了。');
    const patch = { state: 'answered' as const, answer: { text: input.text, at, byPersonId: ctx.person?._id ?? null } };
    await tx.update(C.tickets, doc._id, patch);
    const link = linkOf(doc.villageId, doc.subject);
    await tx.add(C.inbox, {
      _id: `${at}:${randomBytes(6).toString('hex')}`,
      openid: doc.askerOpenid,
      villageId: doc.villageId,
      text: `村务监督委员会答复了您对“${doc.subject.title}”的提问。`,
      link,
      at,
      read: false,
    });
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'tickets.answer', target: `ticket:${doc._id}`, change: patch, at });
    out = { ...doc, ...patch };
  });
  return view(ports, out as unknown as TicketDoc, true);
}

/** The caller's own questions in this village, newest first, with answers. */
export async function mine(ports: Ports, input: { villageId: string }): Promise<{ tickets: TicketView[] }> {
  const openid = ports.caller.openid;
  if (!openid) return { tickets: [] };
  const rows = await ports.store.collection<TicketDoc>(C.tickets).find({
    where: { askerOpenid: openid, villageId: input.villageId },
    orderBy: [['createdAt', 'desc']],
    limit: 100,
  });
  return { tickets: await Promise.all(rows.map((r) => view(ports, r, false))) };
}
