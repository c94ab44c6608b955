import { randomBytes } from 'node:crypto';
import type { DocStore, Transaction } from '../../ports/docstore';
import { C } from '../collections';

/**
 * What messages need of a village: its id, its name to show, whether it is open. Read straight
 * from the villages collection rather than as the village capability's VillageDoc, so messages,
 * which the village tells people through, does not depend on it in turn.
 */
export interface VillageName {
  _id: string;
  name: string;
  enabled: boolean;
  [k: string]: unknown;
}

/** What a message is about, so its reader can be told when there is nothing left to do. */
export interface InboxAbout {
  meetingId?: string;
  ticketId?: string;
}

/** One in-app message to one account: the only shape of the inbox, whoever writes it. */
export interface InboxDoc {
  _id: string;
  openid: string;
  villageId: string | null;
  text: string;
  at: string;
  read: boolean;
  link?: string | null;
  about?: InboxAbout;
  [k: string]: unknown;
}

/** A message as its sender words it; who receives it is said separately. */
export interface Message {
  villageId: string;
  text: string;
  at: string;
  /** The page it opens (the exact thing it is about); none for a plain notice. */
  link?: string;
  about?: InboxAbout;
}

/**
 * One document per account, each account once. Ids start with the time so the inbox reads in
 * order; the random tail keeps two messages of the same moment apart.
 */
export function inboxDocs(openids: Iterable<string | null | undefined>, m: Message): InboxDoc[] {
  const to = [...new Set([...openids].filter((o): o is string => !!o))];
  return to.map((openid) => ({
    _id: `${m.at}:${randomBytes(6).toString('hex')}`,
    openid,
    villageId: m.villageId,
    text: m.text,
    ...(m.link ? { link: m.link } : {}),
    at: m.at,
    read: false,
    ...(m.about ? { about: m.about } : {}),
  }));
}

/** In the transaction of the change the message reports: both happen or neither. */
export async function putInbox(tx: Transaction, openids: Iterable<string | null | undefined>, m: Message): Promise<number> {
  const docs = inboxDocs(openids, m);
  for (const d of docs) await tx.add(C.inbox, d);
  return docs.length;
}

/** Outside a transaction, for messages to many (a vote's electors, a timer's reminders): one batch. */
export async function putInboxMany(store: DocStore, openids: Iterable<string | null | undefined>, m: Message): Promise<number> {
  const docs = inboxDocs(openids, m);
  if (docs.length) await store.collection<InboxDoc>(C.inbox).addMany(docs);
  return docs.length;
}
