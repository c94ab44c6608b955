import { createHash, randomBytes } from 'node:crypto';
import type { Choice, MatterView, MeetingBody, MeetingView, VoteReceipt } from '../../../types/matters';
import { BODY_NAMES } from '../../../types/matters';
import type { Ports } from '../../ports';
import { cmd, readAll, type Transaction } from '../../ports/docstore';
import { appendAudit, type Actor } from '../audit/chain';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../identity/context';
import { limitedTransaction } from '../identity/ratelimit';
import { hukouHere, isAdultOn, type PersonDoc } from '../people/model';
import { claimedElsewhere } from '../people/cross-village';
import { fail } from '../shared/errors';
import { SUPERVISORS, type Rule } from '../shared/policy';
import { local } from '../shared/time';
import { settingsOf, type VillageDoc } from '../village/model';
import { addToTally, readTally, readTallyIn, sealTally } from './tally';
import { CHOICE_KEY, countsOf, NO_TALLY, type BallotDoc, type ElectorDoc, type MarkDoc, type MatterDoc, type MeetingDoc, type TallyDoc } from './model';
import { decide, quorumNeeded } from './rules';
import { byline, matterOf, rosterOf, townshipOf, view } from './service';
import { putInboxMany } from '../messages/inbox';

const CHOICES: Choice[] = ['同意', '不同意', '弃权'];
const SYSTEM: Actor = { openid: null, personId: null, roles: [] };
const HOUR = 3600 * 1000;
/** Voters who have not voted are reminded this long before the vote closes. */
export const VOTE_REMIND_BEFORE_MS = 24 * HOUR;

export const votingPolicy = {
  // The 书记 convenes the 党员大会; the 村委会 (主任 or 书记) the 村民会议 or 代表会议.
  openVote: { allow: ['secretary', 'director'], scope: 'village' },
  // Who is in the electorate is checked against the frozen list in the service.
  vote: { allow: ['villager'], scope: 'village' },
  // The 监委会 supervises votes: records in-person ballots, counts the box, closes and recounts.
  recordInPerson: { allow: SUPERVISORS, scope: 'village' },
  recordPaperBox: { allow: SUPERVISORS, scope: 'village' },
  electorate: { allow: SUPERVISORS, scope: 'village' },
  close: { allow: SUPERVISORS, scope: 'village' },
  recount: { allow: [...SUPERVISORS, 'township_admin', 'township_discipline'], scope: 'village' },
  receipts: { allow: 'anyone' },
} satisfies Record<string, Rule>;

