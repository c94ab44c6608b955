import { randomBytes } from 'node:crypto';
import type { AuditAction } from '../../../types/audit';
import type { Role } from '../../../types/roles';
import type { AnswerRating, Assignee, AskInput, FileInput, QueueFilter, TicketStats, TicketView, TownshipTicketRow, Triage } from '../../../types/tickets';
import type { Attachment } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import type { Notice } from '../../ports/notifier';
import { cmd, type Transaction, type Where } from '../../ports/docstore';
import { appendAudit } from '../audit/chain';
import { C } from '../collections';
import { attachmentViewsOf, resolveAttachments, storeUpload } from '../disclosure/attachments';
import { itemKeyOf, type ItemDoc } from '../disclosure/model';
import { monthKeyOf, type MonthDoc, type RowDoc } from '../finance/model';
import { actorOf, authorize, callerInTownship, callerInVillage, townshipActorOf, townshipStaffOpenids, type CallerInVillage } from '../identity/context';
import { accountKeyOf, consume, limitedTransaction } from '../identity/ratelimit';
import type { PersonDoc } from '../people/model';
import { fail } from '../shared/errors';
import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';
import { settingsOf, type TownshipDoc, type VillageDoc } from '../village/model';
import { askerOf, chinaDay, isUnanswered, kindWord, NO_STATS, sealAsker, type AskerDoc, type StatsDoc, type TicketDoc } from './model';
import { putInbox } from '../messages/inbox';

const TOWNSHIP = ['township_admin', 'township_discipline'] as const;

export const ticketPolicy = {
  // Photos for a report: anyone signed in, checked like any attachment.
  upload: { allow: 'anyone' },
  ask: { allow: ['villager'], scope: 'village' },
  // Reports and suggestions: anyone signed in — named ones need verification, checked in the service.
  file: { allow: 'anyone' },
  queue: { allow: [...SUPERVISORS, ...TOWNSHIP], scope: 'village' },
  triage: { allow: SUPERVISORS, scope: 'village' },
  assignees: { allow: SUPERVISORS, scope: 'village' },
  // Whoever a 小事 was handed to, whatever their role: checked against the ticket in the service.
  assigned: { allow: 'anyone' },
  township: { allow: TOWNSHIP, scope: 'township' },
  // 大事 go to the township, which answers them there; a 小事's assignee answers it too (checked in the service).
  answer: { allow: [...SUPERVISORS, ...TOWNSHIP], scope: 'village' },
  rate: { allow: 'anyone' },
  close: { allow: [...SUPERVISORS, ...TOWNSHIP], scope: 'village' },
  // Who filed an anonymous report: the township discipline admin only, and every look is audited.
  reveal: { allow: ['township_discipline'], scope: 'township' },
  mine: { allow: 'anyone' },
  stats: { allow: 'anyone' },
  board: { allow: 'anyone' },
  markPublic: { allow: SUPERVISORS, scope: 'village' },
  second: { allow: ['villager'], scope: 'village' },
} satisfies Record<string, Rule>;

const DAY = 24 * 3600 * 1000;
/** Tickets per account per day: enough for anyone with something to say, not for a flood. */
export const TICKETS_PER_DAY = 10;

/** The asker's account, as only a keyed hash: enough to find "mine", useless to read back (the same key the rate limits use). */
export const askerKeyOf = accountKeyOf;

/** Where a question's subject opens in the app. */
export function linkOf(villageId: string, s: TicketDoc['subject']): string | null {
  if (!s) return null;
  return s.type === 'disclosure'
    ? `/pages/item/index?villageId=${villageId}&quarter=${s.quarter}&itemId=${encodeURIComponent(s.itemId)}`
    : `/pages/money/index?villageId=${villageId}&month=${s.month}&rowId=${s.rowId}`;
}

async function view(ports: Ports, d: TicketDoc, opts: { withAsker?: boolean } = {}): Promise<TicketView> {
  return (await views(ports, [d], opts))[0];
}

