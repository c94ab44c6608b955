import { randomBytes } from 'node:crypto';
import type { MatterView, MeetingBody } from '../../../types/matters';
import { BODY_NAMES } from '../../../types/matters';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { claimedElsewhere } from '../people/api';
import { fail } from '../shared/errors';
import { local } from '../shared/time';
import { settingsOf } from '../shared/records';
import { NO_TALLY, type ElectorDoc, type MeetingDoc } from './model';
import { tellElectors } from './notices';
import { votingPolicy } from './policy';
import { matterOf, rosterOf, townshipOf } from './read';
import { BY_HUKOU, byline, eligibleFor } from './rules';
import { view } from './views';

const HOUR = 3600 * 1000;

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
  if (matter.status !== 'active' || (matter.stage !== '审议' && matter.stage !== '决议'))
    throw fail.precondition(`这个议题现在在“${matter.stage}”阶段，不能发起表决。`);
  if (matter.openMeetingId) throw fail.conflict('这个议题已经有一场表决在进行中。');
  const stage = matter.stage;
  const body: MeetingBody = stage === '审议' ? 'party' : matter.decisionBody;
  const day = local(now).format('YYYY-MM-DD');
  let electors = (await rosterOf(ports, input.villageId)).filter((p) => eligibleFor(body, p, day, ports.idKey));
  if (BY_HUKOU.includes(body)) {
    // Someone another village of the township also counts as its 户籍 would vote twice: left
    // out here until the two rosters agree (the township's list shows them).
    const elsewhere = await claimedElsewhere(
      ports,
      ctx.village,
      electors.map((p) => p.idHash),
    );
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
    electors.map((p) => ({
      _id: `${meeting._id}:${p._id}`,
      meetingId: meeting._id,
      personId: p._id,
      name: p.name,
      idMasked: p.idMasked,
      openid: p.boundOpenid,
    })),
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
  await tellElectors(
    ports,
    meeting,
    matter.title,
    `“${matter.title}”开始表决（${BODY_NAMES[body]}），${local(closes).format('M月D日 HH:mm')} 截止，请投票。`,
    'vote.opened',
  );
  return view(ports, await matterOf(null, ports, input.villageId, input.matterId));
}
