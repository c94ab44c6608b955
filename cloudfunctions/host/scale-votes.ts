import dayjs from 'dayjs';
import { recordInPerson, vote } from '../core/matters/ballots';
import { close } from '../core/matters/closing';
import { openVote } from '../core/matters/opening';
import { discuss, propose } from '../core/matters/proposals';
import { publish } from '../core/matters/publishing';
import { isAdultOn } from '../core/people/model';
import { ZONE } from '../core/shared/time';
import { demoPorts } from './demo-ports';
import { DAY, rosterOf, type ScaleRun } from './scale-plan';

/**
 * 一事一议: votes of `votersPerVote` villagers in the largest villages, spread over the years.
 * Adults as of the first vote: someone who turned 18 since cannot vote in it.
 */
export async function seedScaleVotes(run: ScaleRun): Promise<void> {
  const { store, clock, idKey, now, o, counts, log, batch, villages, rosters, as } = run;
  const firstVoteDay = dayjs
    .tz(now, ZONE)
    .subtract(o.years * 365, 'day')
    .format('YYYY-MM-DD');
  const hosts = villages.filter((v) => (rosters.get(v.id)?.adults.filter((p) => isAdultOn(idKey, p, firstVoteDay)).length ?? 0) >= o.votersPerVote);
  if (o.votes > 0 && hosts.length === 0) throw new Error(`no village has ${o.votersPerVote} adults for the votes`);
  for (let k = 0; k < o.votes; k += 1)
    await batch(async () => {
      const v = hosts[k % hosts.length];
      const r = rosterOf(run, v.id);
      const daysAgo = 30 + Math.floor(((o.years * 365 - 60) * (o.votes - k)) / o.votes);
      clock.set(new Date(now.getTime() - daysAgo * DAY));
      // Adult on the day the matter is proposed, so adult when either vote opens.
      const day = dayjs.tz(clock.now(), ZONE).format('YYYY-MM-DD');
      const voters = r.adults.filter((p) => isAdultOn(idKey, p, day));
      const matter = await propose(as(v.id, 'secretary'), {
        villageId: v.id,
        title: `村内公益事业第 ${k + 1} 项`,
        summary: '硬化村内道路、修缮排水设施，经费由财政奖补和村集体收入承担。',
        decisionBody: 'villagers',
      });
      clock.set(new Date(clock.now().getTime() + DAY));
      await discuss(as(v.id, 'director'), { villageId: v.id, matterId: matter.id, agreed: true, record: '两委联席会议同意，提交党员大会审议。' });
      const inDays = (d: number) => new Date(clock.now().getTime() + d * DAY).toISOString();
      // 审议: every party member in the hall.
      const reviewed = await openVote(as(v.id, 'secretary'), { villageId: v.id, matterId: matter.id, closesAt: inDays(3) });
      for (const p of voters.filter((x) => x.partyMember))
        await recordInPerson(as(v.id, 'supervisor'), { villageId: v.id, meetingId: reviewed.meetings[0].id, personId: p._id, choice: '同意' });
      await close(as(v.id, 'supervisor'), { villageId: v.id, meetingId: reviewed.meetings[0].id });
      // 决议: the adults, bound ones in the app, the others in the hall.
      clock.set(new Date(clock.now().getTime() + 2 * DAY));
      const deciding = await openVote(as(v.id, 'secretary'), { villageId: v.id, matterId: matter.id, closesAt: inDays(5) });
      const meetingId = deciding.meetings[1].id;
      for (const [n, p] of voters.slice(0, o.votersPerVote).entries()) {
        const choice = n % 9 === 4 ? '不同意' : n % 13 === 6 ? '弃权' : '同意';
        if (p.boundOpenid) await vote(demoPorts(store, clock, idKey, p.boundOpenid), { villageId: v.id, meetingId, choice });
        else await recordInPerson(as(v.id, 'supervisor'), { villageId: v.id, meetingId, personId: p._id, choice });
        counts.ballots += 1;
      }
      clock.set(new Date(clock.now().getTime() + 5 * DAY));
      await close(as(v.id, 'supervisor'), { villageId: v.id, meetingId });
      clock.set(new Date(clock.now().getTime() + 2 * DAY));
      await publish(as(v.id, 'secretary'), { villageId: v.id, matterId: matter.id, text: '经党员大会审议、村民会议表决通过，按方案实施。' });
      counts.votes += 1;
      log(`  一事一议 ${v.name} 第 ${k + 1} 次表决`);
    });
}
