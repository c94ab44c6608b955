import { randomBytes } from 'node:crypto';
import type { AuditAction } from '../../../types/audit';
import type { FundingPlan, FundingPlanInput, MatterSummary, MatterView, ProposeInput, Stage, StageRecord } from '../../../types/matters';
import { STAGES } from '../../../types/matters';
import { RoleLabels, type Role } from '../../../types/roles';
import type { Ports } from '../../ports';
import { readAll, type Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/chain';
import { C } from '../collections';
import { publishVersion } from '../disclosure/service';
import { itemKeyOf, type ItemDoc } from '../disclosure/model';
import { announcePublication } from '../disclosure/notify';
import { actorOf, authorize, boundPersonId, callerInTownship, callerInVillage, townshipActorOf, type CallerInVillage } from '../identity/context';
import { limitedTransaction } from '../identity/ratelimit';
import { ageOn, isAdultOn, type PersonDoc } from '../people/model';
import { fail } from '../shared/errors';
import type { Rule } from '../shared/policy';
import { local, quarterKey, quarterOf } from '../shared/time';
import { settingsOf, type TownshipDoc, type VillageDoc } from '../village/model';
import type { MatterDoc, MeetingDoc } from './model';
import { cosignNeeded, cosignProgress } from './rules';
import { meetingViews } from './voting';
import { tellOfDiscussion } from './notices';
import { sendAll, type Outgoing } from '../messages/tell';

const BRANCH = ['secretary', 'director'] as const;
const TOWNSHIP = ['township_admin', 'township_discipline'] as const;

export const matterPolicy = {
  list: { allow: 'anyone' },
  get: { allow: 'anyone' },
  // The party branch proposes; a verified villager may start one that then needs co-signing.
  propose: { allow: ['secretary', 'villager'], scope: 'village' },
  cosign: { allow: ['villager'], scope: 'village' },
  // 商议 is the 两委联席会议; the 书记 or 主任 records its outcome.
  discuss: { allow: BRANCH, scope: 'village' },
  publish: { allow: BRANCH, scope: 'village' },
  // 筹资筹劳 plans are reviewed and filed by the township (农经).
  file: { allow: ['township_admin'], scope: 'township' },
  filings: { allow: TOWNSHIP, scope: 'township' },
} satisfies Record<string, Rule>;


const nextStage = (s: Stage): Stage => STAGES[Math.min(STAGES.indexOf(s) + 1, STAGES.length - 1)];

/** Who did it, in words, as the stage record shows: "村党组织书记 杨振华". */
export function byline(ctx: CallerInVillage, prefer: readonly Role[]): string {
  const role = prefer.find((r) => ctx.roles.includes(r));
  return `${role ? RoleLabels[role] : '村民'} ${ctx.person?.name ?? ''}`.trim();
}

export async function matterOf(tx: Transaction | null, ports: Ports, villageId: string, matterId: string): Promise<MatterDoc> {
  const doc = tx ? await tx.get<MatterDoc>(C.matters, matterId) : await ports.store.collection<MatterDoc>(C.matters).get(matterId);
  if (!doc || doc.villageId !== villageId) throw fail.notFound('没有找到这个议题。');
  return doc;
}

export async function townshipOf(ports: Ports, village: VillageDoc): Promise<TownshipDoc | null> {
  return ports.store.collection<TownshipDoc>(C.townships).get(village.townshipId);
}

/** Everyone on the roster today, in pages: rosters run to a few thousand. */
export async function rosterOf(ports: Ports, villageId: string): Promise<PersonDoc[]> {
  return readAll(ports.store.collection<PersonDoc>(C.people), { where: { villageId, inRoster: true }, orderBy: [['householdNo', 'asc']] });
}


/**
 * 筹资筹劳 against the roster and the province's caps: 低保 households pay no money, active-duty
 * soldiers are exempt from both, labour comes only from working-age villagers.
 */
export function fundingPlan(input: FundingPlanInput, people: PersonDoc[], day: string, settings: ReturnType<typeof settingsOf>, at: string, idKey: string): FundingPlan {
  if (input.perPersonFen > settings.fundingCapFen) {
    throw fail.invalid(`每人每年筹资不能超过 ${(settings.fundingCapFen / 100).toFixed(0)} 元（本省上限），方案里是 ${(input.perPersonFen / 100).toFixed(2)} 元。`);
  }
  if (input.workdays > settings.labourCapDays) {
    throw fail.invalid(`每个劳动力每年筹劳不能超过 ${settings.labourCapDays} 个工日（本省上限），方案里是 ${input.workdays} 个。`);
  }
  if (input.perPersonFen === 0 && input.workdays === 0) throw fail.invalid('筹资筹劳方案要写明每人筹资金额或筹劳工日。');
  const lowIncomeHouseholds = new Set(people.filter((p) => p.lowIncome).map((p) => p.householdNo));
  const exempt = { lowIncome: 0, soldiers: 0, minors: 0 };
  let payers = 0;
  let labourers = 0;
  for (const p of people) {
    if (p.activeSoldier) {
      exempt.soldiers += 1;
      continue;
    }
    if (!isAdultOn(idKey, p, day)) {
      exempt.minors += 1;
      continue;
    }
    if (lowIncomeHouseholds.has(p.householdNo)) exempt.lowIncome += 1;
    else payers += 1;
    if (ageOn(idKey, p, day) <= settings.workingAgeMax) labourers += 1;
  }
  return { ...input, payers, labourers, exempt, raisedFen: payers * input.perPersonFen, publicisedAt: at };
}

/** A matter's meetings in the order they were called. */
export async function meetingsOf(ports: Ports, d: MatterDoc): Promise<MeetingDoc[]> {
  if (d.meetingIds.length === 0) return [];
  const found = await ports.store.collection<MeetingDoc>(C.meetings).find({ where: { matterId: d._id }, limit: 100 });
  return found.sort((a, b) => d.meetingIds.indexOf(a._id) - d.meetingIds.indexOf(b._id));
}

function summaryOf(d: MatterDoc): MatterSummary {
  return { id: d._id, title: d.title, stage: d.stage, status: d.status, funding: d.funding !== null, createdAt: d.createdAt, voting: d.openMeetingId !== null };
}

export async function view(ports: Ports, d: MatterDoc): Promise<MatterView> {
  const [meetings, personId] = await Promise.all([meetingsOf(ports, d), boundPersonId(ports, d.villageId)]);
  const mine = !!d.cosign && !!personId && !!(await ports.store.collection(C.cosigns).get(`${d._id}:${personId}`));
  return {
    id: d._id,
    villageId: d.villageId,
    title: d.title,
    summary: d.summary,
    origin: d.origin,
    stage: d.stage,
    status: d.status,
    stopReason: d.stopReason,
    history: d.history,
    decisionBody: d.decisionBody,
    secret: d.secret,
    liveCounts: d.liveCounts,
    funding: d.funding,
    filing: d.filing,
    cosign: d.cosign
      ? {
          needed: d.cosign.neededAdults,
          count: d.cosign.adults,
          progress: cosignProgress(d.cosign),
          basis: `本村 18 周岁以上村民的十分之一（${d.cosign.neededAdults} 人），或村民代表的五分之一（${d.cosign.neededRepresentatives} 人，已有 ${d.cosign.representatives} 人）`,
          mine,
        }
      : null,
    meetings: await meetingViews(ports, meetings, personId),
    resolution: d.resolution,
    outcome: d.outcome,
    createdAt: d.createdAt,
  };
}

export async function list(ports: Ports, input: { villageId: string }): Promise<{ matters: MatterSummary[] }> {
  await callerInVillage(ports, input.villageId);
  const rows = await ports.store.collection<MatterDoc>(C.matters).find({ where: { villageId: input.villageId }, orderBy: [['createdAt', 'desc']], limit: 200 });
  return { matters: rows.map(summaryOf) };
}

export async function get(ports: Ports, input: { villageId: string; matterId: string }): Promise<MatterView> {
  await callerInVillage(ports, input.villageId);
  return view(ports, await matterOf(null, ports, input.villageId, input.matterId));
}

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
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'matters.propose', target: `matter:${doc._id}`, change: { title: doc.title, origin: doc.origin, funding }, at });
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
  let out: MatterDoc | null = null;
  const told: Outgoing = [];
  await limitedTransaction(ports, 'cosign', ctx.openid, async (tx) => {
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
      const proposer = person._id === doc.proposerPersonId ? person : doc.proposerPersonId ? await ports.store.collection<PersonDoc>(C.people).get(doc.proposerPersonId) : null;
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
    out = { ...doc, ...patch };
  });
  await sendAll(ports, told);
  return view(ports, out as unknown as MatterDoc);
}

