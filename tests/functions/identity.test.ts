import { C } from '../../cloudfunctions/core/collections';
import { verifyChain } from '../../cloudfunctions/core/audit/chain';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import { hashIdNumber } from '../../cloudfunctions/core/people/idcard';
import { functionsHost, TEST_ID_KEY } from '../helpers/host';
import { csvText } from '../helpers/roster-file';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();
const yangjia = demoRosterSheet(DEMO_VILLAGES[0], 0).rows.map((r) => ({ name: String(r.cells[0]), id: String(r.cells[2]) }));

/** A WeChat account nobody has verified yet. */
async function newAccount(key: string): Promise<string> {
  await host.store.collection(PERSONAS).set(key, { label: key, openid: `dev-openid-${key}`, villageId: null, roles: [] });
  return key;
}

/** The number the demo roster gives the n-th villager (every fifth has one), as WeChat would vouch for it. */
const phoneCode = (n: number) => `dev:1380543${String(1000 + n).slice(-4)}`;

describe('self-verification', () => {
  it("binds at once when the number WeChat verified for the account is the roster's, and shows the roles it brings", async () => {
    const me = await newAccount('phone-a');
    const person = yangjia[10];
    const res = await host.call('identity', 'verify', { villageId: 'yangjia', name: person.name, idNumber: person.id, phoneCode: phoneCode(10) }, me);
    expect(res.body.ok).toBe(true);
    expect(res.body.data).toMatchObject({ verified: true, pending: false });
    expect(res.body.data.roles).toContain('villager');
    const who = await host.call('identity', 'whoami', {}, me);
    expect(who.body.data.villages).toEqual([
      expect.objectContaining({
        villageId: 'yangjia',
        villageName: '杨家村',
        name: person.name,
        idMasked: `${person.id.slice(0, 4)}**********${person.id.slice(14)}`,
      }),
    ]);
    expect((await verifyChain(host.store, 'yangjia')).ok).toBe(true);
  });

  it('never binds on name and ID number alone: the request waits for a 监委会 member to confirm it face to face', async () => {
    const me = await newAccount('phone-c');
    const person = yangjia[12];
    const res = await host.call('identity', 'verify', { villageId: 'yangjia', name: person.name, idNumber: person.id }, me);
    expect(res.body.data).toMatchObject({ verified: false, pending: true });
    expect((await host.call('identity', 'whoami', {}, me)).body.data.villages).toEqual([]);
    expect((await host.call('identity', 'status', { villageId: 'yangjia' }, me)).body.data).toMatchObject({ verified: false, pending: true });
    const inbox = await host.call('identity', 'inbox', {}, 'yangjia-supervisor');
    expect(inbox.body.data.messages.map((m: { text: string }) => m.text)).toContain(
      `有人申请认证为本村村民“${person.name}”（户号 ${String(demoRosterSheet(DEMO_VILLAGES[0], 0).rows[12].cells[3])}），请当面核对身份证后，在“我的” → 认证申请 里确认。`,
    );
    const list = await host.call('identity', 'bindRequests', { villageId: 'yangjia' }, 'yangjia-supervisor');
    const request = list.body.data.requests.find((r: { name: string }) => r.name === person.name);
    expect(request).toMatchObject({ bound: false, idMasked: `${person.id.slice(0, 4)}**********${person.id.slice(14)}` });
    const done = await host.call('identity', 'decideBind', { villageId: 'yangjia', requestId: request.id, approve: true }, 'yangjia-supervisor');
    expect(done.body.data.requests.find((r: { name: string }) => r.name === person.name)).toBeUndefined();
    expect((await host.call('identity', 'status', { villageId: 'yangjia' }, me)).body.data).toMatchObject({ verified: true, pending: false });
  });

  it("refuses a phone number that is not the roster's, and a person the roster has no number for", async () => {
    const me = await newAccount('impostor');
    const wrong = await host.call(
      'identity',
      'verify',
      { villageId: 'yangjia', name: yangjia[15].name, idNumber: yangjia[15].id, phoneCode: 'dev:13911112222' },
      me,
    );
    expect(wrong.body.error).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: '微信验证过的手机号与花名册里登记的不一致。请改为请村务监督委员会当面确认。',
    });
    const none = await host.call(
      'identity',
      'verify',
      { villageId: 'yangjia', name: yangjia[13].name, idNumber: yangjia[13].id, phoneCode: 'dev:13911112222' },
      me,
    );
    expect(none.body.error.code).toBe('FAILED_PRECONDITION');
    expect(none.body.error.message).toMatch(/^花名册里没有登记您的手机号/);
    expect((await host.call('identity', 'whoami', {}, me)).body.data.villages).toEqual([]);
  });

  it('refuses a second account for the same person', async () => {
    const other = await newAccount('phone-b');
    const person = yangjia[10];
    const res = await host.call('identity', 'verify', { villageId: 'yangjia', name: person.name, idNumber: person.id, phoneCode: phoneCode(10) }, other);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toContain('联系村务监督委员会');
  });

  it('lets exactly one of two phones verifying the same person at once succeed', async () => {
    const [a, b] = [await newAccount('race-a'), await newAccount('race-b')];
    const person = yangjia[20];
    const results = await Promise.all(
      [a, b].map((p) => host.call('identity', 'verify', { villageId: 'yangjia', name: person.name, idNumber: person.id, phoneCode: phoneCode(20) }, p)),
    );
    expect(results.map((r) => r.body.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.body.ok)!.body.error.code).toBe('CONFLICT');
    expect(await host.store.collection(C.bindings).count({ personId: `yangjia:${hashIdNumber(TEST_ID_KEY, person.id)}` })).toBe(1);
  });

  it('counts down wrong attempts and stops the sixth within the hour', async () => {
    const me = await newAccount('guesser');
    const person = yangjia[25];
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await host.call('identity', 'verify', { villageId: 'yangjia', name: '不是我', idNumber: person.id }, me);
      expect(res.body.error.code).toBe('NOT_FOUND');
      messages.push(res.body.error.message);
    }
    expect(messages[0]).toContain('还可以再试 4 次');
    const sixth = await host.call('identity', 'verify', { villageId: 'yangjia', name: person.name, idNumber: person.id, phoneCode: phoneCode(25) }, me);
    expect(sixth.body.error.code).toBe('RATE_LIMITED');
    host.clock.advance(61 * 60 * 1000);
    const later = await host.call('identity', 'verify', { villageId: 'yangjia', name: person.name, idNumber: person.id, phoneCode: phoneCode(25) }, me);
    expect(later.body.ok).toBe(true);
  });

  it('protects a person from guesses spread over many accounts', async () => {
    const person = yangjia[16];
    for (let i = 0; i < 5; i++) {
      const acct = await newAccount(`spread-${i}`);
      await host.call('identity', 'verify', { villageId: 'yangjia', name: '猜的', idNumber: person.id }, acct);
    }
    const fresh = await newAccount('spread-last');
    const res = await host.call('identity', 'verify', { villageId: 'yangjia', name: person.name, idNumber: person.id }, fresh);
    expect(res.body.error.code).toBe('RATE_LIMITED');
  });

  it('rejects a malformed ID number without writing anything', async () => {
    const me = await newAccount('typo');
    const before = storeDigest(host.store);
    const res = await host.call('identity', 'verify', { villageId: 'yangjia', name: '张三', idNumber: '12345' }, me);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(storeDigest(host.store)).toBe(before);
  });

  it('asks a visitor to open the app in WeChat', async () => {
    const res = await host.call('identity', 'verify', { villageId: 'yangjia', name: yangjia[17].name, idNumber: yangjia[17].id });
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('rebinding through the 监委会', () => {
  it('releases the old account with a reason on the record, so the new phone can verify', async () => {
    const person = yangjia[12];
    const personId = (await host.store.collection(C.people).find({ where: { villageId: 'yangjia', boundOpenid: 'dev-openid-phone-c' } }))[0]._id;
    const denied = await host.call('identity', 'rebind', { villageId: 'yangjia', personId, reason: '换了新手机' }, 'yangjia-villager');
    expect(denied.body.error.code).toBe('PERMISSION_DENIED');
    const ok = await host.call('identity', 'rebind', { villageId: 'yangjia', personId, reason: '换了新手机，旧微信无法登录' }, 'yangjia-supervisor');
    expect(ok.body.ok).toBe(true);
    // No number on the roster: the 监委会 confirms the new phone in person.
    expect((await host.call('identity', 'verify', { villageId: 'yangjia', name: person.name, idNumber: person.id }, 'phone-b')).body.data.pending).toBe(true);
    const { requests } = (await host.call('identity', 'bindRequests', { villageId: 'yangjia' }, 'yangjia-supervisor')).body.data;
    const request = requests.find((r: { name: string }) => r.name === person.name);
    expect((await host.call('identity', 'decideBind', { villageId: 'yangjia', requestId: request.id, approve: true }, 'yangjia-supervisor')).body.ok).toBe(
      true,
    );
    const trail = await host.call('identity', 'auditList', { villageId: 'yangjia' }, 'yangjia-supervisor');
    expect(trail.body.data.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['identity.rebind', 'identity.verify', 'identity.requestBind']),
    );
  });
});

describe('roles', () => {
  it('lets the 书记 make someone 会计, effective at once, and tells the 监委会主任', async () => {
    const personId = (await host.store.collection(C.people).find({ where: { villageId: 'yangjia', boundOpenid: 'dev-openid-phone-b' } }))[0]._id;
    expect((await host.call('roster', 'list', { villageId: 'yangjia' }, 'phone-b')).body.error.code).toBe('PERMISSION_DENIED');
    const res = await host.call('identity', 'assignRole', { villageId: 'yangjia', personId, role: 'accountant', granted: true }, 'yangjia-secretary');
    expect(res.body.data.roles).toEqual(['accountant']);
    expect((await host.call('roster', 'list', { villageId: 'yangjia' }, 'phone-b')).body.ok).toBe(true);
    const inbox = await host.call('identity', 'inbox', {}, 'yangjia-supervisor');
    expect(inbox.body.data.messages.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^角色变更：.+担任“村会计”$/)]),
    );
    await host.call('identity', 'assignRole', { villageId: 'yangjia', personId, role: 'accountant', granted: false }, 'yangjia-secretary');
    expect((await host.call('roster', 'list', { villageId: 'yangjia' }, 'phone-b')).body.error.code).toBe('PERMISSION_DENIED');
  });

  it('does not let a village hand out roster-derived or township roles', async () => {
    const personId = (await host.store.collection(C.people).find({ where: { villageId: 'yangjia', boundOpenid: 'dev-openid-phone-b' } }))[0]._id;
    const res = await host.call('identity', 'assignRole', { villageId: 'yangjia', personId, role: 'township_admin', granted: true }, 'yangjia-secretary');
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  });

  it('lets the township check a village chain, and names a broken link', async () => {
    const ok = await host.call('identity', 'auditVerify', { villageId: 'yangjia' }, 'township-admin');
    expect(ok.body.data.ok).toBe(true);
    host.store.db.prepare(`UPDATE "c_audit" SET data = json_set(data, '$.action', 'x') WHERE id = 'yangjia:0000000001'`).run();
    const broken = await host.call('identity', 'auditVerify', { villageId: 'yangjia' }, 'township-discipline');
    expect(broken.body.data).toMatchObject({ ok: false, brokenAt: { seq: 1, id: 'yangjia:0000000001' } });
  });
});