/** A receipt a voter can copy down: 16 characters without 0/O or 1/I. */
function newReceipt(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

function eligibleFor(body: MeetingBody, p: PersonDoc, day: string, idKey: string): boolean {
  if (!p.inRoster) return false;
  if (body === 'party') return p.partyMember;
  if (body === 'representatives') return p.representative;
  // 村民会议 (by adults or by 户代表): only in the village that holds the person's 户籍.
  if (!hukouHere(p)) return false;
  if (body === 'households') return p.isHouseholdHead;
  return isAdultOn(idKey, p, day);
}

/** The 村民会议's: one person, one village, by 户籍 (see people/cross-village.ts). */
const BY_HUKOU: MeetingBody[] = ['villagers', 'households'];

async function meetingOf(tx: Transaction | null, ports: Ports, villageId: string, meetingId: string): Promise<MeetingDoc> {
  const m = tx ? await tx.get<MeetingDoc>(C.meetings, meetingId) : await ports.store.collection<MeetingDoc>(C.meetings).get(meetingId);
  if (!m || m.villageId !== villageId) throw fail.notFound('没有找到这次表决。');
  return m;
}

/** Meetings as the caller sees them; `personId` is the caller's roster person here (boundPersonId). */
export async function meetingViews(ports: Ports, meetings: MeetingDoc[], personId: string | null): Promise<MeetingView[]> {
  return Promise.all(
    meetings.map(async (m) => {
      const t = await readTally(ports, m._id);
      let me: MeetingView['me'] = null;
      if (personId) {
        const key = `${m._id}:${personId}`;
        const [elector, mark] = await Promise.all([ports.store.collection(C.voteElectors).get(key), ports.store.collection(C.voteMarks).get(key)]);
        me = { eligible: !!elector, voted: !!mark };
      }
      // A secret vote's counts are secret until it closes, whatever was asked for when proposing.
      const showCounts = m.state === 'closed' || (m.liveCounts && !m.secret);
      return {
        id: m._id,
        matterId: m.matterId,
        stage: m.stage,
        body: m.body,
        bodyName: BODY_NAMES[m.body],
        secret: m.secret,
        liveCounts: m.liveCounts,
        // Votes are already refused while a close is being counted: villagers see it as over.
        state: m.state === 'open' ? 'open' : 'closed',
        openedAt: m.openedAt,
        closesAt: m.closesAt,
        closedAt: m.closedAt,
        eligible: m.eligible,
        present: m.result?.present ?? t.present,
        online: t.online,
        inPerson: t.inPerson,
        quorumShort: Math.max(0, quorumNeeded(m.body, m.eligible) - (m.result?.present ?? t.present)),
        counts: showCounts ? (m.result?.counts ?? countsOf(t)) : null,
        result: m.result,
        me,
      };
    }),
  );
}

/**
 * Opens voting at 审议 (党员大会) or 决议 (the matter's 村民会议 or 代表会议). The electorate is
 * frozen now: later roster changes do not move a vote under way. Voters with an account are told.
 */
export async function openVote(ports: Ports, input: { villageId: string; matterId: string; closesAt: string }): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.openVote);
  const now = ports.clock.now();
  const at = now.toISOString();
  const closes = new Date(input.closesAt);
  if (!(closes.getTime() > now.getTime() + HOUR) || closes.getTime() > now.getTime() + 60 * 24 * HOUR) {
    throw fail.invalid('表决截止时间要在一小时以后、60 天以内。');
  }
  const matter = await matterOf(null, ports, input.villageId, input.matterId);
  if (matter.status !== 'active' || (matter.stage !== '审议' && matter.stage !== '决议')) throw fail.precondition(`这个议题现在在“${matter.stage}”阶段，不能发起表决。`);
  if (matter.openMeetingId) throw fail.conflict('这个议题已经有一场表决在进行中。');
  const stage = matter.stage;
  const body: MeetingBody = stage === '审议' ? 'party' : matter.decisionBody;
  const day = local(now).format('YYYY-MM-DD');
  let electors = (await rosterOf(ports, input.villageId)).filter((p) => eligibleFor(body, p, day, ports.idKey));
  if (BY_HUKOU.includes(body)) {
    // Someone another village of the township also counts as its 户籍 would vote twice: left
    // out here until the two rosters agree (the township's list shows them).
    const elsewhere = await claimedElsewhere(ports, ctx.village, electors.map((p) => p.idHash));
    if (elsewhere.size) electors = electors.filter((p) => !elsewhere.has(p.idHash));
  }
  if (electors.length === 0) throw fail.precondition(`花名册里没有可以参加${BODY_NAMES[body]}的人，请先更新花名册。`);
  const settings = settingsOf(await townshipOf(ports, ctx.village));
  const meeting: MeetingDoc = {
    _id: randomBytes(10).toString('hex'),
    villageId: input.villageId,
    matterId: matter._id,
    stage,
    body,
    approval: stage === '决议' && matter.funding ? settings.fundingApproval : 'majority',
    secret: matter.secret,
    liveCounts: matter.liveCounts,
    state: 'open',
    openedAt: at,
    closesAt: closes.toISOString(),
    closedAt: null,
    eligible: electors.length,
    result: null,
    reminded: false,
  };
  // The list is written before the meeting exists: until then nobody can vote against it, and a
  // call cut short leaves only a list nobody points to. In batches: 3,000 writes one by one would
  // outlast the call on CloudBase.
  await ports.store.collection<ElectorDoc>(C.voteElectors).addMany(
    electors.map((p) => ({ _id: `${meeting._id}:${p._id}`, meetingId: meeting._id, personId: p._id, name: p.name, idMasked: p.idMasked, openid: p.boundOpenid })),
  );
  await ports.store.transaction(async (tx) => {
    const doc = await matterOf(tx, ports, input.villageId, input.matterId);
    if (doc.openMeetingId) throw fail.conflict('这个议题已经有一场表决在进行中。');
    if (doc.stage !== stage || doc.status !== 'active') throw fail.precondition('议题的阶段刚刚变了，请刷新后再试。');
    const { _id, ...fields } = meeting;
    await tx.set(C.meetings, _id, fields);
    await tx.set(C.voteTallies, _id, { ...NO_TALLY });
    await tx.update(C.matters, doc._id, { openMeetingId: _id, meetingIds: [...doc.meetingIds, _id] });
    await appendAudit(tx, doc.villageId, {
      actor: actorOf(ctx),
      action: 'matters.openVote',
      target: `meeting:${_id}`,
      change: { matter: doc._id, stage, body, eligible: meeting.eligible, closesAt: meeting.closesAt, openedBy: byline(ctx, ['secretary', 'director']) },
      at,
    });
  });
  await tellElectors(ports, meeting, matter.title, `“${matter.title}”开始表决（${BODY_NAMES[body]}），${local(closes).format('M月D日 HH:mm')} 截止，请投票。`, 'vote.opened');
  return view(ports, await matterOf(null, ports, input.villageId, input.matterId));
}

