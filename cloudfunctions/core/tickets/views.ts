import type { TicketView } from '../../../types/tickets';
import type { Attachment } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { attachmentViewsOf } from '../attachments/api';
import type { PersonDoc } from '../shared/records';
import { askerKeyOf, chinaDay, type TicketDoc } from './model';
import { linkOf } from './rules';

/**
 * A stored ticket as the app shows it. `mineKey` is the caller's asker key (null when signed
 * out); `askerName` is given only to those who may see who asked in their own name.
 */
export function ticketView(d: TicketDoc, photos: Attachment[], askerName: string | null, mineKey: string | null): TicketView {
  const mine = mineKey !== null && mineKey === d.askerKey;
  // Anonymity dies by correlation: to anyone but the asker, the asker's own acts on an
  // anonymous item (filing, rating, and the due date that follows from filing) show by day.
  const day = (at: string) => (d.anonymous && !mine ? chinaDay(at) : at);
  return {
    id: d._id,
    villageId: d.villageId,
    kind: d.kind,
    subject: d.subject,
    category: d.category,
    text: d.text,
    photos,
    anonymous: d.anonymous,
    askerName,
    mine,
    state: d.state,
    createdAt: day(d.createdAt),
    dueAt: day(d.dueAt),
    overdue: d.overdue,
    triage: d.triage,
    assignee: d.assignee ?? null,
    answers: d.answers.map((a) => ({ text: a.text, at: a.at })),
    ratings: d.ratings.map((r) => ({ rating: r.rating, at: day(r.at) })),
    reopened: d.reopened,
    escalated: d.escalated && d.escalated.why === 'dissatisfied' ? { ...d.escalated, at: day(d.escalated.at) } : d.escalated,
    closed: d.closed,
    public: d.public,
    seconds: d.seconds,
    link: linkOf(d.villageId, d.subject),
  };
}

/** Tickets as the app shows them, their photos' addresses looked up together. */
export async function views(ports: Ports, docs: TicketDoc[], opts: { withAsker?: boolean } = {}): Promise<TicketView[]> {
  const photos = await attachmentViewsOf(
    ports,
    docs.map((d) => d.photos ?? []),
  );
  const names = await Promise.all(
    docs.map(async (d) =>
      opts.withAsker && !d.anonymous && d.askerPersonId ? ((await ports.store.collection<PersonDoc>(C.people).get(d.askerPersonId))?.name ?? null) : null,
    ),
  );
  const openid = ports.caller.openid;
  const mineKey = openid === null ? null : askerKeyOf(ports, openid);
  return docs.map((d, i) => ticketView(d, photos[i], names[i], mineKey));
}

export async function view(ports: Ports, d: TicketDoc, opts: { withAsker?: boolean } = {}): Promise<TicketView> {
  return (await views(ports, [d], opts))[0];
}
