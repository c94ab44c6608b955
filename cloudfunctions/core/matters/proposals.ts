import { randomBytes } from 'node:crypto';
import type { AuditAction } from '../../../types/audit';
import type { MatterView, ProposeInput, StageRecord } from '../../../types/matters';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage, type CallerInVillage } from '../caller/api';
import { limitedTransaction } from '../limits/api';
import { type Outgoing, sendAll } from '../messages/api';
import { isAdultOn } from '../people/api';
import type { PersonDoc } from '../shared/records';
import { fail } from '../shared/errors';
import { local } from '../shared/time';
import { settingsOf } from '../shared/records';
import type { MatterDoc } from './model';
import { tellOfDiscussion } from './notices';
import { BRANCH, matterPolicy } from './policy';
import { matterOf, rosterOf, townshipOf } from './read';
import { byline, cosignNeeded, fundingPlan } from './rules';
import { view } from './views';

/** A proposal's first stages: 提议 (by the party branch, or a villager with co-signatures) and 商议. */

/**
 * 提议. The party branch's proposal goes straight to 商议; a villager's waits for co-signatures.
 * A 筹资筹劳 plan is checked against the caps and the roster now and is public from this moment,
 * so it is always publicised before any vote.
 */
export async function propose(ports: Ports, input: ProposeInput): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, matterPolicy.propose);
  if (!ctx.person) throw fail.unverified();
  const now = ports.clock.now();
  const at = now.toISOString();
  const day = local(now).format('YYYY-MM-DD');
  // Running counts beside who has voted would show each secret ballot's choice.
  if (input.secret && input.liveCounts) throw fail.invalid('不记名投票不能在表决中公开票数：票数的变化和谁投了票对照，就能看出每个人投了什么。');
  const branch = ctx.roles.includes('secretary');
  // A villager's proposal is their own first co-signature, which needs an adult.
  if (!branch && !isAdultOn(ports.idKey, ctx.person, day)) throw fail.denied('联名提议需要年满 18 周岁。');
  const needsRoster = !branch || input.funding;
  const people = needsRoster ? await rosterOf(ports, input.villageId) : [];
  const settings = settingsOf(await townshipOf(ports, ctx.village));
  const funding = input.funding ? fundingPlan(input.funding, people, day, settings, at, ports.idKey) : null;
  const need = cosignNeeded(people.filter((p) => isAdultOn(ports.idKey, p, day)).length, people.filter((p) => p.representative).length);
  const doc: MatterDoc = {
    _id: randomBytes(10).toString('hex'),
    villageId: input.villageId,
    title: input.title,
    summary: input.summary,
    origin: branch ? 'branch' : 'villagers',
    proposerPersonId: ctx.person._id,
    stage: branch ? '商议' : '提议',
    status: branch ? 'active' : 'cosigning',
    stopReason: null,
    history: branch ? [{ stage: '提议', at, by: byline(ctx, ['secretary']), record: `村党组织提议：${input.summary}` }] : [],
    decisionBody: input.decisionBody,
    secret: input.secret ?? false,
    liveCounts: input.liveCounts ?? false,
    funding,
    filing: null,
    cosign: branch ? null : { neededAdults: need.adults, neededRepresentatives: need.representatives, adults: 0, representatives: 0 },
    meetingIds: [],
    openMeetingId: null,
    resolution: null,
    outcome: null,
    createdAt: at,
  };
  const told: Outgoing = [];
  const write = async (tx: Transaction) => {
    told.length = 0;
    const { _id, ...fields } = doc;
    await tx.set(C.matters, _id, fields);
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'matters.propose',
      target: `matter:${doc._id}`,
      change: { title: doc.title, origin: doc.origin, funding },
      at,
    });
    if (doc.stage === '商议') await tellOfDiscussion(tx, doc, doc.proposerPersonId, at, told);
  };
  // The party branch proposes as part of its job; a villager's proposals are limited per account.
  await (branch ? ports.store.transaction(write) : limitedTransaction(ports, 'propose', ctx.openid, write));
  await sendAll(ports, told);
  // The proposer signs their own proposal.
  if (!branch) return cosign(ports, { villageId: input.villageId, matterId: doc._id });
  return view(ports, doc);
}