/** Tickets as the app shows them, their photos' addresses looked up together. */
async function views(ports: Ports, docs: TicketDoc[], opts: { withAsker?: boolean } = {}): Promise<TicketView[]> {
  const photos = await attachmentViewsOf(ports, docs.map((d) => d.photos ?? []));
  const names = await Promise.all(
    docs.map(async (d) =>
      opts.withAsker && !d.anonymous && d.askerPersonId ? ((await ports.store.collection<PersonDoc>(C.people).get(d.askerPersonId))?.name ?? null) : null,
    ),
  );
  const openid = ports.caller.openid;
  const mineKey = openid === null ? null : askerKeyOf(ports, openid);
  return docs.map((d, i) => {
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
    photos: photos[i],
    anonymous: d.anonymous,
    askerName: names[i],
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
  });
}

/**
 * A list by day, named items of a day in their order and anonymous ones after them in an order
 * of no meaning (their random ids): never an anonymous item between two named ones by its minute.
 */
function byDayAnonymousApart(list: TicketView[], field: 'createdAt' | 'dueAt', newestFirst: boolean): TicketView[] {
  const dir = newestFirst ? -1 : 1;
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...list].sort((a, b) => {
    const days = cmp(chinaDay(a[field]), chinaDay(b[field]));
    if (days !== 0) return days * dir;
    if (a.anonymous !== b.anonymous) return a.anonymous ? 1 : -1;
    return a.anonymous ? cmp(a.id, b.id) : cmp(a[field], b[field]) * dir;
  });
}

/** Where an item's audit records go: an anonymous asker's acts on a chain of their own (see store). */
const askerScope = (d: TicketDoc) => (d.anonymous ? `anon:${d.villageId}` : d.villageId);

async function replyDays(ports: Ports, ctx: CallerInVillage): Promise<number> {
  return settingsOf(await ports.store.collection<TownshipDoc>(C.townships).get(ctx.village.townshipId)).ticketReplyDays;
}

async function checked(ports: Ports, text: string): Promise<void> {
  const problem = await ports.contentCheck.check(text, ports.caller.openid);
  if (problem) throw fail.invalid(problem);
}

async function limitFiling(ports: Ports, openid: string): Promise<void> {
  await consume(ports, `tickets:${askerKeyOf(ports, openid)}`, TICKETS_PER_DAY, DAY, `每个微信每天最多提交 ${TICKETS_PER_DAY} 条，请明天再来；急事请直接打电话给村务监督委员会主任。`);
}

async function bumpStats(tx: Transaction, villageId: string, change: Partial<typeof NO_STATS>, unanswered = 0): Promise<void> {
  const doc = (await tx.get<StatsDoc>(C.ticketStats, villageId)) ?? { _id: villageId, ...NO_STATS, unanswered: 0 };
  const next: Record<string, number> = {};
  for (const k of Object.keys(NO_STATS) as (keyof typeof NO_STATS)[]) next[k] = (doc[k] ?? 0) + (change[k] ?? 0);
  // A count begun before this field existed stays absent (readers count) rather than start wrong.
  if (typeof doc.unanswered === 'number') next.unanswered = doc.unanswered + unanswered;
  await tx.set(C.ticketStats, villageId, next);
}