const matterPage = (m: MeetingDoc) => `/pages/matters/index?villageId=${m.villageId}&matterId=${m.matterId}`;

async function tellElectors(ports: Ports, m: MeetingDoc, title: string, text: string, kind: string, who: (e: ElectorDoc) => boolean = () => true): Promise<number> {
  const at = ports.clock.now().toISOString();
  const village = await ports.store.collection<VillageDoc>(C.villages).get(m.villageId);
  const electors = await readAll(ports.store.collection<ElectorDoc>(C.voteElectors), { where: { meetingId: m._id }, orderBy: [['name', 'asc']] });
  const to = electors.filter((e) => e.openid && who(e)).map((e) => e.openid as string);
  // `about` lets the inbox say 表决已结束 once the vote is over, rather than still asking.
  await putInboxMany(ports.store, to, { villageId: m.villageId, text, link: matterPage(m), at, about: { meetingId: m._id } });
  if (to.length) await ports.notifier.send(to, { kind, page: matterPage(m).slice(1), fields: { title, village: village?.name ?? '', date: local(new Date(m.closesAt)).format('YYYY-MM-DD HH:mm') } });
  return to.length;
}

function openForVoting(m: MeetingDoc, now: Date): void {
  if (m.state !== 'open') throw fail.precondition('这次表决已经结束。');
  if (now.toISOString() >= m.closesAt) throw fail.precondition('这次表决已经过了截止时间。');
}

/** How a paper ballot shows in the receipt list: it has no receipt, but it is counted in the open. */
export const PAPER_BALLOT = '现场纸质选票';

const ALREADY = '这个人已经投过票或登记过到会（网上或现场），每人只有一票。';

/**
 * One ballot in one transaction: the mark (that this person took part), the ballot, and the
 * tally. The mark's id is the meeting and the person, so a second vote by any channel finds it
 * and is refused; concurrent ones cannot both commit.
 */
async function cast(
  tx: Transaction,
  m: MeetingDoc,
  personId: string,
  choice: Choice | null,
  channel: 'online' | 'in_person',
  recordedBy: string | null,
  at: string,
): Promise<string | null> {
  const markId = `${m._id}:${personId}`;
  if (await tx.get(C.voteMarks, markId)) throw fail.conflict(channel === 'online' ? '您已经投过票了（网上或现场），每人只有一票。' : ALREADY);
  await tx.add(C.voteMarks, { _id: markId, meetingId: m._id, personId, channel, at, recordedBy });
  const counted = await addToTally(tx, m._id, 'vote', (t) => ({
    present: t.present + 1,
    online: t.online + (channel === 'online' ? 1 : 0),
    inPerson: t.inPerson + (channel === 'in_person' ? 1 : 0),
    ...(choice ? { [CHOICE_KEY[choice]]: t[CHOICE_KEY[choice]] + 1 } : {}),
  }));
  if (!counted) throw fail.precondition('这次表决已经结束。');
  let receipt: string | null = null;
  if (choice) {
    if (m.secret) {
      receipt = newReceipt();
      await tx.add(C.ballots, { _id: `${m._id}:r:${receipt}`, meetingId: m._id, choice, channel, personId: null, receipt });
    } else {
      await tx.add(C.ballots, { _id: markId, meetingId: m._id, choice, channel, personId, receipt: null });
    }
  }
  return receipt;
}

