import { C } from '../../cloudfunctions/core/collections';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { startTestHost, type TestHost } from '../helpers/host';

/**
 * The attack: during an open secret vote, the 监委会 read the running counts (recount) after
 * each ballot and who had voted (electorate), and diffed the two — every voter's choice fell out.
 * Here two worlds part after the vote opens; in each the same people vote in the same order,
 * but with opposite choices. Everything any role can read must be the same in both worlds at
 * every step: if an answer anywhere depended on a choice, it would differ.
 */
jest.setTimeout(120000);

const V = 'yangjia';
let a: TestHost;
let b: TestHost;
let meetingId = '';
let matterId = '';
const voters: string[] = [];

async function ok(host: TestHost, fn: string, action: string, data: unknown, persona?: string) {
  const res = await host.call(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

beforeAll(async () => {
  a = await startTestHost();
  const m = await ok(
    a,
    'matters',
    'propose',
    {
      villageId: V,
      title: '村集体果园承包方案',
      summary: '村东果园承包期满，提议重新公开发包，期限五年，底价每年 3 万元。',
      decisionBody: 'representatives',
      secret: true,
    },
    `${V}-secretary`,
  );
  matterId = m.id;
  await ok(a, 'matters', 'discuss', { villageId: V, matterId, agreed: true, record: '两委同意，提交党员大会审议。' }, `${V}-director`);
  const opened = await ok(
    a,
    'matters',
    'openVote',
    { villageId: V, matterId, closesAt: new Date(a.clock.now().getTime() + 3 * 86400000).toISOString() },
    `${V}-secretary`,
  );
  meetingId = opened.meetings[0].id;
  // Four party members without an account get one to vote with (set up directly, as binding would).
  const { people } = await ok(a, 'matters', 'electorate', { villageId: V, meetingId }, `${V}-supervisor`);
  const unbound: { personId: string; name: string }[] = [];
  for (const p of people) if (!(await a.store.collection<PersonDoc>(C.people).get(p.personId))?.boundOpenid) unbound.push(p);
  expect(unbound.length).toBeGreaterThan(4);
  for (const [i, p] of unbound.slice(0, 4).entries()) {
    const openid = `secret-test-openid-${i}`;
    await a.store.collection(C.people).update(p.personId, { boundOpenid: openid });
    await a.store.collection(C.bindings).set(`${V}:${openid}`, { villageId: V, openid, personId: p.personId, boundAt: a.clock.now().toISOString() });
    await a.store.collection(PERSONAS).set(`secret-voter-${i}`, { label: p.name, openid, villageId: V, roles: [] });
    voters.push(`secret-voter-${i}`);
  }
  b = await startTestHost({ copyOf: a });
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

/** Everything the roles of the village and the township can read about the village and the vote. */
const READERS: (string | undefined)[] = [
  undefined,
  `${V}-villager`,
  `${V}-secretary`,
  `${V}-director`,
  `${V}-accountant`,
  `${V}-supervisor`,
  `${V}-supervisor-member`,
  `${V}-finance`,
  'township-admin',
  'township-discipline',
];
const READS: [fn: string, action: string, data: () => unknown][] = [
  ['matters', 'list', () => ({ villageId: V })],
  ['matters', 'get', () => ({ villageId: V, matterId })],
  ['matters', 'electorate', () => ({ villageId: V, meetingId })],
  ['matters', 'recount', () => ({ villageId: V, meetingId })],
  ['matters', 'receipts', () => ({ villageId: V, meetingId })],
  ['matters', 'filings', () => ({ townshipId: 'huangsheng' })],
  ['identity', 'auditList', () => ({ villageId: V })],
  ['identity', 'auditVerify', () => ({ villageId: V })],
  ['identity', 'inbox', () => ({})],
  ['identity', 'whoami', () => ({})],
  ['village', 'get', () => ({ villageId: V })],
];

async function everything(host: TestHost): Promise<string[]> {
  const out: string[] = [];
  for (const persona of [...READERS, ...voters]) {
    for (const [fn, action, data] of READS) {
      const res = await host.call(fn, action, data(), persona);
      const { now: _now, ...body } = res.body;
      out.push(`${persona ?? 'visitor'} ${fn}.${action} ${res.status} ${JSON.stringify(body)}`);
    }
  }
  return out;
}

it('refuses the running recount of a secret vote, and secret voting with live counts', async () => {
  const res = await a.call('matters', 'recount', { villageId: V, meetingId }, `${V}-supervisor`);
  expect(res.body.error.code).toBe('FAILED_PRECONDITION');
  expect(res.body.error.message).toMatch(/不记名表决在结束之前不能复核计票/);
  const both = await a.call(
    'matters',
    'propose',
    {
      villageId: V,
      title: '村内道路照明',
      summary: '在主要路口安装太阳能路灯八盏，费用由村集体列支。',
      decisionBody: 'representatives',
      secret: true,
      liveCounts: true,
    },
    `${V}-secretary`,
  );
  expect(both.body.error.code).toBe('INVALID_ARGUMENT');
  expect(both.body.error.message).toMatch(/不记名投票不能在表决中公开票数/);
});

it('answers every role the same whichever way each secret ballot goes, until the vote closes', async () => {
  expect(await everything(a)).toEqual(await everything(b));
  for (const [i, voter] of voters.entries()) {
    await ok(a, 'matters', 'vote', { villageId: V, meetingId, choice: i % 2 ? '同意' : '不同意' }, voter);
    await ok(b, 'matters', 'vote', { villageId: V, meetingId, choice: i % 2 ? '不同意' : '弃权' }, voter);
    const [seenA, seenB] = [await everything(a), await everything(b)];
    const differ = seenA.filter((line, n) => line !== seenB[n]);
    expect(differ).toEqual([]);
  }
  // Who has voted is visible (the 监委会 needs it to record in person); how, nowhere.
  const { people } = await ok(a, 'matters', 'electorate', { villageId: V, meetingId }, `${V}-supervisor`);
  expect(people.filter((p: { voted: boolean }) => p.voted)).toHaveLength(voters.length);
  const meeting = (await ok(a, 'matters', 'get', { villageId: V, matterId }, `${V}-supervisor`)).meetings[0];
  expect(meeting.counts).toBeNull();
  expect(meeting.present).toBe(voters.length);
});

it('counts and recounts once the secret vote has closed, and the worlds then differ as they should', async () => {
  for (const h of [a, b]) {
    const { people } = await ok(h, 'matters', 'electorate', { villageId: V, meetingId }, `${V}-supervisor`);
    for (const p of people.filter((x: { voted: boolean }) => !x.voted))
      await ok(h, 'matters', 'recordInPerson', { villageId: V, meetingId, personId: p.personId }, `${V}-supervisor`);
    const t = (await ok(h, 'matters', 'get', { villageId: V, matterId }, `${V}-supervisor`)).meetings[0];
    const inPerson = t.inPerson as number;
    expect(inPerson).toBeGreaterThan(0);
    await ok(h, 'matters', 'recordPaperBox', { villageId: V, meetingId, counts: { 同意: inPerson, 不同意: 0, 弃权: 0 } }, `${V}-supervisor`);
    await ok(h, 'matters', 'close', { villageId: V, meetingId }, `${V}-supervisor`);
  }
  const recountA = await ok(a, 'matters', 'recount', { villageId: V, meetingId }, `${V}-supervisor`);
  const recountB = await ok(b, 'matters', 'recount', { villageId: V, meetingId }, `${V}-supervisor`);
  expect(recountA.matches).toBe(true);
  expect(recountA.counts.不同意).toBe(2);
  expect(recountB.counts.不同意).toBe(2);
  expect(recountB.counts.弃权).toBe(2);
  expect(recountA.counts.同意 - recountB.counts.同意).toBe(2);
});