function newTicket(ports: Ports, fields: Pick<TicketDoc, 'villageId' | 'kind' | 'subject' | 'category' | 'text' | 'photos' | 'anonymous' | 'askerKey' | 'askerPersonId'>, days: number): TicketDoc {
  const now = ports.clock.now();
  return {
    _id: randomBytes(10).toString('hex'),
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

async function store(ports: Ports, ctx: CallerInVillage, doc: TicketDoc, openid: string): Promise<void> {
  await ports.store.transaction(async (tx) => {
    await tx.add(C.tickets, doc);
    await tx.add(C.ticketAskers, { _id: doc._id, villageId: doc.villageId, sealed: sealAsker(ports.idKey, doc._id, { openid, personId: ctx.person?._id ?? null }) });
    await bumpStats(tx, doc.villageId, { received: 1 }, 1);
    // The audit record names the ticket, never the asker of an anonymous one; and it goes on a
    // chain of the village's anonymous items, or its place between the named records would date it.
    await appendAudit(tx, askerScope(doc), {
      actor: doc.anonymous ? { openid: null, personId: null, roles: ['visitor'] } : actorOf(ctx),
      action: `tickets.${doc.kind}`,
      target: `ticket:${doc._id}`,
      change: { kind: doc.kind, category: doc.category, text: doc.text },
      at: doc.createdAt,
    });
  });
}

/** What the question is about, as published: only published items and rows of published months. */
async function subjectOf(ports: Ports, villageId: string, s: AskInput['subject']): Promise<NonNullable<TicketDoc['subject']>> {
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

/** 询问: a verified villager asks in their own name about a published item or ledger row. */
export async function ask(ports: Ports, input: AskInput): Promise<TicketView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, ticketPolicy.ask);
  if (!ctx.person || !ctx.openid) throw fail.unverified();
  const subject = await subjectOf(ports, input.villageId, input.subject);
  await checked(ports, input.text);
  await limitFiling(ports, ctx.openid);
  const doc = newTicket(
    ports,
    { villageId: input.villageId, kind: 'question', subject, category: null, text: input.text, photos: [], anonymous: false, askerKey: askerKeyOf(ports, ctx.openid), askerPersonId: ctx.person._id },
    await replyDays(ports, ctx),
  );
  await store(ports, ctx, doc, ctx.openid);
  return view(ports, doc);
}

/** 反映 and 建议, named or anonymous. A named one speaks for a roster person, so it needs verification. */
export async function file(ports: Ports, input: FileInput): Promise<TicketView> {
  const ctx = await callerInVillage(ports, input.villageId);
  if (!ctx.openid) throw fail.unauthenticated();
  if (!input.anonymous && !ctx.person) throw fail.unverified('实名反映需要先在“我的”里完成村民身份认证；也可以选择匿名。');
  if (input.kind === 'report' && !input.category) throw fail.invalid('请选择反映的类别：党务类、村务类或财务类。');
  const photos = await resolveAttachments(ports, input.villageId, input.photos ?? []);
  await checked(ports, input.text);
  await limitFiling(ports, ctx.openid);
  const doc = newTicket(
    ports,
    {
      villageId: input.villageId,
      kind: input.kind,
      subject: null,
      category: input.kind === 'report' ? (input.category ?? null) : null,
      text: input.text,
      photos,
      anonymous: input.anonymous,
      askerKey: askerKeyOf(ports, ctx.openid),
      askerPersonId: input.anonymous ? null : (ctx.person?._id ?? null),
    },
    await replyDays(ports, ctx),
  );
  await store(ports, ctx, doc, ctx.openid);
  return view(ports, doc);
}

/** A photo for a report: stored like an attachment, used only if the report names it. */
export async function upload(ports: Ports, input: { villageId: string; name: string; fileId: string }): Promise<Attachment> {
  const ctx = await callerInVillage(ports, input.villageId);
  if (!ctx.openid) throw fail.unauthenticated();
  const openid = ctx.openid;
  // Who uploaded is not kept, nor the phone's name for the file (IMG_20261205_073012.jpg says
  // when it was taken): the photo may belong to an anonymous report.
  const name = /\.png$/i.test(input.name) ? '照片.png' : '照片.jpg';
  return storeUpload(ports, { ...input, name, folder: 'tickets', uploadedBy: null, purpose: 'photo' }, () =>
    consume(ports, `uploads:${askerKeyOf(ports, openid)}`, 30, DAY, '今天上传的照片太多了，请明天再来。'),
  );
}

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

/** Messages outside the app, sent once the change they announce has committed. */
type Outgoing = { openids: string[]; notice: Notice }[];

async function send(ports: Ports, out: Outgoing): Promise<void> {
  for (const o of out) if (o.openids.length > 0) await ports.notifier.send(o.openids, o.notice);
}


/**
 * One change to one ticket: read, decide, write and audit in a transaction; tell people outside
 * the app only after it committed. `allowed` lets a caller through the rule for this ticket
 * (a 小事's assignee answering it).
 */
async function change(
  ports: Ports,
  input: { villageId: string; ticketId: string },
  rule: Rule,
  action: AuditAction,
  apply: (doc: TicketDoc, ctx: CallerInVillage, tx: Transaction, at: string, out: Outgoing) => Promise<Partial<TicketDoc>>,
  allowed: (doc: TicketDoc, ctx: CallerInVillage) => boolean = () => false,
): Promise<TicketView> {
  const ctx = await callerInVillage(ports, input.villageId);
  const inRule = rule.allow === 'anyone' || rule.allow.some((r) => ctx.roles.includes(r));
  // Without the role, only someone this very ticket lets through gets past the transaction's first read.
  if (!inRule && !ctx.person) authorize(ctx, rule);
  const at = ports.clock.now().toISOString();
  const outgoing: Outgoing = [];
  let result: TicketDoc | null = null;
  await ports.store.transaction(async (tx) => {
    outgoing.length = 0;
    const doc = await tx.get<TicketDoc>(C.tickets, input.ticketId);
    if (!inRule && !(doc && doc.villageId === input.villageId && allowed(doc, ctx))) authorize(ctx, rule);
    if (!doc || doc.villageId !== input.villageId) throw fail.notFound('没有找到这一条。');
    const patch = await apply(doc, ctx, tx, at, outgoing);
    const moved = Number(isUnanswered(patch.state ?? doc.state)) - Number(isUnanswered(doc.state));
    if (moved !== 0) await bumpStats(tx, doc.villageId, {}, moved);
    await tx.update(C.tickets, doc._id, patch);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action, target: `ticket:${doc._id}`, change: patch, at });
    result = { ...doc, ...patch };
  });
  await send(ports, outgoing);
  return view(ports, result as unknown as TicketDoc, { withAsker: true });
}