/** 网上投票: an elector votes for themself. A secret ballot answers with the receipt, once. */
export async function vote(ports: Ports, input: { villageId: string; meetingId: string; choice: Choice }): Promise<VoteReceipt> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.vote);
  const person = ctx.person;
  if (!person) throw fail.unverified();
  const now = ports.clock.now();
  let receipt: string | null = null;
  // The allowance is counted in the ballot's own transaction: one round trip per vote.
  await limitedTransaction(ports, 'vote', ctx.openid, async (tx) => {
    const m = await meetingOf(tx, ports, input.villageId, input.meetingId);
    openForVoting(m, now);
    if (!(await tx.get(C.voteElectors, `${m._id}:${person._id}`))) throw fail.denied(`您不在这次${BODY_NAMES[m.body]}的表决名单里（名单在表决开始时确定）。`);
    receipt = await cast(tx, m, person._id, input.choice, 'online', null, now.toISOString());
  });
  return { receipt, choice: input.choice };
}

/**
 * 现场: the 监委会 records a named person's paper ballot or show of hands, or — with no choice —
 * that they attended (which counts for the quorum). In a secret vote only attendance is recorded
 * by name; the box is counted apart (recordPaperBox).
 */
export async function recordInPerson(ports: Ports, input: { villageId: string; meetingId: string; personId: string; choice?: Choice }): Promise<MeetingView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.recordInPerson);
  const now = ports.clock.now();
  const at = now.toISOString();
  let meeting: MeetingDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const m = await meetingOf(tx, ports, input.villageId, input.meetingId);
    openForVoting(m, now);
    if (m.secret && input.choice) throw fail.invalid('不记名表决：现场只登记到会的人，选票投进票箱后统一清点（“清点票箱”）。');
    const elector = await tx.get<ElectorDoc>(C.voteElectors, `${m._id}:${input.personId}`);
    if (!elector) throw fail.invalid('这个人不在本次表决的名单里。');
    await cast(tx, m, input.personId, input.choice ?? null, 'in_person', ctx.person?._id ?? null, at);
    await appendAudit(tx, m.villageId, {
      actor: actorOf(ctx),
      action: input.choice ? 'matters.recordBallot' : 'matters.recordAttendance',
      target: `meeting:${m._id}`,
      change: { person: input.personId, ...(input.choice && !m.secret ? { choice: input.choice } : {}) },
      at,
    });
    meeting = m;
  });
  return (await meetingViews(ports, [meeting as unknown as MeetingDoc], ctx.person?._id ?? null))[0];
}

