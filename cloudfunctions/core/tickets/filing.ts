// 询问, 反映 and 建议 coming in, and the photos a report carries.
import { randomBytes } from 'node:crypto';
import type { Attachment } from '../../../types/disclosure';
import type { AskInput, FileInput, TicketView } from '../../../types/tickets';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { subjectTitle } from '../assets/api';
import { resolveAttachments, storeUpload } from '../attachments/api';
import { type ItemDoc, itemKeyOf } from '../disclosure/api';
import { type MonthDoc, monthKeyOf, type RowDoc } from '../finance/api';
import { actorOf, authorize, callerInVillage, type CallerInVillage } from '../caller/api';
import { consume } from '../limits/api';
import { fail } from '../shared/errors';
import { settingsOf, type TownshipDoc } from '../shared/records';
import { bumpStats } from './counts';
import { askerKeyOf, sealAsker, type TicketDoc } from './model';
import { ticketPolicy } from './policy';
import { askerScope, DAY, newTicket, PHOTOS_PER_DAY, photoName, TICKETS_PER_DAY } from './rules';
import { view } from './views';

/** Days the village has to reply, as its township set them. */
export async function replyDays(ports: Ports, ctx: CallerInVillage): Promise<number> {
  return settingsOf(await ports.store.collection<TownshipDoc>(C.townships).get(ctx.village.townshipId)).ticketReplyDays;
}

async function checked(ports: Ports, text: string): Promise<void> {
  const problem = await ports.contentCheck.check(text, ports.caller.openid);
  if (problem) throw fail.invalid(problem);
}

async function limitFiling(ports: Ports, openid: string): Promise<void> {
  await consume(
    ports,
    `tickets:${askerKeyOf(ports, openid)}`,
    TICKETS_PER_DAY,
    DAY,
    `每个微信每天最多提交 ${TICKETS_PER_DAY} 条，请明天再来；急事请直接打电话给村务监督委员会主任。`,
  );
}

function opened(ports: Ports, fields: Parameters<typeof newTicket>[2], days: number): TicketDoc {
  return newTicket(randomBytes(10).toString('hex'), ports.clock.now(), fields, days);
}

async function store(ports: Ports, ctx: CallerInVillage, doc: TicketDoc, openid: string): Promise<void> {
  await ports.store.transaction(async (tx) => {
    await tx.add(C.tickets, doc);
    await tx.add(C.ticketAskers, {
      _id: doc._id,
      villageId: doc.villageId,
      sealed: sealAsker(ports.idKey, doc._id, { openid, personId: ctx.person?._id ?? null }),
    });
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

/**
 * What the question is about, as published: only published items and rows of published months,
 * and only this village's 三资 records (public from the day they are entered).
 */
async function subjectOf(ports: Ports, villageId: string, s: AskInput['subject']): Promise<NonNullable<TicketDoc['subject']>> {
  if (s.type === 'asset' || s.type === 'contract') {
    const title = await subjectTitle(ports, villageId, s.type, s.id);
    if (title === null) throw fail.notFound(s.type === 'contract' ? '没有找到这份合同。' : '没有找到这项资产或资源。');
    return { ...s, title };
  }
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
  const doc = opened(
    ports,
    {
      villageId: input.villageId,
      kind: 'question',
      subject,
      category: null,
      text: input.text,
      photos: [],
      anonymous: false,
      askerKey: askerKeyOf(ports, ctx.openid),
      askerPersonId: ctx.person._id,
    },
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
  const doc = opened(
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
  // Not who uploaded, nor the phone's name for the file: see photoName.
  return storeUpload(ports, { ...input, name: photoName(input.name), folder: 'tickets', uploadedBy: null, purpose: 'photo' }, () =>
    consume(ports, `uploads:${askerKeyOf(ports, openid)}`, PHOTOS_PER_DAY, DAY, '今天上传的照片太多了，请明天再来。'),
  );
}
