/**
 * Time budgets on CloudBase: the large cases of a real village, each as one function call through
 * the real SDK to the emulator, with every API request costing a round trip (8 ms, the
 * emulator's default), and each call held to its function's timeout from cloudbaserc.json.
 * The test fails if any measured call would have been cut off by the platform. Setting the
 * scene runs with no latency; only the calls under test pay it.
 */
import { C } from '../../cloudfunctions/core/collections';
import type { CloudBaseDocStore } from '../../cloudfunctions/adapters/cloudbase/docstore';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { inParallel } from '../../cloudfunctions/core/shared/parallel';
import { DEMO_VILLAGES, demoRosterSheet, seedDemo } from '../../cloudfunctions/host/seed';
import { MovableClock } from '../../cloudfunctions/ports/clock';
import { readAll } from '../../cloudfunctions/ports/docstore';
import type { CloudFunctions, Invocation } from '../emulator/cloudbase/functions';
import type { CloudBaseEmulator } from '../emulator/cloudbase/server';
import { startCloudWorld, type CloudWorld } from '../emulator/cloudbase/world';
import { TEST_ID_KEY, TEST_SIGNING_KEY } from '../helpers/host';
import { fenOf, ledgerLines, ledgerXlsx } from '../helpers/ledger-file';
import { rosterRows, xlsxBase64, type RosterRow } from '../helpers/roster-file';

const NOW = new Date('2026-11-23T02:00:00Z');
const DAY = 24 * 3600 * 1000;
const LATENCY_MS = 8;
const V = 'dajiang';
const ROSTER = 3000;
const PAPER = 1000;
const FOLLOWERS = 3000;
const DUE_TICKETS = 500;
const LEDGER_ROWS = 1000;
const OCT = '2026-10';
const openid = (persona: string) => `dev-openid-${persona}`;

jest.setTimeout(600_000);

let emu: CloudBaseEmulator;
let fns: CloudFunctions;
let store: CloudBaseDocStore;
let world: CloudWorld | undefined;
const clock = new MovableClock(NOW);
const measured: Invocation[] = [];

beforeAll(async () => {
  const templates = Object.fromEntries(
    ['VOTE_OPENED', 'VOTE_CLOSING', 'DISCLOSURE_PUBLISHED', 'TICKET_DUE', 'TICKET_OVERDUE'].flatMap((k) => [
      [`SUBSCRIBE_TEMPLATE_${k}`, `tmpl-${k}`],
      [`SUBSCRIBE_FIELDS_${k}`, 'title=thing1,village=thing2,date=date3'],
    ]),
  );
  world = await startCloudWorld({
    clock,
    idKey: TEST_ID_KEY,
    signingKey: TEST_SIGNING_KEY,
    seed: (s) => seedDemo(s, clock.now(), TEST_ID_KEY),
    env: templates,
  });
  ({ emu, fns, store } = world);
}, 300_000);

afterAll(async () => {
  // The figures, for the note and for anyone tuning: printed, not asserted.
  console.log(measured.map((i) => `${i.fn}.${i.action}: ${Math.round(i.ms)} ms of ${i.timeoutMs / 1000} s, ${i.requests} requests`).join('\n'));
  await world?.stop();
});

async function setup(fn: string, action: string, data: unknown, persona?: string | null, asOpenid?: string) {
  const out = await fns.invoke(fn, action, data, asOpenid ?? (persona ? openid(persona) : null));
  if (!out.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(out.error)}`);
  return out.data;
}

/** One call at the emulator's latency; fails the test if the platform would have cut it off. */
async function timed(fn: string, action: string, data: unknown, persona: string) {
  emu.latencyMs = LATENCY_MS;
  try {
    const out = await fns.invoke(fn, action, data, openid(persona));
    const inv = fns.invocations[fns.invocations.length - 1];
    measured.push(inv);
    expect(inv.timedOut).toBe(false);
    expect(inv.ms).toBeLessThan(inv.timeoutMs);
    if (!out.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(out.error)}`);
    return out.data;
  } finally {
    emu.latencyMs = 0;
  }
}