/** 清点票箱: secret paper ballots, counted together, never more than the people who came in person. */
export async function recordPaperBox(ports: Ports, input: { villageId: string; meetingId: string; counts: Record<Choice, number> }): Promise<MeetingView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.recordPaperBox);
  const now = ports.clock.now();
  const at = now.toISOString();
  const total = CHOICES.reduce((n, c) => n + input.counts[c], 0);
  if (total === 0) throw fail.invalid('票箱里没有选票。');
  let meeting: MeetingDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const m = await meetingOf(tx, ports, input.villageId, input.meetingId);
    if (m.state !== 'open') throw fail.precondition('这次表决已经结束。');
    if (!m.secret) throw fail.invalid('记名表决请按人登记选票。');
    const t = await readTallyIn(tx, m._id);
    if (t.boxed + total > t.inPerson) throw fail.invalid(`票箱里的票（${t.boxed + total} 张）比现场登记到会的人（${t.inPerson} 人）多，请核对。`);
    const box = (t.boxes ?? 0) + 1;
    // A counted box is one record per choice with its count: paper ballots carry no receipt
    // anybody holds, and one write per ballot would not fit a call for a large village.
    for (const c of CHOICES) {
      if (input.counts[c] > 0) {
        await tx.add(C.ballots, { _id: `${m._id}:box:${box}:${CHOICE_KEY[c]}`, meetingId: m._id, choice: c, channel: 'in_person', personId: null, receipt: null, count: input.counts[c] });
      }
    }
    const counted = await addToTally(tx, m._id, 'room', (s) => ({
      boxed: s.boxed + total,
      boxes: (s.boxes ?? 0) + 1,
      yes: s.yes + input.counts['同意'],
      no: s.no + input.counts['不同意'],
      abstain: s.abstain + input.counts['弃权'],
    }));
    if (!counted) throw fail.precondition('这次表决已经结束。');
    await appendAudit(tx, m.villageId, { actor: actorOf(ctx), action: 'matters.countBox', target: `meeting:${m._id}`, change: input.counts, at });
    meeting = m;
  });
  return (await meetingViews(ports, [meeting as unknown as MeetingDoc], ctx.person?._id ?? null))[0];
}

/** The frozen list, for the 监委会 recording in person: who is on it and whether they took part. */
export async function electorate(ports: Ports, input: { villageId: string; meetingId: string; q?: string }): Promise<{ people: { personId: string; name: string; idMasked: string; voted: boolean }[] }> {
  authorize(await callerInVillage(ports, input.villageId), votingPolicy.electorate);
  const m = await meetingOf(null, ports, input.villageId, input.meetingId);
  const where: Record<string, unknown> = { meetingId: m._id };
  if (input.q) where.name = input.q;
  const electors = ports.store.collection<ElectorDoc>(C.voteElectors);
  const list = input.q ? await electors.find({ where: where as never, orderBy: [['name', 'asc']], limit: 50 }) : await readAll(electors, { where: where as never, orderBy: [['name', 'asc']] });
  // One read of who took part (in pages of 1,000), not one per person on the list.
  const marks = await readAll(ports.store.collection<MarkDoc>(C.voteMarks), { where: { meetingId: m._id } });
  const voted = new Set(marks.map((k) => k.personId));
  return { people: list.map((e) => ({ personId: e.personId, name: e.name, idMasked: e.idMasked, voted: voted.has(e.personId) })) };
}

/** Counts from the ballots and marks themselves, in pages. */
async function countBallots(ports: Ports, meetingId: string): Promise<{ counts: Record<Choice, number>; present: number; digest: string }> {
  const counts: Record<Choice, number> = { 同意: 0, 不同意: 0, 弃权: 0 };
  const hash = createHash('sha256');
  for (let skip = 0; ; skip += 1000) {
    const page = await ports.store.collection<BallotDoc>(C.ballots).find({ where: { meetingId }, orderBy: [['_id', 'asc']], skip, limit: 1000 });
    for (const b of page) {
      counts[b.choice] += b.count ?? 1;
      hash.update(b.count === undefined ? `${b._id}|${b.choice}\n` : `${b._id}|${b.choice}|${b.count}\n`);
    }
    if (page.length < 1000) break;
  }
  const present = await ports.store.collection(C.voteMarks).count({ meetingId });
  return { counts, present, digest: hash.digest('hex') };
}

const sameCounts = (t: TallyDoc, r: { counts: Record<Choice, number>; present: number }) => t.present === r.present && CHOICES.every((c) => t[CHOICE_KEY[c]] === r.counts[c]);

/**
 * Closes a meeting: recounts from the ballots (a recount that differs from the running tally is
 * an alarm on the audit chain, and the recount stands), applies the rules, and moves the matter:
 * no quorum → the stage stays and a new meeting can be called; voted down → the matter stops;
 * passed → the next stage (a 筹资筹劳 plan first goes to the township to file).
 */
