import { C } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import type { MatterView } from '../../types/matters';
import { personLike } from '../helpers/people';
import { functionsHost } from '../helpers/host';

/**
 * Two taps, two phones, one vote — at scale: 500 party members of 杨家村 each try to vote twice
 * at the same moment, over HTTP against the local host. Half vote online twice, some are
 * recorded twice in person by the 监委会, the rest online and in person at once.
 */
const host = functionsHost();
const VOTERS = 500;
const v = 'yangjia';

beforeAll(async () => {
  const people = host.store.collection<PersonDoc>(C.people);
  const template = (await people.find({ where: { villageId: v, inRoster: true }, limit: 1 }))[0];
  // Only the test's voters are party members, so the 党员大会 electorate is exactly them.
  for (const p of await people.find({ where: { villageId: v, partyMember: true }, limit: 100 })) await people.update(p._id, { partyMember: false });
  for (let i = 0; i < VOTERS; i += 1) {
    const id = `${v}:load${String(i).padStart(4, '0')}`;
    const openid = `load-openid-${i}`;
    await people.set(
      id,
      personLike(template, id, {
        name: `党员${i}`,
        nameKey: `党员${i}`,
        householdNo: `L${i}`,
        partyMember: true,
        representative: false,
        assignedRoles: [],
        boundOpenid: openid,
      }) as never,
    );
    await host.store.collection(C.bindings).set(`${v}:${openid}`, { villageId: v, openid, personId: id, boundAt: host.clock.now().toISOString() });
    await host.store.collection(PERSONAS).set(`load-${i}`, { label: `党员${i}`, openid, villageId: v, roles: [] });
  }
}, 60_000);

const call = async (action: string, data: unknown, persona?: string) => (await host.call('matters', action, data, persona)).body;

it('records exactly one ballot per person, answers every second attempt CONFLICT, and the counts equal the recount', async () => {
  let m: MatterView = (
    await call(
      'propose',
      { villageId: v, title: '村集体经营性资产入股', summary: '以村集体厂房入股合作社，收益按股分红。', decisionBody: 'representatives' },
      'yangjia-secretary',
    )
  ).data;
  m = (await call('discuss', { villageId: v, matterId: m.id, agreed: true, record: '两委同意提交党员大会审议。' }, 'yangjia-secretary')).data;
  m = (
    await call(
      'openVote',
      { villageId: v, matterId: m.id, closesAt: new Date(host.clock.now().getTime() + 3 * 24 * 3600 * 1000).toISOString() },
      'yangjia-secretary',
    )
  ).data;
  const meetingId = m.meetings[0].id;
  expect(m.meetings[0].eligible).toBe(VOTERS);

  const choiceOf = (i: number) => (['同意', '同意', '不同意', '弃权'] as const)[i % 4];
  const online = (i: number) => call('vote', { villageId: v, meetingId, choice: choiceOf(i) }, `load-${i}`);
  const inPerson = (i: number) =>
    call('recordInPerson', { villageId: v, meetingId, personId: `${v}:load${String(i).padStart(4, '0')}`, choice: choiceOf(i) }, 'yangjia-supervisor');
  const attempts: Promise<{ ok: boolean; error?: { code: string } }>[] = [];
  for (let i = 0; i < VOTERS; i += 1) {
    if (i < VOTERS / 2) attempts.push(online(i), online(i));
    else if (i < 400) attempts.push(inPerson(i), inPerson(i));
    else attempts.push(online(i), inPerson(i));
  }
  const results = await Promise.all(attempts);

  expect(results.filter((r) => r.ok)).toHaveLength(VOTERS);
  const refused = results.filter((r) => !r.ok);
  expect(refused).toHaveLength(VOTERS);
  expect(new Set(refused.map((r) => r.error?.code))).toEqual(new Set(['CONFLICT']));
  // Each person's pair: exactly one went through.
  for (let i = 0; i < VOTERS; i += 1) expect([results[2 * i].ok, results[2 * i + 1].ok].filter(Boolean)).toHaveLength(1);

  expect(await host.store.collection(C.ballots).count({ meetingId })).toBe(VOTERS);
  expect(await host.store.collection(C.voteMarks).count({ meetingId })).toBe(VOTERS);
  const expected = { 同意: 0, 不同意: 0, 弃权: 0 };
  for (let i = 0; i < VOTERS; i += 1) expected[choiceOf(i)] += 1;
  const recount = (await call('recount', { villageId: v, meetingId }, 'yangjia-supervisor')).data;
  expect(recount).toEqual({ counts: expected, present: VOTERS, matches: true });
  const closed: MatterView = (await call('close', { villageId: v, meetingId }, 'yangjia-supervisor')).data;
  // 250 of 500 agree: exactly half is not a majority.
  expect(closed.meetings[0].result).toMatchObject({ present: VOTERS, counts: expected, quorumMet: true, passed: false });
  expect(closed.status).toBe('stopped');
  expect(await host.store.collection('audit').count({ scope: v, action: 'matters.recountMismatch' })).toBe(0);
}, 120_000);