/** 商议: the 两委联席会议's outcome. Agreed moves to 审议; not agreed stops the matter, with the reason. */
export async function discuss(ports: Ports, input: { villageId: string; matterId: string; agreed: boolean; record: string }): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, matterPolicy.discuss);
  const at = ports.clock.now().toISOString();
  return advance(ports, ctx, input, 'matters.discuss', async (doc) => {
    if (doc.status !== 'active' || doc.stage !== '商议') throw fail.precondition(`这个议题现在在“${doc.stage}”阶段，不能记录商议结果。`);
    const record: StageRecord = { stage: '商议', at, by: byline(ctx, BRANCH), record: `村两委联席会议${input.agreed ? '同意提交党员大会审议' : '不同意'}：${input.record}` };
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
  let out: MatterDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const doc = await matterOf(tx, ports, input.villageId, input.matterId);
    const patch = await apply(doc, tx);
    await tx.update(C.matters, doc._id, patch);
    await appendAudit(tx, doc.villageId, { actor: actorOf(ctx), action, target: `matter:${doc._id}`, change: { stage: patch.stage ?? doc.stage, status: patch.status ?? doc.status }, at });
    out = { ...doc, ...patch };
  });
  return view(ports, out as unknown as MatterDoc);
}

/** The township reviews and files a passed 筹资筹劳 plan, or returns it with the reason. */
export async function file(ports: Ports, input: { villageId: string; matterId: string; decision: 'approve' | 'return'; reason?: string }): Promise<MatterView> {
  const village = await callerInVillage(ports, input.villageId);
  const ctx = await callerInTownship(ports, village.village.townshipId);
  authorize(ctx, matterPolicy.file);
  if (input.decision === 'return' && !input.reason) throw fail.invalid('退回时请写明原因。');
  const at = ports.clock.now().toISOString();
  let out: MatterDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const doc = await matterOf(tx, ports, input.villageId, input.matterId);
    if (doc.status !== 'filing') throw fail.precondition('这个议题没有在等待镇里审核备案。');
    const record: StageRecord = {
      stage: '决议',
      at,
      by: `镇里 ${ctx.name ?? ''}`.trim(),
      record: input.decision === 'approve' ? '镇里审核同意，已备案。' : `镇里退回：${input.reason}`,
    };
    const patch: Partial<MatterDoc> =
      input.decision === 'approve'
        ? { status: 'active', stage: '决议公开', filing: { state: 'approved', reason: null, at }, history: [...doc.history, record] }
        : { status: 'stopped', stopReason: `镇里审核退回：${input.reason}`, filing: { state: 'returned', reason: input.reason ?? null, at }, history: [...doc.history, record] };
    await tx.update(C.matters, doc._id, patch);
    await appendAudit(tx, `township:${ctx.township._id}`, { actor: townshipActorOf(ctx), action: `matters.file.${input.decision}`, target: `matter:${doc._id}`, change: { reason: input.reason ?? null }, at });
    out = { ...doc, ...patch };
  });
  return view(ports, out as unknown as MatterDoc);
}