export async function closeMeeting(ports: Ports, villageId: string, meetingId: string, actor: Actor, by: string): Promise<void> {
  const before = await meetingOf(null, ports, villageId, meetingId);
  if (before.state === 'closed') throw fail.precondition('这次表决已经结束。');
  if (before.state === 'open') {
    if (before.secret) {
      // Counting without the box would drop the in-person votes for good: they cannot be added after.
      const t = await readTally(ports, meetingId);
      if (t.boxed < t.inPerson) throw fail.precondition(`票箱里还有 ${t.inPerson - t.boxed} 张现场选票没有清点，请先“清点票箱”再结束表决。`);
    }
    // First the counts are sealed, so no ballot can land between the count and the result: a
    // vote in flight writes a sealed shard, conflicts, starts over and is told the vote is over.
    await ports.store.transaction(async (tx) => {
      const m = await meetingOf(tx, ports, villageId, meetingId);
      if (m.state !== 'open') return;
      await sealTally(tx, m._id);
      await tx.update(C.meetings, m._id, { state: 'closing' });
    });
  }
  const recount = await countBallots(ports, meetingId);
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    const m = await meetingOf(tx, ports, villageId, meetingId);
    if (m.state !== 'closing') throw fail.precondition('这次表决已经结束。');
    const tally = await readTallyIn(tx, m._id);
    // The ballots are still, so a difference is a tally that was changed by hand: an alarm.
    if (!sameCounts(tally, recount)) {
      await appendAudit(tx, villageId, { actor: SYSTEM, action: 'matters.recountMismatch', target: `meeting:${m._id}`, change: { tally: { present: tally.present, ...countsOf(tally) }, recount }, at });
    }
    const result = decide(m.body, m.approval, m.eligible, recount.present, recount.counts);
    await tx.update(C.meetings, m._id, { state: 'closed', closedAt: at, result });
    const matter = await matterOf(tx, ports, villageId, m.matterId);
    const said = `${BODY_NAMES[m.body]}表决：应到 ${m.eligible}，实到 ${recount.present}（网上 ${tally.online}，现场 ${tally.inPerson}），同意 ${recount.counts['同意']}，不同意 ${recount.counts['不同意']}，弃权 ${recount.counts['弃权']}。`;
    let patch: Partial<MatterDoc> = { openMeetingId: null };
    if (!result.quorumMet) {
      patch = { ...patch, history: [...matter.history, { stage: m.stage, at, by, record: `${said}未达到法定人数，表决无效，需要重新召开会议。` }] };
    } else if (!result.passed) {
      patch = { ...patch, status: 'stopped', stopReason: `${m.stage}未通过`, history: [...matter.history, { stage: m.stage, at, by, record: `${said}未通过。` }] };
    } else {
      const record = { stage: m.stage, at, by, record: `${said}通过。` };
      patch =
        m.stage === '审议'
          ? { ...patch, stage: '决议', history: [...matter.history, record] }
          : matter.funding
            ? // Still 决议 until the township files the plan: a returned plan never reaches 决议公开.
              { ...patch, status: 'filing', filing: { state: 'pending', reason: null, at: null }, history: [...matter.history, record] }
            : { ...patch, stage: '决议公开', history: [...matter.history, record] };
    }
    await tx.update(C.matters, matter._id, patch);
    await appendAudit(tx, villageId, { actor, action: 'matters.closeVote', target: `meeting:${m._id}`, change: { result, ballots: recount.digest }, at });
  });
}

export async function close(ports: Ports, input: { villageId: string; meetingId: string }): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.close);
  await closeMeeting(ports, input.villageId, input.meetingId, actorOf(ctx), byline(ctx, SUPERVISORS));
  const m = await meetingOf(null, ports, input.villageId, input.meetingId);
  return view(ports, await matterOf(null, ports, input.villageId, m.matterId));
}