async function inboxTo(tx: Transaction, openid: string, villageId: string, text: string, link: string, at: string, about?: { ticketId: string }): Promise<void> {
  await putInbox(tx, [openid], { villageId, text, link, at, about });
}

async function villageNameOf(tx: Transaction, villageId: string): Promise<string> {
  return (await tx.get<VillageDoc>(C.villages, villageId))?.name ?? '';
}

/** The asker hears of an answer in the inbox, and by WeChat message if they allowed one. */
async function tellAsker(tx: Transaction, idKey: string, doc: TicketDoc, at: string, out: Outgoing): Promise<void> {
  const stored = await tx.get<AskerDoc>(C.ticketAskers, doc._id);
  if (!stored) return;
  const asker = askerOf(idKey, stored);
  // Reports and suggestions have no page of their own: 码上监督's 我提过的 lists the asker's own with their answers.
  const link = linkOf(doc.villageId, doc.subject) ?? `/pages/tickets/index?villageId=${doc.villageId}&tab=mine`;
  // An anonymous asker's message is addressed by their account key, not their account: a stored
  // message to an account at the moment this ticket was answered would name them.
  await inboxTo(tx, doc.anonymous ? doc.askerKey : asker.openid, doc.villageId, `${titleOf(doc)}有了答复，请查看并评价。`, link, at, { ticketId: doc._id });
  out.push({ openids: [asker.openid], notice: { kind: 'ticket.answered', page: link.slice(1), fields: { title: titleOf(doc), village: await villageNameOf(tx, doc.villageId), date: chinaDay(at) } } });
}

/** Township staff hear of a 大事 at once; it waits in the 问题台账 under 已转镇里. */
async function tellTownship(tx: Transaction, doc: TicketDoc, staff: string[], text: string, at: string, out: Outgoing): Promise<void> {
  const link = `/packages/supervise/tickets/index?villageId=${doc.villageId}&show=all`;
  for (const openid of staff) await inboxTo(tx, openid, doc.villageId, text, link, at);
  out.push({ openids: staff, notice: { kind: 'ticket.escalated', page: link.slice(1), fields: { title: `${kindWord(doc)}转到镇里`, village: await villageNameOf(tx, doc.villageId), date: chinaDay(at) } } });
}

const assignedPage = (villageId: string) => `/packages/cadre/assigned/index?villageId=${villageId}`;