/** 联名: once per villager; the proposal moves to 商议 when either threshold is reached. */
export async function cosign(ports: Ports, input: { villageId: string; matterId: string }): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, matterPolicy.cosign);
  const person = ctx.person;
  if (!person) throw fail.unverified();
  const now = ports.clock.now();
  const at = now.toISOString();
  if (!isAdultOn(ports.idKey, person, local(now).format('YYYY-MM-DD'))) throw fail.denied('联名提议需要年满 18 周岁。');
  const told: Outgoing = [];
  const out = await limitedTransaction(ports, 'cosign', ctx.openid, async (tx) => {
    told.length = 0;
    const doc = await matterOf(tx, ports, input.villageId, input.matterId);
    if (doc.status !== 'cosigning' || !doc.cosign) throw fail.precondition('这个议题不在联名阶段。');
    const id = `${doc._id}:${person._id}`;
    if (await tx.get(C.cosigns, id)) throw fail.conflict('您已经联名过了。');
    await tx.add(C.cosigns, { _id: id, matterId: doc._id, personId: person._id, representative: person.representative, at });
    const c = { ...doc.cosign, adults: doc.cosign.adults + 1, representatives: doc.cosign.representatives + (person.representative ? 1 : 0) };
    let patch: Partial<MatterDoc> = { cosign: c };
    if (c.adults >= c.neededAdults || c.representatives >= c.neededRepresentatives) {
      // The proposal is the villager's who started it, signed by the others: not the system's.
      const proposer =
        person._id === doc.proposerPersonId
          ? person
          : doc.proposerPersonId
            ? await ports.store.collection<PersonDoc>(C.people).get(doc.proposerPersonId)
            : null;
      const record: StageRecord = {
        stage: '提议',
        at,
        by: proposer ? `村民 ${proposer.name} 等 ${c.adults} 人联名` : `${c.adults} 位村民联名`,
        record: `${c.adults} 位村民联名（其中村民代表 ${c.representatives} 人），达到法定联名人数，转入两委商议。提议内容：${doc.summary}`,
      };
      patch = { ...patch, status: 'active', stage: '商议', history: [...doc.history, record] };
    }
    await tx.update(C.matters, doc._id, patch);
    await appendAudit(tx, doc.villageId, { actor: actorOf(ctx), action: 'matters.cosign', target: `matter:${doc._id}`, change: { adults: c.adults }, at });
    if (patch.stage === '商议') await tellOfDiscussion(tx, { ...doc, ...patch }, null, at, told);
    return { ...doc, ...patch };
  });
  await sendAll(ports, told);
  return view(ports, out);
}

/** 商议: the 两委联席会议's outcome. Agreed moves to 审议; not agreed stops the matter, with the reason. */
export async function discuss(ports: Ports, input: { villageId: string; matterId: string; agreed: boolean; record: string }): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, matterPolicy.discuss);
  const at = ports.clock.now().toISOString();
  return advance(ports, ctx, input, 'matters.discuss', async (doc) => {
    if (doc.status !== 'active' || doc.stage !== '商议') throw fail.precondition(`这个议题现在在“${doc.stage}”阶段，不能记录商议结果。`);
    const record: StageRecord = {
      stage: '商议',
      at,
      by: byline(ctx, BRANCH),
      record: `村两委联席会议${input.agreed ? '同意提交党员大会审议' : '不同意'}：${input.record}`,
    };
    return input.agreed
      ? { stage: '审议', history: [...doc.history, record] }
      : { status: 'stopped', stopReason: `两委商议未同意：${input.record}`, history: [...doc.history, record] };
  });
}

async function advance(
  ports: Ports,
  ctx: CallerInVillage,
  input: { villageId: string; matterId: string },
  action: AuditAction,
  apply: (doc: MatterDoc, tx: Transaction) => Promise<Partial<MatterDoc>>,
): Promise<MatterView> {
  const at = ports.clock.now().toISOString();
  const out = await ports.store.transaction(async (tx) => {
    const doc = await matterOf(tx, ports, input.villageId, input.matterId);
    const patch = await apply(doc, tx);
    await tx.update(C.matters, doc._id, patch);
    await appendAudit(tx, doc.villageId, {
      actor: actorOf(ctx),
      action,
      target: `matter:${doc._id}`,
      change: { stage: patch.stage ?? doc.stage, status: patch.status ?? doc.status },
      at,
    });
    return { ...doc, ...patch };
  });
  return view(ports, out);
}