const inRoster = () => readAll(store.collection<PersonDoc>(C.people), { where: { villageId: V, inRoster: true } });

describe(`CloudBase time budgets at ${LATENCY_MS} ms a round trip`, () => {
  let meetingId = '';
  let matterId = '';

  it(`imports a roster of ${ROSTER} people within roster's timeout`, async () => {
    const demo: RosterRow[] = demoRosterSheet(DEMO_VILLAGES[2], 2).rows.map((r) => r.cells as RosterRow);
    const rows = [...demo, ...rosterRows(ROSTER - demo.length)];
    const fileId = emu.phoneUpload(`incoming/${V}/roster/budgetroster.xlsx`, Buffer.from(await xlsxBase64(rows), 'base64'));
    const out = await timed('roster', 'commitImport', { villageId: V, fileName: '花名册.xlsx', fileId }, `${V}-secretary`);
    expect(out.imported).toBe(ROSTER);
    expect(await inRoster()).toHaveLength(ROSTER);
  });

  it(`opens a 村民会议 vote for every adult of ${ROSTER}, each told in the app and on WeChat, within matters' timeout`, async () => {
    // Everyone has an account, so everyone is told.
    const people = await inRoster();
    await inParallel(
      people.filter((p) => !p.boundOpenid),
      (p) => store.collection(C.people).update(p._id, { boundOpenid: `wx-${p._id}` }),
    );
    const m = await setup(
      'matters',
      'propose',
      { villageId: V, title: '新建村文化广场', summary: '在村委会东侧空地建文化广场。', decisionBody: 'villagers', secret: true },
      `${V}-secretary`,
    );
    await setup('matters', 'discuss', { villageId: V, matterId: m.id, agreed: true, record: '两委同意提交审议。' }, `${V}-director`);
    const partyVote = await setup(
      'matters',
      'openVote',
      { villageId: V, matterId: m.id, closesAt: new Date(clock.now().getTime() + 3 * DAY).toISOString() },
      `${V}-secretary`,
    );
    // The 党员大会 passes it by show of hands, so the 村民会议 can vote.
    const members = people.filter((p) => p.partyMember);
    await inParallel(
      members,
      (p) => setup('matters', 'recordInPerson', { villageId: V, meetingId: partyVote.meetings[0].id, personId: p._id }, `${V}-supervisor`),
      4,
    );
    await setup(
      'matters',
      'recordPaperBox',
      { villageId: V, meetingId: partyVote.meetings[0].id, counts: { 同意: members.length, 不同意: 0, 弃权: 0 } },
      `${V}-supervisor`,
    );
    await setup('matters', 'close', { villageId: V, meetingId: partyVote.meetings[0].id }, `${V}-supervisor`);
    const sentBefore = emu.sent.length;
    const opened = await timed(
      'matters',
      'openVote',
      { villageId: V, matterId: m.id, closesAt: new Date(clock.now().getTime() + 3 * DAY).toISOString() },
      `${V}-secretary`,
    );
    meetingId = opened.meetings.find((x: { state: string }) => x.state === 'open').id;
    matterId = m.id;
    const eligible = opened.meetings.find((x: { id: string }) => x.id === meetingId).eligible;
    expect(eligible).toBeGreaterThan(2000);
    expect(emu.sent.length - sentBefore).toBe(eligible);
  });

  it(`counts a box of ${PAPER} paper ballots within matters' timeout`, async () => {
    const electors = (await readAll(store.collection<{ _id: string; personId: string; meetingId: string }>(C.voteElectors), { where: { meetingId } })).slice(
      0,
      PAPER,
    );
    await inParallel(electors, (e) => setup('matters', 'recordInPerson', { villageId: V, meetingId, personId: e.personId }, `${V}-supervisor`), 4);
    const view = await timed('matters', 'recordPaperBox', { villageId: V, meetingId, counts: { 同意: 700, 不同意: 250, 弃权: 50 } }, `${V}-supervisor`);
    expect(view.present).toBe(PAPER);
  });

  it('takes 100 voters voting at once on one meeting: every vote counted once, none refused for the crowd', async () => {
    const electors = (await readAll(store.collection<{ _id: string; personId: string; openid: string }>(C.voteElectors), { where: { meetingId } })).slice(
      PAPER,
      PAPER + 100,
    );
    await inParallel(electors, (e) =>
      store.collection(C.bindings).set(`${V}:${e.openid}`, { villageId: V, openid: e.openid, personId: e.personId, boundAt: clock.now().toISOString() }),
    );
    const presentNow = async () =>
      (await setup('matters', 'get', { villageId: V, matterId }, `${V}-supervisor`)).meetings.find((x: { id: string }) => x.id === meetingId).present as number;
    const before = await presentNow();
    emu.latencyMs = LATENCY_MS;
    const started = performance.now();
    let outs: any[];
    try {
      outs = await Promise.all(
        electors.map((e, i) => fns.invoke('matters', 'vote', { villageId: V, meetingId, choice: i % 3 === 0 ? '不同意' : '同意' }, e.openid)),
      );
    } finally {
      emu.latencyMs = 0;
    }
    const secs = (performance.now() - started) / 1000;
    console.log(`100 concurrent votes on one meeting: ${(100 / secs).toFixed(1)} votes/s at ${LATENCY_MS} ms a round trip`);
    expect(outs.filter((o) => !o.ok).map((o) => o.error)).toEqual([]);
    expect(fns.invocations.slice(-100).every((i) => !i.timedOut)).toBe(true);
    expect(await presentNow()).toBe(before + 100);
    const marks = await store.collection(C.voteMarks).count({ meetingId, channel: 'online' });
    expect(marks).toBe(100);
  });

  it(`publishes to ${FOLLOWERS} followers within disclosure's timeout`, async () => {
    await inParallel(
      Array.from({ length: FOLLOWERS }, (_, i) => i),
      (i) => store.collection(C.subscriptions).set(`${V}:wx-follower-${i}`, { villageId: V, openid: `wx-follower-${i}`, since: clock.now().toISOString() }),
    );
    const ref = { villageId: V, quarter: '2026Q4', itemId: 'huangsheng:1-3' };
    await setup(
      'disclosure',
      'saveDraft',
      { ...ref, title: '党费收缴与使用', body: [{ type: 'paragraph', text: '收缴党费 1,860 元，上缴镇党委 1,860 元。' }], amountFen: 186000 },
      `${V}-secretary`,
    );
    await setup('disclosure', 'submit', ref, `${V}-secretary`);
    const sentBefore = emu.sent.length;
    const out = await timed('disclosure', 'review', { ...ref, decision: 'approve' }, `${V}-supervisor`);
    expect(out.state).toBe('published');
    expect(emu.sent.length - sentBefore).toBe(FOLLOWERS);
  });

  it(`signs a month of ${LEDGER_ROWS} ledger rows within finance's timeout`, async () => {
    const lines = ledgerLines(OCT, LEDGER_ROWS);
    const fileId = emu.phoneUpload(`incoming/${V}/ledger/budgetledger.xlsx`, Buffer.from(await ledgerXlsx(lines), 'base64'));
    await setup('finance', 'commitImport', { villageId: V, fileName: '10月.xlsx', fileId }, `${V}-accountant`);
    const sep = await setup('finance', 'month', { villageId: V, month: '2026-09' });
    await setup(
      'finance',
      'closeMonth',
      { villageId: V, month: OCT, declaredClosingFen: sep.declaredClosingFen + fenOf(lines, '收入') - fenOf(lines, '支出') },
      `${V}-accountant`,
    );
    // The first of the group's signatures only records itself; the second publishes, and is timed.
    await setup('finance', 'sign', { villageId: V, month: OCT }, `${V}-finance`);
    const signed = await timed('finance', 'sign', { villageId: V, month: OCT }, `${V}-finance-2`);
    expect(signed.state).toBe('published');
    expect(signed.rows).toHaveLength(LEDGER_ROWS);
  });

  it(`runs the hourly timer with ${DUE_TICKETS} tickets coming due and a vote closing within the scheduler's timeout`, async () => {
    await inParallel(
      Array.from({ length: DUE_TICKETS }, (_, i) => i),
      (i) =>
        setup(
          'tickets',
          'file',
          { villageId: V, kind: 'suggestion', category: '村务类', text: `建议第${i}号：村里的路灯晚上早点开。`, anonymous: true },
          null,
          `wx-filer-${i}`,
        ),
      4,
    );
    // Far enough on that every ticket is within two days of its reply date; the vote (set here to
    // close twelve hours later) is then inside its day of reminders.
    const tickets = await readAll(store.collection<{ _id: string; dueAt: string }>(C.tickets), { where: { villageId: V, state: 'open' } });
    clock.set(new Date(Math.min(...tickets.map((t) => Date.parse(t.dueAt))) - DAY));
    await store.collection(C.meetings).update(meetingId, { closesAt: new Date(clock.now().getTime() + 12 * 3600_000).toISOString() });
    emu.latencyMs = LATENCY_MS;
    let out: Awaited<ReturnType<typeof fns.timer>>;
    try {
      out = await fns.timer();
    } finally {
      emu.latencyMs = 0;
    }
    const inv = fns.invocations[fns.invocations.length - 1];
    measured.push(inv);
    expect(inv.timedOut).toBe(false);
    expect(out.ok).toBe(true);
    expect(out.data.reminded).toBeGreaterThanOrEqual(DUE_TICKETS);
    expect(out.data.votersReminded).toBeGreaterThan(1000);
  });
});