async function tellAssignee(tx: Transaction, doc: TicketDoc, personId: string, text: string, at: string, out: Outgoing): Promise<void> {
  const person = await tx.get<PersonDoc>(C.people, personId);
  if (!person?.boundOpenid) return;
  const link = assignedPage(doc.villageId);
  await inboxTo(tx, person.boundOpenid, doc.villageId, text, link, at);
  out.push({
    openids: [person.boundOpenid],
    notice: { kind: 'ticket.assigned', page: link.slice(1), fields: { title: `${kindWord(doc)}：${Array.from(doc.text).slice(0, 12).join('')}`, village: await villageNameOf(tx, doc.villageId), date: chinaDay(doc.dueAt) } },
  });
}

const titleOf = (d: TicketDoc) => (d.subject ? `您对“${d.subject.title}”的提问` : d.kind === 'report' ? '您反映的问题' : '您的建议');

/** Roles whose holders a 小事 can be handed to: people the village already answers through. */
const ASSIGNABLE: Role[] = [...CADRES, ...SUPERVISORS, 'finance_panel'];

async function assigneesOf(ports: Ports, villageId: string): Promise<Assignee[]> {
  const holders = (await ports.store.collection<{ _id: string; holders: Record<string, string[]> }>(C.villageRoles).get(villageId))?.holders ?? {};
  const roles = new Map<string, Role[]>();
  for (const r of ASSIGNABLE) for (const id of holders[r] ?? []) roles.set(id, [...(roles.get(id) ?? []), r]);
  const people = await Promise.all([...roles.keys()].map((id) => ports.store.collection<PersonDoc>(C.people).get(id)));
  // Only people who can be told: a role holder who never bound an account would never hear of it.
  return people
    .filter((p): p is PersonDoc => !!p && p.villageId === villageId && p.inRoster && !!p.boundOpenid)
    .map((p) => ({ personId: p._id, name: p.name, roles: roles.get(p._id) ?? [] }))
    .sort((a, b) => ASSIGNABLE.indexOf(a.roles[0]) - ASSIGNABLE.indexOf(b.roles[0]) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Who a 小事 can be handed to, for the 监委会's triage. */
export async function assignees(ports: Ports, input: { villageId: string }): Promise<{ people: Assignee[] }> {
  authorize(await callerInVillage(ports, input.villageId), ticketPolicy.assignees);
  return { people: await assigneesOf(ports, input.villageId) };
}

/**
 * 三事分流: 大事 go to the township; 小事 stay with the village, handed to a named person who is
 * told at once and answers it; 私事 are answered at once with guidance (the reason is the guidance).
 */
export async function triage(ports: Ports, input: { villageId: string; ticketId: string; decision: Triage; reason: string; assigneePersonId?: string }): Promise<TicketView> {
  // Who may triage is settled before anything about the village's people is looked at.
  const caller = await callerInVillage(ports, input.villageId);
  authorize(caller, ticketPolicy.triage);
  const staff =
    input.decision === '大事' ? await townshipStaffOpenids(ports, caller.village.townshipId) : [];
  let assignee: Assignee | null = null;
  if (input.decision === '小事') {
    if (!input.assigneePersonId) throw fail.invalid('小事要交给村里一位具体的人办理，请选择办理人。');
    assignee = (await assigneesOf(ports, input.villageId)).find((a) => a.personId === input.assigneePersonId) ?? null;
    if (!assignee) throw fail.invalid('办理人要是本村两委、监委会或民主理财小组成员，并且已经绑定微信。');
  } else if (input.assigneePersonId) {
    throw fail.invalid('只有小事需要指定办理人。');
  }
  return change(ports, input, ticketPolicy.triage, 'tickets.triage', async (doc, _ctx, tx, at, out) => {
    if (doc.state !== 'open') throw fail.precondition('只有待处理的事项可以分流。');
    const t = { decision: input.decision, reason: input.reason, at };
    if (input.decision === '大事') {
      await tellTownship(tx, doc, staff, `${await villageNameOf(tx, doc.villageId)}村务监督委员会把一条${kindWord(doc)}作为大事转到镇里：${input.reason}`, at, out);
      return { triage: t, state: 'escalated', escalated: { at, why: 'major' }, assignee: null };
    }
    if (input.decision === '私事') {
      await answered(tx, doc, at);
      await tellAsker(tx, ports.idKey, doc, at, out);
      return { triage: t, state: 'answered', assignee: null, firstAnsweredAt: doc.firstAnsweredAt ?? at, answers: [...doc.answers, { text: input.reason, at, byPersonId: null }] };
    }
    const a = assignee as Assignee;
    await tellAssignee(tx, doc, a.personId, `村务监督委员会把一条${kindWord(doc)}交给您办理，请在 ${chinaDay(doc.dueAt)} 前答复。`, at, out);
    return { triage: t, assignee: { personId: a.personId, name: a.name, at } };
  });
}

/** The first answer of a ticket counts as answered, on time or not. */
async function answered(tx: Transaction, doc: TicketDoc, at: string): Promise<void> {
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
      return { state: 'answered', overdue: false, firstAnsweredAt: doc.firstAnsweredAt ?? at, answers: [...doc.answers, { text: input.text, at, byPersonId: ctx.person?._id ?? null }] };
    },
    isAssignee,
  );
}