export async function filings(ports: Ports, input: { townshipId: string }): Promise<{ matters: (MatterSummary & { villageId: string; villageName: string })[] }> {
  authorize(await callerInTownship(ports, input.townshipId), matterPolicy.filings);
  const villages = await ports.store.collection<VillageDoc>(C.villages).find({ where: { townshipId: input.townshipId }, limit: 1000 });
  const names = new Map(villages.map((v) => [v._id, v.name]));
  const rows = await ports.store.collection<MatterDoc>(C.matters).find({ where: { status: 'filing' }, orderBy: [['createdAt', 'asc']], limit: 500 });
  return { matters: rows.filter((m) => names.has(m.villageId)).map((m) => ({ ...summaryOf(m), villageId: m.villageId, villageName: names.get(m.villageId) ?? '' })) };
}

/** The published text: the cadre's words, then what the record says (votes, rules, plan). */
function publicationBody(doc: MatterDoc, meetings: MeetingDoc[], text: string) {
  const body: ItemDoc['draft']['body'] = [{ type: 'paragraph', text }];
  const held = meetings.filter((m) => m.result);
  if (held.length) {
    body.push({
      type: 'table',
      columns: ['会议', '结束时间', '应到', '实到', '同意', '不同意', '弃权', '结果'],
      rows: held.map((m) => {
        const r = m.result!;
        return [
          `${m.stage}·${m.body === 'party' ? '党员大会' : m.body === 'representatives' ? '村民代表会议' : '村民会议'}`,
          local(new Date(m.closedAt ?? m.closesAt)).format('YYYY-MM-DD HH:mm'),
          String(r.eligible),
          String(r.present),
          String(r.counts['同意']),
          String(r.counts['不同意']),
          String(r.counts['弃权']),
          !r.quorumMet ? '未达法定人数' : r.passed ? '通过' : '未通过',
        ];
      }),
    });
    for (const m of held) body.push({ type: 'paragraph', text: `适用规则（${m.stage}）：${m.result!.rules.join('')}` });
  }
  if (doc.funding) {
    const f = doc.funding;
    body.push({
      type: 'table',
      columns: ['项目', '预算（元）', '每人筹资（元）', '每个劳动力筹劳（工日）', '出资人数', '出劳人数', '低保户免交', '现役军人免除'],
      rows: [[f.project, (f.budgetFen / 100).toFixed(2), (f.perPersonFen / 100).toFixed(2), String(f.workdays), String(f.payers), String(f.labourers), String(f.exempt.lowIncome), String(f.exempt.soldiers)]],
    });
  }
  return body;
}

