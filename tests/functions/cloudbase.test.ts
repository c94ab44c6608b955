import { randomBytes } from 'node:crypto';
/**
 * Every function's main flows as production runs them: the CloudBase entries and adapters, the
 * real @cloudbase/node-sdk, over HTTP to the CloudBase emulator (tests/emulator/cloudbase), on
 * the demo township seeded through the same SDK. What differs from the local host here is
 * exactly what differs in production: the store, files, messages, content checks, codes and
 * phone numbers all go through CloudBase's APIs.
 */
import { DEMO_VILLAGES, demoRosterSheet, seedDemo } from '../../cloudfunctions/host/seed';
import { MovableClock } from '../../cloudfunctions/ports/clock';
import type { CloudFunctions } from '../emulator/cloudbase/functions';
import type { CloudBaseEmulator } from '../emulator/cloudbase/server';
import { startCloudWorld, type CloudWorld } from '../emulator/cloudbase/world';
import { TEST_ID_KEY, TEST_SIGNING_KEY } from '../helpers/host';
import { proposedToVote } from '../helpers/matters-flow';
import { rosterRows, xlsxBase64 } from '../helpers/roster-file';

const NOW = new Date('2026-11-23T02:00:00Z');
const DAY = 24 * 3600 * 1000;
const openid = (persona: string) => `dev-openid-${persona}`;

let emu: CloudBaseEmulator;
let fns: CloudFunctions;
let world: CloudWorld | undefined;
const clock = new MovableClock(NOW);