/**
 * The asker rates the answer. 满意 / 基本满意 end it (the 监委会 then closes it with what was
 * done); the first 不满意 reopens it with a new deadline (the assignee is told); a second
 * escalates it to the township.
 */
export async function rate(ports: Ports, input: { villageId: string; ticketId: string; rating: AnswerRating }): Promise<TicketView> {
  const ctx = await callerInVillage(ports, input.villageId);
  if (!ctx.openid) throw fail.unauthenticated();
  const key = askerKeyOf(ports, ctx.openid);
  const days = await replyDays(ports, ctx);
  const now = ports.clock.now();
  const at = now.toISOString();
  const outgoing: Outgoing = [];
  let result: TicketDoc | null = null;
  await limitedTransaction(ports, 'rateAnswer', ctx.openid, async (tx) => {
    outgoing.length = 0;
    const doc = await tx.get<TicketDoc>(C.tickets, input.ticketId);
    if (!doc || doc.villageId !== input.villageId) throw fail.notFound('没有找到这一条。');
    if (doc.askerKey !== key) throw fail.denied('只有提出的人可以评价答复。');
    if (doc.state !== 'answered' || doc.ratings.length >= doc.answers.length) throw fail.precondition('这条答复已经评价过了，或者还没有答复。');
    const ratings = [...doc.ratings, { rating: input.rating, at }];
    let patch: Partial<TicketDoc> = { ratings, lastRating: input.rating };
    if (input.rating === '不满意') {
      const dueAt = new Date(now.getTime() + days * DAY).toISOString();
      patch =
        doc.reopened === 0
          ? { ...patch, state: 'open', reopened: 1, dueAt, overdue: false, reminded: false }
          : { ...patch, state: 'escalated', escalated: { at, why: 'dissatisfied' } };
      if (doc.reopened === 0 && doc.assignee) {
        await tellAssignee(tx, { ...doc, dueAt }, doc.assignee.personId, `您办理的一条${kindWord(doc)}，提出的人不满意，已重新打开，请在 ${chinaDay(dueAt)} 前再次答复。`, at, outgoing);
      }
    }
    // 不满意 sends it back: unanswered again.
    await bumpStats(tx, doc.villageId, { rated: 1, satisfied: input.rating === '不满意' ? 0 : 1 }, input.rating === '不满意' ? 1 : 0);
    await tx.update(C.tickets, doc._id, patch);
    await appendAudit(tx, askerScope(doc), { actor: { openid: null, personId: null, roles: ['visitor'] }, action: 'tickets.rate', target: `ticket:${doc._id}`, change: { rating: input.rating }, at });
    result = { ...doc, ...patch };
  });
  await send(ports, outgoing);
  return view(ports, result as unknown as TicketDoc);
}