describe('township staff', () => {
  it('lets the township admin invite someone, who claims the role once from their own WeChat', async () => {
    const invite = await host.call('identity', 'inviteStaff', { townshipId: 'huangsheng', name: '孙纪检', role: 'township_discipline' }, 'township-admin');
    expect(invite.body.data.code).toMatch(/^[2-9A-Z]{8}$/);
    const newcomer = await newAccount('town-new');
    const claimed = await host.call('identity', 'claimStaff', { code: invite.body.data.code.toLowerCase() }, newcomer);
    expect(claimed.body.data).toEqual({ townshipId: 'huangsheng', roles: ['township_discipline'] });
    // The new 纪委 can now check a village's chain.
    expect((await host.call('identity', 'auditVerify', { villageId: 'dajiang' }, newcomer)).body.ok).toBe(true);
    const again = await host.call('identity', 'claimStaff', { code: invite.body.data.code }, await newAccount('town-other'));
    expect(again.body.error.code).toBe('NOT_FOUND');
    const list = await host.call('identity', 'listStaff', { townshipId: 'huangsheng' }, 'township-admin');
    expect(list.body.data.staff.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['孙纪检', '王建华']));
    expect((await verifyChain(host.store, 'township:huangsheng')).ok).toBe(true);
  });

  it('refuses an invite after 7 days', async () => {
    const invite = await host.call('identity', 'inviteStaff', { townshipId: 'huangsheng', name: '迟到者', role: 'township_admin' }, 'township-admin');
    host.clock.advance(8 * 86400000);
    const res = await host.call('identity', 'claimStaff', { code: invite.body.data.code }, await newAccount('town-late'));
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toContain('已过期');
  });

  it('takes a role away, but never the last admin', async () => {
    const list = await host.call('identity', 'listStaff', { townshipId: 'huangsheng' }, 'township-admin');
    const me = list.body.data.staff.find((s: { name: string }) => s.name === '王建华');
    const res = await host.call('identity', 'revokeStaff', { townshipId: 'huangsheng', staffId: me.id, role: 'township_admin' }, 'township-admin');
    expect(res.body.error.code).toBe('FAILED_PRECONDITION');
    const sun = list.body.data.staff.find((s: { name: string }) => s.name === '孙纪检');
    const ok = await host.call('identity', 'revokeStaff', { townshipId: 'huangsheng', staffId: sun.id, role: 'township_discipline' }, 'township-admin');
    expect(ok.body.data.roles).toEqual([]);
    expect((await host.call('identity', 'auditVerify', { villageId: 'dajiang' }, 'town-new')).body.error.code).toBe('PERMISSION_DENIED');
  });
});