/**
 * 决议公开, then 实施结果公开: each a published item of the quarter (专项公开), with the same
 * versions, digest and hash chain as every disclosure. Publishing again after the end is a
 * correction: a new version with its reason.
 */
export async function publish(ports: Ports, input: { villageId: string; matterId: string; text: string; reason?: string }): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, matterPolicy.publish);
  const now = ports.clock.now();
  const at = now.toISOString();
  const current = await matterOf(null, ports, input.villageId, input.matterId);
  const meetings = await meetingsOf(ports, current);
  let announce = false;
  let out: MatterDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const doc = await matterOf(tx, ports, input.villageId, input.matterId);
    const correcting = doc.status === 'done';
    if (!correcting && (doc.status !== 'active' || (doc.stage !== '决议公开' && doc.stage !== '实施结果公开'))) {
      throw fail.precondition(doc.status === 'filing' ? '筹资筹劳方案要等镇里审核备案后才能公开决议。' : `这个议题现在在“${doc.stage}”阶段，还不能公开。`);
    }
    if (correcting && !input.reason) throw fail.invalid('更正已公开的实施结果时，请写明更正原因。');
    const which = correcting || doc.stage === '实施结果公开' ? 'outcome' : 'resolution';
    const ref = doc[which];
    const quarter = ref?.quarter ?? quarterKey(quarterOf(now));
    const itemId = ref?.itemId ?? `adhoc-m${doc._id}-${which === 'resolution' ? '1' : '2'}`;
    const key = itemKeyOf({ villageId: doc.villageId, quarter, itemId });
    const existing = await tx.get<ItemDoc>(C.disclosureItems, key);
    const content = { title: `${which === 'resolution' ? '一事一议决议公开' : '一事一议实施结果公开'}：${doc.title}`, body: publicationBody(doc, meetings, input.text), amountFen: doc.funding?.budgetFen ?? null, attachments: [] };
    const item: ItemDoc = existing ?? {
      _id: key,
      villageId: doc.villageId,
      quarter,
      itemId,
      catalogItemId: null,
      category: doc.funding ? '资金' : '村务',
      state: 'draft',
      draft: content,
      returnReason: null,
      correctionReason: null,
      publishedVersion: 0,
      publishedTitle: null,
      publishedAt: null,
      firstPublishedAt: null,
    };
    if (!existing) {
      const { _id, ...fields } = item;
      await tx.set(C.disclosureItems, _id, fields);
    } else {
      await tx.update(C.disclosureItems, key, { draft: content, correctionReason: input.reason ?? null });
    }
    const published = await publishVersion(tx, { village: ctx.village, item, content, reason: input.reason ?? null, actor: actorOf(ctx), now });
    announce = published.announce;
    const pub = { quarter, itemId, version: published.version };
    const record: StageRecord = { stage: which === 'resolution' ? '决议公开' : '实施结果公开', at, by: byline(ctx, BRANCH), record: correcting ? `更正（第 ${pub.version} 版）：${input.reason}` : input.text };
    const patch: Partial<MatterDoc> = correcting
      ? { outcome: pub, history: [...doc.history, record] }
      : which === 'resolution'
        ? { resolution: pub, stage: nextStage(doc.stage), history: [...doc.history, record] }
        : { outcome: pub, status: 'done', history: [...doc.history, record] };
    await tx.update(C.matters, doc._id, patch);
    out = { ...doc, ...patch };
  });
  if (announce) await announcePublication(ports, ctx.village, (out as unknown as MatterDoc)[(out as unknown as MatterDoc).outcome ? 'outcome' : 'resolution']!.quarter);
  return view(ports, out as unknown as MatterDoc);
}