beforeAll(async () => {
  world = await startCloudWorld({
    clock,
    idKey: TEST_ID_KEY,
    signingKey: TEST_SIGNING_KEY,
    seed: (store) => seedDemo(store, clock.now(), TEST_ID_KEY),
    emulator: { phoneCodes: { 'wx-code-10': '13805431010' }, riskyWords: ['违禁词'] },
    env: { SUBSCRIBE_TEMPLATE_VOTE_OPENED: 'tmpl-vote', SUBSCRIBE_FIELDS_VOTE_OPENED: 'title=thing1' },
  });
  ({ emu, fns } = world);
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

async function call(fn: string, action: string, data: unknown = {}, persona?: string) {
  return fns.invoke(fn, action, data, persona ? openid(persona) : null);
}
async function ok(fn: string, action: string, data: unknown = {}, persona?: string) {
  const out = await call(fn, action, data, persona);
  if (!out.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(out.error)}`);
  return out.data;
}

describe("on CloudBase (emulated): each function's main flows", () => {
  it('village: a scanned code opens the village, and its 一村一码 is drawn by WeChat', async () => {
    const village = await ok('village', 'get', { villageId: 'yangjia' });
    expect(village.name).toBe('杨家村');
    const poster = await ok('village', 'poster', { villageId: 'yangjia' }, 'township-admin');
    expect(emu.requests.get('wx.openApi:/wxa/getwxacodeunlimit')).toBeGreaterThan(0);
    // The image went to cloud storage and comes back from its temporary URL as a PNG.
    const png = Buffer.from(await (await fetch(poster.imageUrl)).arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('identity: verification with the number WeChat verified binds the account, and the caller is the OPENID of the call', async () => {
    const person = demoRosterSheet(DEMO_VILLAGES[0], 0).rows[10];
    const me = 'cloud-newcomer';
    const res = await ok(
      'identity',
      'verify',
      { villageId: 'yangjia', name: String(person.cells[0]), idNumber: String(person.cells[2]), phoneCode: 'wx-code-10' },
      me,
    );
    expect(res).toMatchObject({ verified: true });
    const who = await ok('identity', 'whoami', {}, me);
    expect(who.villages).toEqual([expect.objectContaining({ villageId: 'yangjia' })]);
    // Two calls at once from two accounts: each is answered as its own caller.
    const [a, b] = await Promise.all([call('identity', 'whoami', {}, me), call('identity', 'whoami', {}, undefined)]);
    expect(a.data.villages).toHaveLength(1);
    expect(b.data.villages ?? []).toHaveLength(0);
  });

  it('matters: a second vote by the same person is CONFLICT with its own message, not "当前操作的人较多"', async () => {
    const opened = await proposedToVote(
      (action, data, persona) => ok('matters', action, data, persona),
      { villageId: 'yangjia', title: '修缮村西桥', summary: '村西小桥栏杆松动，提议修缮。', decisionBody: 'representatives' },
      { discussedBy: 'yangjia-director', record: '两委同意提交审议。', closesAt: new Date(clock.now().getTime() + 3 * DAY).toISOString() },
    );
    const meetingId = opened.meetings[0].id;
    await ok('matters', 'vote', { villageId: 'yangjia', meetingId, choice: '同意' }, 'yangjia-secretary');
    const again = await call('matters', 'vote', { villageId: 'yangjia', meetingId, choice: '不同意' }, 'yangjia-secretary');
    expect(again.ok).toBe(false);
    expect(again.error.code).toBe('CONFLICT');
    expect(again.error.message).not.toContain('当前操作的人较多');
  });

  it("tickets: a suggestion passes WeChat's content check and reaches the 监委会; risky text is refused", async () => {
    const filed = await ok(
      'tickets',
      'file',
      { villageId: 'yangjia', kind: 'suggestion', category: '村务类', text: '建议村西桥修缮后装上路灯。', anonymous: false },
      'yangjia-villager',
    );
    expect(filed.id).toBeTruthy();
    expect(emu.requests.get('wx.api:/wxa/msg_sec_check')).toBeGreaterThan(0);
    const refused = await call(
      'tickets',
      'file',
      { villageId: 'yangjia', kind: 'suggestion', category: '村务类', text: '这里有违禁词', anonymous: false },
      'yangjia-villager',
    );
    expect(refused.ok).toBe(false);
  });

  it('roster: a spreadsheet of 1,200 villagers is read and checked', async () => {
    const rows = rosterRows(1200);
    // As the phone does it: the file to storage's incoming folder, the call with its fileID.
    const fileId = emu.phoneUpload('incoming/dajiang/roster/roster1200abc.xlsx', Buffer.from(await xlsxBase64(rows), 'base64'));
    const preview = await ok('roster', 'previewImport', { villageId: 'dajiang', fileName: '花名册.xlsx', fileId }, 'dajiang-secretary');
    expect(JSON.stringify(preview)).toContain('1200');
    // Another village's upload, or the file inline, is refused.
    const theirs = emu.phoneUpload('incoming/yangjia/roster/roster1200xyz.xlsx', Buffer.from(await xlsxBase64(rows), 'base64'));
    expect((await call('roster', 'previewImport', { villageId: 'dajiang', fileName: '花名册.xlsx', fileId: theirs }, 'dajiang-secretary')).error.code).toBe(
      'INVALID_ARGUMENT',
    );
    const inline = randomBytes(120 * 1024).toString('base64');
    await expect(call('roster', 'previewImport', { villageId: 'dajiang', fileName: '花名册.xlsx', fileBase64: inline }, 'dajiang-secretary')).rejects.toThrow(
      '100 KB',
    );
  });

  it('disclosure and finance: the published quarter and the money page answer', async () => {
    const money = await ok('finance', 'money', { villageId: 'yangjia' });
    expect(money).toBeTruthy();
    const q = await ok('disclosure', 'quarter', { villageId: 'yangjia', quarter: '2026Q3' });
    expect(JSON.stringify(q)).toContain('2026');
  });

  it('scheduler: the timer runs with no caller, and a phone cannot run it', async () => {
    const out = await fns.timer();
    expect(out.ok).toBe(true);
    const fromPhone = await fns.timer(openid('yangjia-villager'));
    expect(fromPhone).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});