describe('who may change roles', () => {
  const personOf = async (openid: string) => (await host.store.collection(C.people).find({ where: { villageId: 'dajiang', boundOpenid: openid } }))[0]._id;

  it('keeps the 监委会 out of the 书记’s hands, and the 书记 out of their own roles', async () => {
    const villager = await personOf('dev-openid-dajiang-villager');
    const chair = await host.call(
      'identity',
      'assignRole',
      { villageId: 'dajiang', personId: villager, role: 'supervisor_chair', granted: true },
      'dajiang-secretary',
    );
    expect(chair.body.error.code).toBe('PERMISSION_DENIED');
    expect(chair.body.error.message).toContain('由镇里指定');
    const self = await personOf('dev-openid-dajiang-secretary');
    const own = await host.call('identity', 'assignRole', { villageId: 'dajiang', personId: self, role: 'accountant', granted: true }, 'dajiang-secretary');
    expect(own.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('lets the township replace the 监委会主任, telling the outgoing chair and the new one', async () => {
    const [oldChair, newChair] = [await personOf('dev-openid-dajiang-supervisor'), await personOf('dev-openid-dajiang-villager')];
    const give = await host.call(
      'identity',
      'assignRole',
      { villageId: 'dajiang', personId: newChair, role: 'supervisor_chair', granted: true },
      'township-admin',
    );
    expect(give.body.ok).toBe(true);
    const take = await host.call(
      'identity',
      'assignRole',
      { villageId: 'dajiang', personId: oldChair, role: 'supervisor_chair', granted: false },
      'township-admin',
    );
    expect(take.body.ok).toBe(true);
    const oldInbox = await host.call('identity', 'inbox', {}, 'dajiang-supervisor');
    expect(oldInbox.body.data.messages.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/不再担任“村务监督委员会主任”/), expect.stringMatching(/担任“村务监督委员会主任”/)]),
    );
    expect((await host.call('roster', 'list', { villageId: 'dajiang' }, 'dajiang-villager')).body.ok).toBe(true);
    expect((await host.call('roster', 'list', { villageId: 'dajiang' }, 'dajiang-supervisor')).body.error.code).toBe('PERMISSION_DENIED');
  });
});

