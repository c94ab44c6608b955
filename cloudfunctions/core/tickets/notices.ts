// Who hears of a change to a ticket: in the inbox within the change's transaction, and by WeChat
// message (collected in `Outgoing`) only once it has committed.
import type { Ports } from '../../ports';
import type { Notice } from '../../ports/notifier';
import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { putInbox } from '../messages/api';
import type { PersonDoc } from '../shared/records';
import type { VillageDoc } from '../shared/records';
import { askerOf, chinaDay, kindWord, type AskerDoc, type TicketDoc } from './model';
import { linkOf, titleOf } from './rules';

/** Messages outside the app, sent once the change they announce has committed. */
export type Outgoing = { openids: string[]; notice: Notice }[];

export async function send(ports: Ports, out: Outgoing): Promise<void> {
  for (const o of out) if (o.openids.length > 0) await ports.notifier.send(o.openids, o.notice);
}

async function inboxTo(
  tx: Transaction,
  openid: string,
  villageId: string,
  text: string,
  link: string,
  at: string,
  about?: { ticketId: string },
): Promise<void> {
  await putInbox(tx, [openid], { villageId, text, link, at, about });
}

export async function villageNameOf(tx: Transaction, villageId: string): Promise<string> {
  return (await tx.get<VillageDoc>(C.villages, villageId))?.name ?? '';
}

/** The asker hears of an answer in the inbox, and by WeChat message if they allowed one. */
export async function tellAsker(tx: Transaction, idKey: string, doc: TicketDoc, at: string, out: Outgoing): Promise<void> {
  const stored = await tx.get<AskerDoc>(C.ticketAskers, doc._id);
  if (!stored) return;
  const asker = askerOf(idKey, stored);
  // Reports and suggestions have no page of their own: 码上监督's 我提过的 lists the asker's own with their answers.
  const link = linkOf(doc.villageId, doc.subject) ?? `/pages/tickets/index?villageId=${doc.villageId}&tab=mine`;
  // An anonymous asker's message is addressed by their account key, not their account: a stored
  // message to an account at the moment this ticket was answered would name them.
  await inboxTo(tx, doc.anonymous ? doc.askerKey : asker.openid, doc.villageId, `${titleOf(doc)}有了答复，请查看并评价。`, link, at, { ticketId: doc._id });
  out.push({
    openids: [asker.openid],
    notice: {
      kind: 'ticket.answered',
      page: link.slice(1),
      fields: { title: titleOf(doc), village: await villageNameOf(tx, doc.villageId), date: chinaDay(at) },
    },
  });
}

/** Township staff hear of a 大事 at once; it waits in the 问题台账 under 已转镇里. */
export async function tellTownship(tx: Transaction, doc: TicketDoc, staff: string[], text: string, at: string, out: Outgoing): Promise<void> {
  const link = `/packages/supervise/tickets/index?villageId=${doc.villageId}&show=all`;
  for (const openid of staff) await inboxTo(tx, openid, doc.villageId, text, link, at);
  out.push({
    openids: staff,
    notice: {
      kind: 'ticket.escalated',
      page: link.slice(1),
      fields: { title: `${kindWord(doc)}转到镇里`, village: await villageNameOf(tx, doc.villageId), date: chinaDay(at) },
    },
  });
}

const assignedPage = (villageId: string) => `/packages/cadre/assigned/index?villageId=${villageId}`;

export async function tellAssignee(tx: Transaction, doc: TicketDoc, personId: string, text: string, at: string, out: Outgoing): Promise<void> {
  const person = await tx.get<PersonDoc>(C.people, personId);
  if (!person?.boundOpenid) return;
  const link = assignedPage(doc.villageId);
  await inboxTo(tx, person.boundOpenid, doc.villageId, text, link, at);
  out.push({
    openids: [person.boundOpenid],
    notice: {
      kind: 'ticket.assigned',
      page: link.slice(1),
      fields: {
        title: `${kindWord(doc)}：${Array.from(doc.text).slice(0, 12).join('')}`,
        village: await villageNameOf(tx, doc.villageId),
        date: chinaDay(doc.dueAt),
      },
    },
  });
}
