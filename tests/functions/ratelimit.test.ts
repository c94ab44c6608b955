import { C } from '../../cloudfunctions/core/collections';
import { accountKeyOf, WRITE_LIMITS } from '../../cloudfunctions/core/limits/ratelimit';
import { isAdultOn } from '../../cloudfunctions/core/people/model';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import type { Ports } from '../../cloudfunctions/ports';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import type { MatterView } from '../../types/matters';
import { functionsHost, TEST_ID_KEY } from '../helpers/host';
import { personLike } from '../helpers/people';
import { storeDigest } from '../helpers/snapshot';
import { PLAIN_PNG } from '../helpers/photo-metadata';

/**
 * Per-account limits on villager-facing writes, over HTTP against the local host: the call past
 * the allowance is refused RATE_LIMITED with a Chinese message saying when to come back, writes
 * nothing, leaves other accounts alone, and the allowance comes back as the window rolls on.
 */
const host = functionsHost();

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const FAKE_ID = '0123456789abcdef0123';
const WHEN = /请 \d+ (分钟|小时)后/;
type Body = { ok: boolean; data?: any; error?: { code: string; message: string } };
const call = async (fn: string, action: string, data: unknown, persona?: string): Promise<Body> => (await host.send(fn, action, data, persona)).body;
const ok = async (fn: string, action: string, data: unknown, persona?: string) => {
  const body = await call(fn, action, data, persona);
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`);
  return body.data;
};
const codes = (results: Body[]) => results.map((r) => (r.ok ? 'ok' : r.error!.code));
const tally = (list: string[]) => {
  const t: Record<string, number> = {};
  for (const c of list) t[c] = (t[c] ?? 0) + 1;
  return t;
};

/** A verified adult villager of `villageId` with a persona of their own (a phone of their own). */
async function villager(villageId: string, key: string, fields: Partial<PersonDoc> = {}): Promise<{ persona: string; personId: string; openid: string }> {
  const people = host.store.collection<PersonDoc>(C.people);
  const day = host.clock.now().toISOString().slice(0, 10);
  const template = (await people.find({ where: { villageId, inRoster: true }, limit: 100 })).find((p) => isAdultOn(TEST_ID_KEY, p, day))!;
  const personId = `${villageId}:rl-${key}`;
  const openid = `rl-openid-${key}`;
  await people.set(
    personId,
    personLike(template, personId, {
      name: `限流${key}`,
      nameKey: `限流${key}`,
      householdNo: `RL-${key}`,
      assignedRoles: [],
      boundOpenid: openid,
      ...fields,
    }) as never,
  );
  await host.store.collection(C.bindings).set(`${villageId}:${openid}`, { villageId, openid, personId, boundAt: host.clock.now().toISOString() });
  await host.store.collection(PERSONAS).set(`rl-${key}`, { label: key, openid, villageId, roles: [] });
  return { persona: `rl-${key}`, personId, openid };
}

describe('votes: 30 per account per 10 minutes', () => {
  const v = 'diquan';
  const LIMIT = WRITE_LIMITS.vote.limit;
  const meetings: string[] = [];
  let a: Awaited<ReturnType<typeof villager>>;
  let b: Awaited<ReturnType<typeof villager>>;
  let c: Awaited<ReturnType<typeof villager>>;

  beforeAll(async () => {
    // Party members before the votes open, so all three are on every 党员大会's frozen list.
    a = await villager(v, 'voter-a', { partyMember: true });
    b = await villager(v, 'voter-b', { partyMember: true });
    c = await villager(v, 'voter-c', { partyMember: true });
    const closesAt = new Date(host.clock.now().getTime() + 3 * DAY).toISOString();
    for (let i = 0; i < LIMIT + 5; i += 1) {
      const m: MatterView = await ok(
        'matters',
        'propose',
        { villageId: v, title: `村内公益事业第 ${i + 1} 项`, summary: '修缮村内道路和排水设施，费用由村集体承担。', decisionBody: 'representatives' },
        'diquan-secretary',
      );
      await ok('matters', 'discuss', { villageId: v, matterId: m.id, agreed: true, record: '两委同意提交党员大会审议。' }, 'diquan-secretary');
      const open: MatterView = await ok('matters', 'openVote', { villageId: v, matterId: m.id, closesAt }, 'diquan-secretary');
      meetings.push(open.meetings[0].id);
    }
  }, 60_000);

  const vote = (persona: string, meetingId: string) => call('matters', 'vote', { villageId: v, meetingId, choice: '同意' }, persona);
  const ballotsOf = (personId: string) => host.store.collection(C.voteMarks).count({ personId });

  it('accepts exactly the allowance when one account fires more votes than that at once', async () => {
    const results = await Promise.all(meetings.map((m) => vote(b.persona, m)));
    expect(tally(codes(results))).toEqual({ ok: LIMIT, RATE_LIMITED: meetings.length - LIMIT });
    expect(await ballotsOf(b.personId)).toBe(LIMIT);
  });

  it('refuses the vote past the allowance with a message saying when to come back, and writes nothing', async () => {
    for (const m of meetings.slice(0, LIMIT)) expect((await vote(a.persona, m)).ok).toBe(true);
    const before = storeDigest(host.store);
    const refused = await vote(a.persona, meetings[LIMIT]);
    expect(refused.error!.code).toBe('RATE_LIMITED');
    expect(refused.error!.message).toMatch(WHEN);
    expect(refused.error!.message).toContain('每人每场表决只有一票');
    expect(storeDigest(host.store)).toBe(before);
    expect(await ballotsOf(a.personId)).toBe(LIMIT);
  });

  it('leaves other accounts voting', async () => {
    expect((await vote(c.persona, meetings[LIMIT])).ok).toBe(true);
  });

  it('lets the account vote again once the window has rolled on', async () => {
    host.clock.advance(5 * MINUTE);
    expect((await vote(a.persona, meetings[LIMIT])).error!.code).toBe('RATE_LIMITED');
    host.clock.advance(5 * MINUTE + 1000);
    expect((await vote(a.persona, meetings[LIMIT])).ok).toBe(true);
    expect(await ballotsOf(a.personId)).toBe(LIMIT + 1);
  });

  it('counts refused votes too: a script retrying a ballot it already cast is stopped, and nothing but the count is written', async () => {
    // c's accepted vote above has left the window (the clock moved on 10 minutes).
    const before = storeDigest(host.store, ['attempts']);
    // Each retry is refused CONFLICT (already voted), until the allowance is used up.
    expect((await vote(c.persona, meetings[LIMIT])).error!.code).toBe('CONFLICT');
    expect(storeDigest(host.store, ['attempts'])).toBe(before);
    const retries: Body[] = [];
    for (let i = 0; i < LIMIT; i += 1) retries.push(await vote(c.persona, meetings[LIMIT]));
    expect(tally(codes(retries))).toEqual({ CONFLICT: LIMIT - 1, RATE_LIMITED: 1 });
    expect(retries[LIMIT - 1].error!.message).toMatch(WHEN);
    expect(storeDigest(host.store, ['attempts'])).toBe(before);
  });
});

describe('villagers’ proposals: 5 per account per day', () => {
  const v = 'dajiang';
  const LIMIT = WRITE_LIMITS.propose.limit;
  const propose = (persona: string, n: number) =>
    call(
      'matters',
      'propose',
      { villageId: v, title: `村民提议第 ${n} 项`, summary: '村东头的路灯坏了半年，提议尽快修好。', decisionBody: 'villagers' },
      persona,
    );
  const proposedBy = (personId: string) => host.store.collection(C.matters).count({ proposerPersonId: personId });

  it('accepts exactly the allowance from one account at once, and refuses the rest saying when to come back', async () => {
    const me = await villager(v, 'proposer');
    const results = await Promise.all(Array.from({ length: LIMIT + 3 }, (_, i) => propose(me.persona, i)));
    expect(tally(codes(results))).toEqual({ ok: LIMIT, RATE_LIMITED: 3 });
    expect(results.find((r) => !r.ok)!.error!.message).toMatch(/请 \d+ 小时后再来/);
    expect(await proposedBy(me.personId)).toBe(LIMIT);

    const before = storeDigest(host.store);
    expect((await propose(me.persona, 99)).error!.code).toBe('RATE_LIMITED');
    expect(storeDigest(host.store)).toBe(before);

    const other = await villager(v, 'proposer-2');
    expect((await propose(other.persona, 1)).ok).toBe(true);

    host.clock.advance(DAY + 1000);
    expect((await propose(me.persona, 100)).ok).toBe(true);
  });

  it('does not limit the party branch, which proposes as its job', async () => {
    for (let i = 0; i < LIMIT + 1; i += 1) expect((await propose('dajiang-secretary', i)).ok).toBe(true);
  });
});

describe('township invite codes: 10 tries per account per hour', () => {
  const LIMIT = WRITE_LIMITS.claimStaff.limit;
  const account = async (key: string) => {
    await host.store.collection(PERSONAS).set(key, { label: key, openid: `dev-openid-${key}`, villageId: null, roles: [] });
    return key;
  };
  const claim = (persona: string) => call('identity', 'claimStaff', { code: 'ZZZZZZZZ' }, persona);

  it('counts wrong codes too, so guessing stops after ten', async () => {
    const me = await account('guess-codes');
    for (let i = 0; i < LIMIT; i += 1) expect((await claim(me)).error!.code).toBe('NOT_FOUND');
    const refused = await claim(me);
    expect(refused.error!.code).toBe('RATE_LIMITED');
    expect(refused.error!.message).toMatch(WHEN);
    expect((await claim(await account('guess-codes-2'))).error!.code).toBe('NOT_FOUND');
    host.clock.advance(61 * MINUTE);
    expect((await claim(me)).error!.code).toBe('NOT_FOUND');
  });
});

describe('the other villager writes, each with its own allowance per account', () => {
  /** Uses up an account's allowance directly, as that many accepted calls in the last minute would. */
  async function spendAllowance(name: keyof typeof WRITE_LIMITS, openid: string): Promise<void> {
    const at = new Date(host.clock.now().getTime() - MINUTE).toISOString();
    const key = `${name}:${accountKeyOf({ idKey: TEST_ID_KEY } as Ports, openid)}`;
    await host.store.collection(C.attempts).set(key, { times: Array(WRITE_LIMITS[name].limit).fill(at) });
  }

  const cases = [
    ['cosign', 'matters', 'cosign', { villageId: 'yangjia', matterId: FAKE_ID }],
    ['second', 'tickets', 'second', { villageId: 'yangjia', ticketId: FAKE_ID }],
    ['rateAnswer', 'tickets', 'rate', { villageId: 'yangjia', ticketId: FAKE_ID, rating: '满意' }],
    ['rateQuarter', 'disclosure', 'rate', { villageId: 'yangjia', quarter: '2026Q3', rating: '满意' }],
  ] as const;

  it.each(cases)('%s: refused RATE_LIMITED once used up, writing nothing; another account still gets through', async (name, fn, action, data) => {
    const spent = await villager('yangjia', `spent-${name}`);
    const fresh = await villager('yangjia', `fresh-${name}`);
    await spendAllowance(name, spent.openid);
    const before = storeDigest(host.store);
    const refused = await call(fn, action, data, spent.persona);
    expect(refused.error!.code).toBe('RATE_LIMITED');
    expect(refused.error!.message).toMatch(WHEN);
    expect(storeDigest(host.store)).toBe(before);
    // Past the limiter: the fresh account reaches the action itself (and a made-up id is not found).
    const through = await call(fn, action, data, fresh.persona);
    expect(through.ok || through.error!.code !== 'RATE_LIMITED').toBe(true);
  });
});

describe('ticket photos', () => {
  const PNG = PLAIN_PNG;
  const upload = (bytes: Buffer, persona: string, name = '照片.png') =>
    call('tickets', 'upload', { villageId: 'yangjia', name, dataBase64: bytes.toString('base64') }, persona);
  const uploads = () => host.store.collection(C.uploads).count();

  it('refuses a PDF and a photo over 1 MB, writing nothing', async () => {
    const me = await villager('yangjia', 'photos-type');
    const before = storeDigest(host.store);
    const pdf = await upload(Buffer.from('%PDF-1.4 not a photo'), me.persona, 'a.pdf');
    expect(pdf.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('只能上传照片') });
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]), me.persona);
    expect(big.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('不能超过 1 MB') });
    expect(storeDigest(host.store)).toBe(before);
  });

  it('takes 30 photos a day from one account, refusing the 31st without storing it', async () => {
    const me = await villager('yangjia', 'photos-many');
    const start = await uploads();
    const results = await Promise.all(Array.from({ length: 31 }, () => upload(PNG, me.persona)));
    expect(tally(codes(results))).toEqual({ ok: 30, RATE_LIMITED: 1 });
    expect(await uploads()).toBe(start + 30);
    const other = await villager('yangjia', 'photos-other');
    expect((await upload(PNG, other.persona)).ok).toBe(true);
  });
});