/** 复核: counts again from the ballots; a difference from the running tally is an alarm in the audit trail. */
export async function recount(ports: Ports, input: { villageId: string; meetingId: string }): Promise<{ counts: Record<Choice, number>; present: number; matches: boolean }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.recount);
  const m = await meetingOf(null, ports, input.villageId, input.meetingId);
  // Counts taken between two ballots, set beside who has voted, would say how each one voted.
  if (m.secret && m.state !== 'closed') throw fail.precondition('不记名表决在结束之前不能复核计票：中途的票数与谁已投票对照，就能推出每个人投了什么。结束后可以复核。');
  const r = await countBallots(ports, m._id);
  const tally = await readTally(ports, m._id);
  const matches = sameCounts(tally, r);
  if (!matches) {
    await ports.store.transaction(async (tx) => {
      await appendAudit(tx, m.villageId, { actor: actorOf(ctx), action: 'matters.recountMismatch', target: `meeting:${m._id}`, change: { tally: { present: tally.present, ...countsOf(tally) }, recount: r }, at: ports.clock.now().toISOString() });
    });
  }
  return { counts: r.counts, present: r.present, matches };
}

/** After a secret vote closes: every receipt with its choice, for voters to find their own. */
export async function receipts(ports: Ports, input: { villageId: string; meetingId: string }): Promise<{ receipts: { receipt: string; choice: Choice }[] }> {
  await callerInVillage(ports, input.villageId);
  const m = await meetingOf(null, ports, input.villageId, input.meetingId);
  if (!m.secret) throw fail.precondition('这次是记名表决，没有回执。');
  if (m.state !== 'closed') throw fail.precondition('表决结束后才公布回执。');
  const out: { receipt: string; choice: Choice }[] = [];
  const ballots = await readAll(ports.store.collection<BallotDoc>(C.ballots), { where: { meetingId: m._id }, orderBy: [['receipt', 'asc']] });
  // A counted box stands for its paper ballots, one line each, with no receipt to find.
  for (const b of ballots) {
    if (b.receipt) out.push({ receipt: b.receipt, choice: b.choice });
    else for (let i = 0; i < (b.count ?? 1); i += 1) out.push({ receipt: PAPER_BALLOT, choice: b.choice });
  }
  return { receipts: out };
}

/** The timer's part: close meetings past their time, remind those who have not voted a day before. */
export async function tickMeetings(ports: Ports): Promise<{ closed: number; reminded: number }> {
  const now = ports.clock.now();
  const at = now.toISOString();
  const meetings = ports.store.collection<MeetingDoc>(C.meetings);
  let closed = 0;
  let reminded = 0;
  // A close cut short after sealing is finished here too.
  for (const m of await meetings.find({ where: { state: cmd.in(['open', 'closing']), closesAt: cmd.lte(at) }, orderBy: [['closesAt', 'asc']], limit: 100 })) {
    try {
      await closeMeeting(ports, m.villageId, m._id, SYSTEM, '系统（到截止时间自动结束）');
      closed += 1;
    } catch {
      // Closed by the 监委会 meanwhile.
    }
  }
  const soon = new Date(now.getTime() + VOTE_REMIND_BEFORE_MS).toISOString();
  for (const m of await meetings.find({ where: { state: 'open', reminded: false, closesAt: cmd.lte(soon) }, limit: 100 })) {
    let claimed = false;
    await ports.store.transaction(async (tx) => {
      const doc = await tx.get<MeetingDoc>(C.meetings, m._id);
      if (!doc || doc.reminded || doc.state !== 'open') return;
      await tx.update(C.meetings, m._id, { reminded: true });
      claimed = true;
    });
    if (!claimed) continue;
    const matter = await ports.store.collection<MatterDoc>(C.matters).get(m.matterId);
    // Who took part, read once in pages rather than asked person by person.
    const voted = new Set((await readAll(ports.store.collection<MarkDoc>(C.voteMarks), { where: { meetingId: m._id } })).map((k) => k.personId));
    reminded += await tellElectors(
      ports,
      m,
      matter?.title ?? '',
      `“${matter?.title ?? ''}”的表决 ${local(new Date(m.closesAt)).format('M月D日 HH:mm')} 截止，您还没有投票。`,
      'vote.closing',
      (e) => !voted.has(e.personId),
    );
  }
  return { closed, reminded };
}