/** 销号: closed with what was done. */
export function close(ports: Ports, input: { villageId: string; ticketId: string; result: string }): Promise<TicketView> {
  return change(ports, input, ticketPolicy.close, 'tickets.close', async (doc, _ctx, tx) => {
    if (doc.state !== 'answered') throw fail.precondition(doc.state === 'closed' ? '这一条已经销号了。' : '答复以后才能销号。');
    if (doc.ratings.length < doc.answers.length) throw fail.precondition('请等提出的人评价答复后再销号。');
    await bumpStats(tx, doc.villageId, { closed: 1 });
    return { state: 'closed', closed: { result: input.result, at: ports.clock.now().toISOString() } };
  });
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

/** Who filed a ticket: for the township discipline admin, with a reason, on the township's audit chain. */
export async function reveal(ports: Ports, input: { villageId: string; ticketId: string; reason: string }): Promise<{ name: string | null; verified: boolean }> {
  const village = await callerInVillage(ports, input.villageId);
  const ctx = await callerInTownship(ports, village.village.townshipId);
  authorize(ctx, ticketPolicy.reveal);
  const stored = await ports.store.collection<AskerDoc>(C.ticketAskers).get(input.ticketId);
  if (!stored || stored.villageId !== input.villageId) throw fail.notFound('没有找到这一条。');
  const asker = askerOf(ports.idKey, stored);
  await ports.store.transaction(async (tx) => {
    await appendAudit(tx, `township:${ctx.township._id}`, {
      actor: townshipActorOf(ctx),
      action: 'tickets.reveal',
      target: `ticket:${input.ticketId}`,
      change: { reason: input.reason },
      at: ports.clock.now().toISOString(),
    });
  });
  const person = asker.personId ? await ports.store.collection<PersonDoc>(C.people).get(asker.personId) : null;
  return { name: person?.name ?? null, verified: person !== null };
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

async function statsWithUnanswered(ports: Ports, villageId: string): Promise<{ stats: TicketStats; unanswered: number | null }> {
  const [doc, overdueOpen] = await Promise.all([
    ports.store.collection<StatsDoc>(C.ticketStats).get(villageId),
    ports.store.collection(C.tickets).count({ villageId, overdue: true, state: cmd.in(['open', 'escalated']) }),
  ]);
  const s = { ...NO_STATS, ...(doc ?? {}) };
  const stats = { received: s.received, answered: s.answered, answeredOnTime: s.answeredOnTime, closed: s.closed, satisfied: s.satisfied, rated: s.rated, overdueOpen };
  return { stats, unanswered: doc ? (typeof doc.unanswered === 'number' ? doc.unanswered : null) : 0 };
}

async function statsOf(ports: Ports, villageId: string): Promise<TicketStats> {
  return (await statsWithUnanswered(ports, villageId)).stats;
}

/** Public counts per village: no content, no names. */
export async function stats(ports: Ports, input: { villageId: string }): Promise<TicketStats> {
  await callerInVillage(ports, input.villageId);
  return statsOf(ports, input.villageId);
}

/** The township's view of every village: the same counts, and how many are still unanswered. */
export async function township(ports: Ports, input: { townshipId: string }): Promise<{ rows: TownshipTicketRow[] }> {
  authorize(await callerInTownship(ports, input.townshipId), ticketPolicy.township);
  const villages = await ports.store.collection<VillageDoc>(C.villages).find({ where: { townshipId: input.townshipId, enabled: true }, limit: 1000 });
  const tickets = ports.store.collection(C.tickets);
  const rows = await Promise.all(
    villages.map(async (v) => {
      const { stats, unanswered } = await statsWithUnanswered(ports, v._id);
      return { villageId: v._id, villageName: v.name, ...stats, open: unanswered ?? (await tickets.count({ villageId: v._id, state: cmd.in(['open', 'escalated']) })) };
    }),
  );
  return { rows };
}

/** Suggestions the 监委会 chose to show, with their answers and 附议 counts. */
export async function board(ports: Ports, input: { villageId: string }): Promise<{ tickets: TicketView[] }> {
  await callerInVillage(ports, input.villageId);
  const rows = await ports.store.collection<TicketDoc>(C.tickets).find({ where: { villageId: input.villageId, public: true }, orderBy: [['createdAt', 'desc']], limit: 100 });
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