describe('after a roster correction', () => {
  it('lets an account whose person left the roster verify as the corrected person', async () => {
    const sheet = demoRosterSheet(DEMO_VILLAGES[3], 3);
    const me = await newAccount('diquan-fixer');
    // Two villagers who are not household heads (a head cannot simply leave the roster) and have a number.
    const [p, q] = [sheet.rows[15], sheet.rows[25]];
    const first = await host.call(
      'identity',
      'verify',
      { villageId: 'diquan', name: String(p.cells[0]), idNumber: String(p.cells[2]), phoneCode: `dev:${String(p.cells[6])}` },
      me,
    );
    expect(first.body.ok).toBe(true);
    // The cadre's new roster drops that person (a wrong entry): a 全量替换, with the one removal typed.
    const rows = sheet.rows.filter((r) => r !== p).map((r) => [...r.cells]);
    const fileBase64 = Buffer.from(csvText(rows, sheet.header)).toString('base64');
    expect(
      (await host.send('roster', 'commitImport', { villageId: 'diquan', fileName: 'r.csv', fileBase64, mode: 'replace', confirm: '1' }, 'diquan-secretary'))
        .body.ok,
    ).toBe(true);
    const second = await host.call(
      'identity',
      'verify',
      { villageId: 'diquan', name: String(q.cells[0]), idNumber: String(q.cells[2]), phoneCode: `dev:${String(q.cells[6])}` },
      me,
    );
    expect(second.body.error ?? null).toBeNull();
    const who = await host.call('identity', 'whoami', {}, me);
    expect(who.body.data.villages.map((v: { name: string }) => v.name)).toEqual([String(q.cells[0])]);
  });
});