describe('a vote racing the close on CloudBase', () => {
  it('is either in the result or refused: the closed count, the recount and the marks agree', async () => {
    const meetings = await readAll(store.collection<{ _id: string; state: string; villageId: string }>(C.meetings), { where: { villageId: V, state: 'open' } });
    const meetingId = meetings[0]._id;
    const marked = new Set((await readAll(store.collection<{ _id: string; personId: string }>(C.voteMarks), { where: { meetingId } })).map((k) => k.personId));
    const electors = (await readAll(store.collection<{ _id: string; personId: string; openid: string }>(C.voteElectors), { where: { meetingId } }))
      .filter((e) => !marked.has(e.personId))
      .slice(0, 40);
    await inParallel(electors, (e) =>
      store.collection(C.bindings).set(`${V}:${e.openid}`, { villageId: V, openid: e.openid, personId: e.personId, boundAt: clock.now().toISOString() }),
    );
    emu.latencyMs = LATENCY_MS;
    let votes: any[];
    try {
      const closing = fns.invoke('matters', 'close', { villageId: V, meetingId }, openid(`${V}-supervisor`));
      votes = await Promise.all(electors.map((e) => fns.invoke('matters', 'vote', { villageId: V, meetingId, choice: '同意' }, e.openid)));
      expect((await closing).ok).toBe(true);
    } finally {
      emu.latencyMs = 0;
    }
    // Late ones are told the vote is over; none is lost silently.
    for (const v of votes) if (!v.ok) expect(v.error.code).toBe('FAILED_PRECONDITION');
    const meeting = await store.collection<{ _id: string; state: string; result: { present: number } }>(C.meetings).get(meetingId);
    expect(meeting?.state).toBe('closed');
    const marks = await store.collection(C.voteMarks).count({ meetingId });
    expect(meeting?.result.present).toBe(marks);
    const recount = await fns.invoke('matters', 'recount', { villageId: V, meetingId }, openid(`${V}-supervisor`));
    expect(recount.data.matches).toBe(true);
    expect(await store.collection(C.audit).count({ scope: V, action: 'matters.recountMismatch' })).toBe(0);
  });
});
