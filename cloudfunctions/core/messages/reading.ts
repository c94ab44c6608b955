import type { InboxMessage } from '../../../types/identity';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';
import { accountKeyOf } from '../limits/api';
import { publicationNotices } from './follow';
import type { InboxAbout, InboxDoc, VillageName } from './inbox';

/**
 * The caller reading their inbox: their own messages and their followed villages' notices, and
 * marking them read. Served by the identity function (whoami's neighbour on every phone), kept
 * with messages because the inbox, its notices and their read marks are messages' records.
 */

const SHOWN = 50;

/** Whether a message's errand is past: a vote that closed, an answer already rated, a ticket closed. */
type MeetingState = { _id: string; state: string; closesAt: string };
type TicketState = { _id: string; state: string; answers: unknown[]; ratings: unknown[] };

/**
 * Which messages are past what they asked for (a vote closed, an answer rated), for a page of
 * messages at once: one read per collection, not one per message.
 */
async function stalenessOf(ports: Ports, abouts: (InboxAbout | undefined)[], now: string): Promise<(string | null)[]> {
  const ids = (key: 'meetingId' | 'ticketId') => [...new Set(abouts.map((a) => a?.[key]).filter((x): x is string => !!x))];
  const [meetingIds, ticketIds] = [ids('meetingId'), ids('ticketId')];
  const [meetings, tickets] = await Promise.all([
    meetingIds.length ? ports.store.collection<MeetingState>(C.meetings).find({ where: { _id: cmd.in(meetingIds) }, limit: meetingIds.length }) : [],
    ticketIds.length ? ports.store.collection<TicketState>(C.tickets).find({ where: { _id: cmd.in(ticketIds) }, limit: ticketIds.length }) : [],
  ]);
  const meeting = new Map(meetings.map((m) => [m._id, m]));
  const ticket = new Map(tickets.map((t) => [t._id, t]));
  return abouts.map((about) => {
    if (about?.meetingId) {
      const m = meeting.get(about.meetingId);
      return m?.state !== 'open' || m.closesAt <= now ? '表决已结束' : null;
    }
    if (about?.ticketId) {
      const t = ticket.get(about.ticketId);
      if (!t) return null;
      if (t.state === 'closed') return '已销号';
      return t.answers.length > 0 && t.ratings.length >= t.answers.length ? '已评价' : null;
    }
    return null;
  });
}

/**
 * The caller's in-app messages, newest first: their own, and publications of villages they follow.
 * Each names its village and says when what it asked for is past.
 */
export async function inbox(ports: Ports): Promise<{ messages: InboxMessage[] }> {
  const openid = ports.caller.openid;
  if (!openid) return { messages: [] };
  const now = ports.clock.now().toISOString();
  const [rows, notices] = await Promise.all([
    // Messages to the caller's account, and to its key (what an anonymous asker is told by).
    ports.store
      .collection<InboxDoc>(C.inbox)
      .find({ where: { openid: cmd.in([openid, accountKeyOf(ports, openid)]) }, orderBy: [['at', 'desc']], limit: SHOWN }),
    publicationNotices(ports, openid),
  ]);
  const noticeIds = notices.map((n) => `${openid}:${n.id}`);
  const readNotices = new Set(
    noticeIds.length
      ? (await ports.store.collection<{ _id: string }>(C.noticeReads).find({ where: { _id: cmd.in(noticeIds) }, limit: noticeIds.length })).map((r) => r._id)
      : [],
  );
  const stale = await stalenessOf(
    ports,
    rows.map((r) => r.about),
    now,
  );
  const own = rows.map((r, i) => ({ id: r._id, villageId: r.villageId, text: r.text, at: r.at, read: r.read, link: r.link ?? null, stale: stale[i] }));
  const all = [...own, ...notices.map((n) => ({ ...n, read: readNotices.has(`${openid}:${n.id}`), stale: null }))]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, SHOWN);
  const villageIds = [...new Set(all.map((m) => m.villageId).filter((v): v is string => !!v))];
  const villages = villageIds.length
    ? await ports.store.collection<VillageName>(C.villages).find({ where: { _id: cmd.in(villageIds) }, limit: villageIds.length })
    : [];
  const names = new Map(villages.map((v) => [v._id, v.name]));
  return { messages: all.map((m) => ({ ...m, villageName: m.villageId ? (names.get(m.villageId) ?? null) : null })) };
}

/**
 * Marks messages read. Only the caller's own: an id of someone else's message (or one made up)
 * changes nothing, and says so by the count.
 */
export async function markRead(ports: Ports, input: { ids: string[] }): Promise<{ read: number }> {
  const openid = ports.caller.openid;
  if (!openid) return { read: 0 };
  const mine = new Set([openid, accountKeyOf(ports, openid)]);
  let read = 0;
  for (const id of new Set(input.ids)) {
    if (id.startsWith('notice:')) {
      // A followed village's notice is shared by its followers: the mark is the reader's own.
      const notice = await ports.store.collection(C.villageNotices).get(id.slice('notice:'.length));
      if (!notice) continue;
      await ports.store.collection(C.noticeReads).set(`${openid}:${id}`, { openid, at: ports.clock.now().toISOString() });
      read += 1;
      continue;
    }
    const doc = await ports.store.collection<InboxDoc>(C.inbox).get(id);
    if (!doc || !mine.has(doc.openid)) continue;
    if (!doc.read) await ports.store.collection<InboxDoc>(C.inbox).update(id, { read: true });
    read += 1;
  }
  return { read };
}
