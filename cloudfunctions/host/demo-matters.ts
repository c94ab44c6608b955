import type { Ports } from '../ports';
import type { MovableClock } from '../ports/clock';
import { discuss, propose } from '../core/matters/proposals';
import { publish } from '../core/matters/publishing';
import { electorate, recordInPerson } from '../core/matters/ballots';
import { close } from '../core/matters/closing';
import { openVote } from '../core/matters/opening';

const DAY = 24 * 3600 * 1000;

/**
 * 一事一议 in each demo village, through the services the app calls, so every stage a user can
 * meet is there to look at: a finished matter in 杨家村, a 村民代表会议 vote under way in 豆腐李村
 * (the demo 村民 is a representative and can vote), a 筹资筹劳 plan waiting for the township in
 * 大姜村, and a villager proposal gathering co-signatures in 堤圈村.
 */
export async function seedMatters(v: string, villagerName: string, now: Date, clock: MovableClock, as: (key: string) => Ports): Promise<void> {
  const at = (daysAgo: number) => clock.set(new Date(now.getTime() - daysAgo * DAY));
  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  /** The 监委会 records everyone on the list in person (a meeting in the village hall). */
  async function everyoneAgrees(meetingId: string, except = 0) {
    const { people } = await electorate(as('supervisor'), { villageId: v, meetingId });
    for (const [i, p] of people.entries()) {
      if (i < except) continue;
      await recordInPerson(as('supervisor'), { villageId: v, meetingId, personId: p.personId, choice: i % 7 === 3 ? '弃权' : '同意' });
    }
  }
  async function throughVotes(matterId: string, startDaysAgo: number) {
    for (const [i, daysAgo] of [startDaysAgo, startDaysAgo - 10].entries()) {
      at(daysAgo);
      const m = await openVote(as('secretary'), { villageId: v, matterId, closesAt: inDays(3) });
      const meeting = m.meetings[i];
      at(daysAgo - 2);
      await everyoneAgrees(meeting.id);
      await close(as('supervisor'), { villageId: v, meetingId: meeting.id });
    }
  }

  if (v === 'yangjia') {
    // Early enough that both publications fall in a past quarter: the home page stays on the quarter being reported.
    at(150);
    const m = await propose(as('secretary'), {
      villageId: v,
      title: '硬化村东生产路',
      summary: '村东生产路长约 800 米，雨天泥泞，农机进出困难，提议硬化为 3.5 米宽水泥路。',
      decisionBody: 'representatives',
    });
    at(145);
    await discuss(as('director'), {
      villageId: v,
      matterId: m.id,
      agreed: true,
      record: '两委联席会议一致同意，按 3.5 米宽、18 厘米厚设计，提交党员大会审议。',
    });
    await throughVotes(m.id, 140);
    at(120);
    await publish(as('secretary'), {
      villageId: v,
      matterId: m.id,
      text: '经党员大会审议、村民代表会议表决通过，硬化村东生产路 800 米，由镇里统一招标施工，明年春耕前完工。',
    });
    at(60);
    await publish(as('secretary'), {
      villageId: v,
      matterId: m.id,
      text: '村东生产路已硬化完工并通过验收，决算 11.2 万元，全部使用上级“一事一议”财政奖补资金，未向村民筹资。',
    });
  }
  if (v === 'doufuli') {
    at(20);
    const m = await propose(as('secretary'), {
      villageId: v,
      title: '村部院内安装太阳能路灯',
      summary: '村部院内和文化广场夜间没有照明，提议安装 6 盏太阳能路灯，费用从村集体收入中列支。',
      decisionBody: 'representatives',
    });
    at(18);
    await discuss(as('director'), { villageId: v, matterId: m.id, agreed: true, record: '两委同意，预算 1.2 万元，提交党员大会审议。' });
    at(15);
    const reviewed = await openVote(as('secretary'), { villageId: v, matterId: m.id, closesAt: inDays(3) });
    at(13);
    await everyoneAgrees(reviewed.meetings[0].id);
    await close(as('supervisor'), { villageId: v, meetingId: reviewed.meetings[0].id });
    at(1);
    const deciding = await openVote(as('secretary'), { villageId: v, matterId: m.id, closesAt: inDays(6) });
    // Two representatives came to the village hall; the rest (the demo 村民 among them) can vote in the app.
    const { people } = await electorate(as('supervisor'), { villageId: v, meetingId: deciding.meetings[1].id });
    for (const p of people.filter((x) => x.name !== villagerName).slice(-2)) {
      await recordInPerson(as('supervisor'), { villageId: v, meetingId: deciding.meetings[1].id, personId: p.personId, choice: '同意' });
    }
  }
  if (v === 'dajiang') {
    at(40);
    const m = await propose(as('secretary'), {
      villageId: v,
      title: '清淤衬砌村南排水沟',
      summary: '村南排水沟淤塞，雨季农田积水，提议清淤 1.2 公里并用混凝土衬砌，申请一事一议财政奖补，不足部分筹资筹劳。',
      decisionBody: 'representatives',
      funding: { project: '村南排水沟清淤衬砌', budgetFen: 8_600_000, perPersonFen: 1_500, workdays: 2, notes: '70 岁以上老人自愿出劳' },
    });
    at(35);
    await discuss(as('secretary'), {
      villageId: v,
      matterId: m.id,
      agreed: true,
      record: '两委同意方案，筹资标准每人 15 元、每个劳动力 2 个工日，提交党员大会审议。',
    });
    await throughVotes(m.id, 30);
  }
  if (v === 'diquan') {
    at(3);
    // The 会计 proposes as a villager: the matter waits for a tenth of the adults to co-sign.
    await propose(as('accountant'), {
      villageId: v,
      title: '修缮村西小桥护栏',
      summary: '村西小桥护栏锈断两处，学生和老人经过有危险，提议尽快修缮。',
      decisionBody: 'villagers',
    });
  }
}
