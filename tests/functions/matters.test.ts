import { C } from '../../cloudfunctions/core/collections';
import { isAdultOn } from '../../cloudfunctions/core/people/model';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import type { MatterView } from '../../types/matters';
import { functionsHost, TEST_ID_KEY } from '../helpers/host';
import { proposedToVote } from '../helpers/matters-flow';
import { storeDigest } from '../helpers/snapshot';
import { PERSONAS, type PersonaDoc } from '../../cloudfunctions/host/personas';

const host = functionsHost();

const DAY = 24 * 3600 * 1000;
const call = async (action: string, data: unknown, persona?: string) => (await host.call('matters', action, data, persona)).body;
const ok = (action: string, data: unknown, persona?: string) => host.ok('matters', action, data, persona);
const inThreeDays = () => new Date(host.clock.now().getTime() + 3 * DAY).toISOString();
const people = async (villageId: string) => host.store.collection<PersonDoc>(C.people).find({ where: { villageId, inRoster: true }, limit: 1000 });

describe('a matter from 提议 to 实施结果公开', () => {
  const v = 'yangjia';
  let m: MatterView;

  it('is proposed by the party branch and cannot skip a stage', async () => {
    m = await ok(
      'propose',
      { villageId: v, title: '硬化村东生产路', summary: '村东生产路雨天泥泞，提议硬化 800 米。', decisionBody: 'representatives' },
      'yangjia-secretary',
    );
    expect(m).toMatchObject({ stage: '商议', status: 'active', origin: 'branch' });
    expect(m.history).toEqual([expect.objectContaining({ stage: '提议', by: expect.stringMatching(/^村党组织书记 /) })]);
    // Not yet: no vote before 商议, no publication before a resolution.
    expect((await call('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, 'yangjia-secretary')).error.code).toBe('FAILED_PRECONDITION');
    expect((await call('publish', { villageId: v, matterId: m.id, text: '提前公开决议内容' }, 'yangjia-secretary')).error.code).toBe('FAILED_PRECONDITION');
    // Only the 两委 record 商议.
    expect((await call('discuss', { villageId: v, matterId: m.id, agreed: true, record: '同意提交审议' }, 'yangjia-villager')).error.code).toBe(
      'PERMISSION_DENIED',
    );
    m = await ok('discuss', { villageId: v, matterId: m.id, agreed: true, record: '两委联席会议一致同意，提交党员大会审议。' }, 'yangjia-director');
    expect(m.stage).toBe('审议');
    expect(m.history[1]).toMatchObject({ stage: '商议', by: expect.stringMatching(/^村委会主任 /) });
    expect((await call('discuss', { villageId: v, matterId: m.id, agreed: true, record: '再商议一次' }, 'yangjia-director')).error.code).toBe(
      'FAILED_PRECONDITION',
    );
  });

  it('is reviewed by the 党员大会: the electorate is the party members, frozen when voting opens', async () => {
    m = await ok('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, 'yangjia-secretary');
    const meeting = m.meetings[0];
    const members = (await people(v)).filter((p) => p.partyMember);
    expect(meeting).toMatchObject({ stage: '审议', body: 'party', state: 'open', eligible: members.length, present: 0, counts: null });
    expect(meeting.quorumShort).toBe(Math.ceil((2 * members.length) / 3));
    // A second meeting cannot open alongside.
    expect((await call('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, 'yangjia-secretary')).error.code).toBe('CONFLICT');
    // Not a party member: refused, nothing counted.
    const refused = await call('vote', { villageId: v, meetingId: meeting.id, choice: '同意' }, 'yangjia-accountant');
    expect(refused.error).toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('党员大会') });
    // Voters are told in their inbox.
    const secretary = members.find((p) => p.boundOpenid === 'dev-openid-yangjia-secretary')!;
    const inbox = (await host.call('identity', 'inbox', {}, 'yangjia-secretary')).body.data.messages;
    expect(inbox[0].text).toContain('“硬化村东生产路”开始表决（党员大会）');
    await ok('vote', { villageId: v, meetingId: meeting.id, choice: '同意' }, 'yangjia-secretary');
    // Everyone else in person, recorded by the 监委会.
    for (const p of members.filter((x) => x._id !== secretary._id)) {
      await ok('recordInPerson', { villageId: v, meetingId: meeting.id, personId: p._id, choice: '同意' }, 'yangjia-supervisor');
    }
    m = await ok('close', { villageId: v, meetingId: meeting.id }, 'yangjia-supervisor');
    expect(m.stage).toBe('决议');
    expect(m.meetings[0]).toMatchObject({ state: 'closed', result: { quorumMet: true, passed: true, present: members.length } });
  });

  it('fails quorum at the 村民代表会议, reopens as a new meeting and passes', async () => {
    const reps = (await people(v)).filter((p) => p.representative);
    m = await ok('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, 'yangjia-director');
    let meeting = m.meetings[1];
    expect(meeting).toMatchObject({ stage: '决议', body: 'representatives', eligible: reps.length });
    const need = Math.ceil((2 * reps.length) / 3);
    // One short of a quorum, all in favour.
    for (const p of reps.slice(0, need - 1))
      await ok('recordInPerson', { villageId: v, meetingId: meeting.id, personId: p._id, choice: '同意' }, 'yangjia-supervisor');
    m = (await ok('get', { villageId: v, matterId: m.id })) as MatterView;
    expect(m.meetings[1].quorumShort).toBe(1);
    m = await ok('close', { villageId: v, meetingId: meeting.id }, 'yangjia-supervisor');
    expect(m).toMatchObject({ stage: '决议', status: 'active' });
    expect(m.meetings[1].result).toMatchObject({ quorumMet: false, passed: false });
    expect(m.history.at(-1)!.record).toContain('未达到法定人数');

    m = await ok('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, 'yangjia-director');
    meeting = m.meetings[2];
    for (const p of reps.slice(0, need))
      await ok('recordInPerson', { villageId: v, meetingId: meeting.id, personId: p._id, choice: p === reps[0] ? '弃权' : '同意' }, 'yangjia-supervisor');
    m = await ok('close', { villageId: v, meetingId: meeting.id }, 'yangjia-supervisor');
    expect(m).toMatchObject({ stage: '决议公开', status: 'active' });
    expect(m.meetings[2].result).toMatchObject({ quorumMet: true, passed: true, counts: { 同意: need - 1, 不同意: 0, 弃权: 1 } });
  });

  it('publishes the resolution and the outcome as verifiable, versioned items', async () => {
    m = await ok('publish', { villageId: v, matterId: m.id, text: '经村民代表会议表决通过，硬化村东生产路 800 米，明年春耕前完工。' }, 'yangjia-secretary');
    expect(m.stage).toBe('实施结果公开');
    const r = m.resolution!;
    const item = (await host.call('disclosure', 'item', { villageId: v, quarter: r.quarter, itemId: r.itemId })).body.data;
    expect(item.latest.title).toBe('一事一议决议公开：硬化村东生产路');
    const text = JSON.stringify(item);
    expect(text).toContain('未达法定人数');
    expect(text).toContain('同意票须超过到会人数的一半');
    const verified = (await host.call('disclosure', 'verify', { villageId: v, quarter: r.quarter, itemId: r.itemId })).body.data;
    expect(verified).toMatchObject({ contentIntact: true, recordIntact: true });

    m = await ok('publish', { villageId: v, matterId: m.id, text: '生产路已硬化完工，验收合格，实际花费 11.2 万元。' }, 'yangjia-director');
    expect(m).toMatchObject({ status: 'done', stage: '实施结果公开' });
    expect(m.history.map((h) => h.stage)).toEqual(['提议', '商议', '审议', '决议', '决议', '决议公开', '实施结果公开']);
    // A correction is a new version, with its reason; the first stays readable.
    expect((await call('publish', { villageId: v, matterId: m.id, text: '实际花费 11.5 万元。' }, 'yangjia-director')).error.code).toBe('INVALID_ARGUMENT');
    m = await ok('publish', { villageId: v, matterId: m.id, text: '生产路已硬化完工，实际花费 11.5 万元。', reason: '补记一笔材料费' }, 'yangjia-director');
    expect(m.outcome!.version).toBe(2);
  });
});

describe('a villager proposal', () => {
  it('waits for co-signatures from a tenth of adults (or a fifth of representatives), once each, then goes to 商议', async () => {
    const v = 'doufuli';
    // The 会计 proposes as a villager (not a representative), so the adults' threshold is the one that counts.
    let m: MatterView = await ok(
      'propose',
      { villageId: v, title: '修缮村小学围墙', summary: '村小学围墙倒塌一段，学生上学不安全，提议修缮。', decisionBody: 'villagers' },
      'doufuli-accountant',
    );
    expect(m).toMatchObject({ status: 'cosigning', stage: '提议', origin: 'villagers' });
    expect(m.cosign).toMatchObject({ count: 1, mine: true });
    expect((await call('cosign', { villageId: v, matterId: m.id }, 'doufuli-accountant')).error.code).toBe('CONFLICT');
    const roster = await people(v);
    const adults = roster.filter((p) => isAdultOn(TEST_ID_KEY, p, '2026-11-23')).length;
    expect(m.cosign!.needed).toBe(Math.ceil(adults / 10));
    const nonReps = ['doufuli-supervisor', 'doufuli-director', 'doufuli-supervisor-member', 'doufuli-finance'];
    for (const s of nonReps.slice(0, m.cosign!.needed - 2)) m = await ok('cosign', { villageId: v, matterId: m.id }, s);
    expect(m.status).toBe('cosigning');
    m = await ok('cosign', { villageId: v, matterId: m.id }, nonReps[m.cosign!.needed - 2]);
    expect(m).toMatchObject({ status: 'active', stage: '商议' });
    // Credited to the villager who started it (with how many signed), not to "系统".
    const persona = await host.store.collection<PersonaDoc>(PERSONAS).get('doufuli-accountant');
    const binding = await host.store.collection<{ _id: string; personId: string }>(C.bindings).get(`${v}:${persona!.openid}`);
    const proposer = await host.store.collection<PersonDoc>(C.people).get(binding!.personId);
    expect(m.history[0]).toMatchObject({
      stage: '提议',
      by: `村民 ${proposer!.name} 等 ${m.cosign!.count} 人联名`,
      record: expect.stringContaining(`${m.cosign!.count} 位村民联名`),
    });
    expect((await call('cosign', { villageId: v, matterId: m.id }, 'doufuli-villager')).error.code).toBe('FAILED_PRECONDITION');
  });

  it('moves on with a fifth of the representatives', async () => {
    // The demo 村民 is a representative; 杨家村 has few enough that one is a fifth.
    const reps = (await people('yangjia')).filter((p) => p.representative).length;
    const m: MatterView = await ok(
      'propose',
      { villageId: 'yangjia', title: '增设村口公交站亭', summary: '村口公交站没有站亭，老人等车日晒雨淋。', decisionBody: 'villagers' },
      'yangjia-villager',
    );
    expect(m.status).toBe(Math.ceil(reps / 5) <= 1 ? 'active' : 'cosigning');
  });
});

describe('one vote per person', () => {
  it('refuses a second vote by any channel with CONFLICT, and the electorate does not move once voting opens', async () => {
    const v = 'dajiang';
    const m = await proposedToVote(
      ok,
      { villageId: v, title: '新建村文化广场', summary: '在村委会西侧空地建文化广场，供村民活动。', decisionBody: 'households' },
      { closesAt: inThreeDays() },
    );
    const meeting = m.meetings[0];
    const secretary = (await people(v)).find((p) => p.boundOpenid === 'dev-openid-dajiang-secretary')!;
    await ok('vote', { villageId: v, meetingId: meeting.id, choice: '同意' }, 'dajiang-secretary');
    // Only the refused try is counted against the account's allowance (attempts); nothing else is written.
    const before = storeDigest(host.store, ['attempts']);
    const again = await call('vote', { villageId: v, meetingId: meeting.id, choice: '不同意' }, 'dajiang-secretary');
    expect(again.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('每人只有一票') });
    const inPerson = await call('recordInPerson', { villageId: v, meetingId: meeting.id, personId: secretary._id, choice: '不同意' }, 'dajiang-supervisor');
    expect(inPerson.error.code).toBe('CONFLICT');
    expect(storeDigest(host.store, ['attempts'])).toBe(before);
    // Someone made a party member after the vote opened is not on its list.
    const villager = (await people(v)).find((p) => p.boundOpenid === 'dev-openid-dajiang-villager')!;
    expect(villager.partyMember).toBe(false);
    await host.store.collection(C.people).update(villager._id, { partyMember: true });
    expect((await call('vote', { villageId: v, meetingId: meeting.id, choice: '同意' }, 'dajiang-villager')).error.code).toBe('PERMISSION_DENIED');
    const listed = (await ok('electorate', { villageId: v, meetingId: meeting.id }, 'dajiang-supervisor')).people;
    expect(listed.find((p: { personId: string }) => p.personId === secretary._id)).toMatchObject({ voted: true });
    expect(listed.some((p: { personId: string }) => p.personId === villager._id)).toBe(false);
    await host.store.collection(C.people).update(villager._id, { partyMember: false });
    // After closing, nothing more is accepted.
    await ok('close', { villageId: v, meetingId: meeting.id }, 'dajiang-supervisor');
    expect(
      (await call('recordInPerson', { villageId: v, meetingId: meeting.id, personId: listed[1].personId, choice: '同意' }, 'dajiang-supervisor')).error.code,
    ).toBe('FAILED_PRECONDITION');
  });

  it('recounts from the ballots: a tally that differs is an alarm on the audit chain', async () => {
    const v = 'dajiang';
    const m = (await ok('list', { villageId: v })).matters[0];
    const full: MatterView = await ok('get', { villageId: v, matterId: m.id });
    const meetingId = full.meetings[0].id;
    expect(await ok('recount', { villageId: v, meetingId }, 'dajiang-supervisor')).toMatchObject({ matches: true, present: 1, counts: { 同意: 1 } });
    await host.store.collection(C.voteTallies).update(meetingId, { yes: 5 });
    expect(await ok('recount', { villageId: v, meetingId }, 'township-discipline')).toMatchObject({ matches: false, counts: { 同意: 1 } });
    const alarms = await host.store.collection('audit').find({ where: { scope: v, action: 'matters.recountMismatch' }, limit: 5 });
    expect(alarms).toHaveLength(1);
  });
});

describe('a secret ballot', () => {
  it('keeps who voted apart from how: no response links a person to a choice, and the voter finds their receipt afterwards', async () => {
    const v = 'diquan';
    const m = await proposedToVote(
      ok,
      { villageId: v, title: '调整村集体土地承包方案', summary: '第二轮承包到期的地块，提议按人口重新调整。', decisionBody: 'households', secret: true },
      { closesAt: inThreeDays() },
    );
    const meeting = m.meetings[0];
    expect(meeting.secret).toBe(true);
    const mine = await ok('vote', { villageId: v, meetingId: meeting.id, choice: '不同意' }, 'diquan-secretary');
    expect(mine.receipt).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const members = (await people(v)).filter((p) => p.partyMember && p.boundOpenid !== 'dev-openid-diquan-secretary');
    // In person, a secret vote records attendance by name; the box is counted apart.
    expect(
      (await call('recordInPerson', { villageId: v, meetingId: meeting.id, personId: members[0]._id, choice: '同意' }, 'diquan-supervisor')).error.code,
    ).toBe('INVALID_ARGUMENT');
    for (const p of members) await ok('recordInPerson', { villageId: v, meetingId: meeting.id, personId: p._id }, 'diquan-supervisor');
    expect(
      (await call('recordPaperBox', { villageId: v, meetingId: meeting.id, counts: { 同意: members.length + 1, 不同意: 0, 弃权: 0 } }, 'diquan-supervisor'))
        .error.code,
    ).toBe('INVALID_ARGUMENT');
    const early = await call('close', { villageId: v, meetingId: meeting.id }, 'diquan-supervisor');
    expect(early.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('请先“清点票箱”') });
    await ok('recordPaperBox', { villageId: v, meetingId: meeting.id, counts: { 同意: members.length - 1, 不同意: 0, 弃权: 1 } }, 'diquan-supervisor');
    // Receipts only after closing.
    expect((await call('receipts', { villageId: v, meetingId: meeting.id })).error.code).toBe('FAILED_PRECONDITION');

    // Everything any role can read while and after it runs: none pairs a voter with a choice.
    const readable: string[] = [];
    for (const persona of ['diquan-secretary', 'diquan-supervisor', 'diquan-director', 'township-admin', 'township-discipline', undefined]) {
      readable.push(JSON.stringify(await call('get', { villageId: v, matterId: m.id }, persona)));
      readable.push(JSON.stringify(await call('electorate', { villageId: v, meetingId: meeting.id }, persona)));
      readable.push(JSON.stringify(await host.call('identity', 'auditList', { villageId: v }, persona)));
    }
    await ok('close', { villageId: v, meetingId: meeting.id }, 'diquan-supervisor');
    const list = (await ok('receipts', { villageId: v, meetingId: meeting.id })).receipts as { receipt: string; choice: string }[];
    expect(list).toHaveLength(members.length + 1);
    expect(list).toContainEqual({ receipt: mine.receipt, choice: '不同意' });
    for (const text of readable) expect(text).not.toContain(mine.receipt);
    // The stored records: a ballot has neither a person nor a time; a mark has no choice.
    const ballots = await host.store.collection(C.ballots).find({ where: { meetingId: meeting.id }, limit: 100 });
    for (const b of ballots) {
      // A counted box is one record per choice, with its count and no receipt.
      const keys =
        b.channel === 'in_person'
          ? ['_id', 'channel', 'choice', 'count', 'meetingId', 'personId', 'receipt']
          : ['_id', 'channel', 'choice', 'meetingId', 'personId', 'receipt'];
      expect(Object.keys(b).sort()).toEqual(keys.sort());
    }
    expect(list.filter((r) => r.receipt === '现场纸质选票')).toHaveLength(members.length);
    expect(ballots.every((b) => b.personId === null)).toBe(true);
    const marks = await host.store.collection(C.voteMarks).find({ where: { meetingId: meeting.id }, limit: 100 });
    expect(marks.every((k) => !('choice' in k) && !('receipt' in k))).toBe(true);
  });
});

describe('筹资筹劳', () => {
  it('refuses amounts over the caps, applies the exemptions, and goes to the township to file before the resolution is published', async () => {
    const v = 'yangjia';
    const before = storeDigest(host.store);
    const tooMuch = await call(
      'propose',
      {
        villageId: v,
        title: '修建村南排水沟',
        summary: '村南排水沟淤塞，雨季积水，提议清淤并衬砌。',
        decisionBody: 'representatives',
        funding: { project: '村南排水沟', budgetFen: 3_000_000, perPersonFen: 2_000, workdays: 3 },
      },
      'yangjia-secretary',
    );
    expect(tooMuch.error).toEqual({ code: 'INVALID_ARGUMENT', message: '每人每年筹资不能超过 15 元（本省上限），方案里是 20.00 元。' });
    const tooLong = await call(
      'propose',
      {
        villageId: v,
        title: '修建村南排水沟',
        summary: '村南排水沟淤塞，雨季积水，提议清淤并衬砌。',
        decisionBody: 'representatives',
        funding: { project: '村南排水沟', budgetFen: 3_000_000, perPersonFen: 1_500, workdays: 11 },
      },
      'yangjia-secretary',
    );
    expect(tooLong.error.message).toContain('不能超过 10 个工日');
    expect(storeDigest(host.store)).toBe(before);

    let m: MatterView = await ok(
      'propose',
      {
        villageId: v,
        title: '修建村南排水沟',
        summary: '村南排水沟淤塞，雨季积水，提议清淤并衬砌。',
        decisionBody: 'representatives',
        funding: { project: '村南排水沟', budgetFen: 3_000_000, perPersonFen: 1_500, workdays: 3 },
      },
      'yangjia-secretary',
    );
    const roster = await people(v);
    const lowIncomeHouseholds = new Set(roster.filter((p) => p.lowIncome).map((p) => p.householdNo));
    const adults = roster.filter((p) => isAdultOn(TEST_ID_KEY, p, '2026-11-23') && !p.activeSoldier);
    expect(m.funding).toMatchObject({
      exempt: { soldiers: roster.filter((p) => p.activeSoldier).length, lowIncome: adults.filter((p) => lowIncomeHouseholds.has(p.householdNo)).length },
      payers: adults.filter((p) => !lowIncomeHouseholds.has(p.householdNo)).length,
    });
    expect(m.funding!.raisedFen).toBe(m.funding!.payers * 1_500);
    m = await ok('discuss', { villageId: v, matterId: m.id, agreed: true, record: '同意提交党员大会审议。' }, 'yangjia-secretary');
    for (const stage of ['审议', '决议']) {
      m = await ok('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, 'yangjia-secretary');
      const meeting = m.meetings.at(-1)!;
      const electors = (await ok('electorate', { villageId: v, meetingId: meeting.id }, 'yangjia-supervisor')).people;
      for (const p of electors) await ok('recordInPerson', { villageId: v, meetingId: meeting.id, personId: p.personId, choice: '同意' }, 'yangjia-supervisor');
      m = await ok('close', { villageId: v, meetingId: meeting.id }, 'yangjia-supervisor');
      expect(meeting.stage).toBe(stage);
    }
    expect(m).toMatchObject({ stage: '决议', status: 'filing', filing: { state: 'pending' } });
    expect((await call('publish', { villageId: v, matterId: m.id, text: '决议：修建村南排水沟。' }, 'yangjia-secretary')).error.message).toContain(
      '镇里审核备案',
    );
    const queue = (await ok('filings', { townshipId: 'huangsheng' }, 'township-admin')).matters;
    expect(queue.map((x: { id: string }) => x.id)).toContain(m.id);
    expect((await call('file', { villageId: v, matterId: m.id, decision: 'approve' }, 'yangjia-secretary')).error.code).toBe('PERMISSION_DENIED');
    expect((await call('file', { villageId: v, matterId: m.id, decision: 'return' }, 'township-admin')).error.code).toBe('INVALID_ARGUMENT');
    m = await ok('file', { villageId: v, matterId: m.id, decision: 'approve' }, 'township-admin');
    expect(m).toMatchObject({ status: 'active', stage: '决议公开', filing: { state: 'approved' } });
    m = await ok('publish', { villageId: v, matterId: m.id, text: '决议：修建村南排水沟，每人筹资 15 元，每个劳动力筹劳 3 个工日。' }, 'yangjia-secretary');
    expect(m.stage).toBe('实施结果公开');
  });
});

describe('the timer', () => {
  it('reminds voters who have not voted a day before, and closes the vote at its time', async () => {
    const v = 'doufuli';
    let m = await proposedToVote(
      ok,
      { villageId: v, title: '村部院内安装路灯', summary: '村部院内夜间无照明，提议安装 6 盏太阳能路灯。', decisionBody: 'representatives' },
      { closesAt: inThreeDays() },
    );
    const meetingId = m.meetings[0].id;
    host.clock.advance(2.2 * DAY);
    const tick = (await host.post('/dev/tick', '{}')).body.data;
    expect(tick.votersReminded).toBeGreaterThanOrEqual(1);
    const inbox = (await host.call('identity', 'inbox', {}, 'doufuli-secretary')).body.data.messages;
    expect(inbox[0].text).toContain('您还没有投票');
    host.clock.advance(1 * DAY);
    expect((await host.post('/dev/tick', '{}')).body.data.votesClosed).toBe(1);
    m = await ok('get', { villageId: v, matterId: m.id });
    expect(m.meetings[0]).toMatchObject({ id: meetingId, state: 'closed', result: { quorumMet: false } });
    expect(m.history.at(-1)).toMatchObject({ by: '系统（到截止时间自动结束）' });
  });
});
