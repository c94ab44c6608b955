import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';
import type { TownshipTicketRow } from '../../types/tickets';
import { PLAIN_PNG } from '../helpers/photo-metadata';

const host = functionsHost();

const DAY = 24 * 3600 * 1000;
const PNG = PLAIN_PNG.toString('base64');
const call = async (action: string, data: unknown, persona?: string) => (await host.send('tickets', action, data, persona)).body;
const ok = async (action: string, data: unknown, persona?: string) => {
  const body = await call(action, data, persona);
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
  return body.data;
};
const tick = async () => (await host.post('/dev/tick', '{}')).body.data;

describe('an anonymous 财务类 report, from photo to 销号', () => {
  let id = '';

  it('is filed with a photo, and no village role can see who filed it', async () => {
    const photo = await ok('upload', { villageId: 'yangjia', name: '收据.png', dataBase64: PNG }, 'yangjia-villager');
    const filed = await ok(
      'file',
      { villageId: 'yangjia', kind: 'report', category: '财务类', text: '九月的保洁费收据上的金额和公示的不一样。', photos: [photo.id], anonymous: true },
      'yangjia-villager',
    );
    id = filed.id;
    expect(filed).toMatchObject({ kind: 'report', category: '财务类', anonymous: true, state: 'open', mine: true });
    expect(new Date(filed.dueAt).getTime() - new Date(filed.createdAt).getTime()).toBe(10 * DAY);
    for (const persona of ['yangjia-supervisor', 'yangjia-secretary', 'township-admin']) {
      const body = await call('queue', { villageId: 'yangjia' }, persona);
      const raw = JSON.stringify(body);
      if (!body.ok) continue;
      const t = body.data.tickets.find((x: { id: string }) => x.id === id);
      expect(t).toMatchObject({ anonymous: true, askerName: null, photos: [expect.objectContaining({ name: '照片.png' })] });
      expect(raw).not.toContain('杨德福');
      expect(raw).not.toContain('dev-openid-yangjia-villager');
    }
    // Not even in the audit trail the 监委会 reads.
    const audit = JSON.stringify((await host.call('identity', 'auditList', { villageId: 'yangjia' }, 'yangjia-supervisor')).body);
    expect(audit).not.toContain('dev-openid-yangjia-villager');
  });

  it('lets only the township discipline admin see who filed it, and records that look', async () => {
    expect((await call('reveal', { villageId: 'yangjia', ticketId: id, reason: '核查反映人身份' }, 'township-admin')).error.code).toBe('PERMISSION_DENIED');
    expect((await call('reveal', { villageId: 'yangjia', ticketId: id, reason: '核查反映人身份' }, 'yangjia-supervisor')).error.code).toBe('PERMISSION_DENIED');
    const seen = await ok('reveal', { villageId: 'yangjia', ticketId: id, reason: '核查反映人身份' }, 'township-discipline');
    expect(seen).toEqual({ name: '杨德福', verified: true });
    const trail = await host.store.collection('audit').find({ where: { scope: 'township:huangsheng', action: 'tickets.reveal' }, limit: 10 });
    expect(trail).toEqual([expect.objectContaining({ target: `ticket:${id}`, actor: expect.objectContaining({ openid: 'dev-openid-township-discipline' }) })]);
  });

  it('is triaged 小事, answered, reopened by 不满意, answered again, rated 满意 and closed — and the counts follow', async () => {
    const sup = 'yangjia-supervisor';
    // A 小事 goes to a named person of the village: a 两委, 监委会 or 民主理财小组 member with an account.
    const people = (await ok('assignees', { villageId: 'yangjia' }, sup)).people as { personId: string; name: string; roles: string[] }[];
    expect(people.map((p) => p.roles[0])).toEqual(expect.arrayContaining(['secretary', 'director', 'accountant', 'supervisor_chair', 'finance_panel']));
    expect(people.some((p) => p.name === '杨德福')).toBe(false);
    const director = people.find((p) => p.roles.includes('director'))!;
    const before = storeDigest(host.store);
    expect((await call('triage', { villageId: 'yangjia', ticketId: id, decision: '小事', reason: '村里核对收据即可' }, sup)).error.code).toBe(
      'INVALID_ARGUMENT',
    );
    const villager = (await host.store.collection('people').find({ where: { villageId: 'yangjia', name: '杨德福' }, limit: 1 }))[0];
    expect(
      (await call('triage', { villageId: 'yangjia', ticketId: id, decision: '小事', reason: '村里核对收据即可', assigneePersonId: villager._id }, sup)).error
        .code,
    ).toBe('INVALID_ARGUMENT');
    expect(
      (await call('triage', { villageId: 'yangjia', ticketId: id, decision: '大事', reason: '转镇里处理', assigneePersonId: director.personId }, sup)).error
        .code,
    ).toBe('INVALID_ARGUMENT');
    expect(storeDigest(host.store)).toBe(before);

    const triaged = await ok(
      'triage',
      { villageId: 'yangjia', ticketId: id, decision: '小事', reason: '村里核对收据即可', assigneePersonId: director.personId },
      sup,
    );
    expect(triaged.assignee).toMatchObject({ personId: director.personId, name: director.name });
    // The assignee hears of it in the inbox and by subscribe message, and finds it in their list.
    const told = (await host.call('identity', 'inbox', {}, 'yangjia-director')).body.data.messages;
    expect(told[0]).toMatchObject({
      text: expect.stringMatching(/^村务监督委员会把一条反映交给您办理，请在 \d{4}-\d{2}-\d{2} 前答复。$/),
      link: '/packages/cadre/assigned/index?villageId=yangjia',
    });
    expect(await host.store.collection('dev_outbox').count({ kind: 'ticket.assigned' })).toBe(1);
    expect((await ok('assigned', { villageId: 'yangjia' }, 'yangjia-director')).tickets.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await ok('assigned', { villageId: 'yangjia' }, 'yangjia-accountant')).tickets).toEqual([]);
    // Handing it to someone does not let every cadre answer it.
    expect((await call('answer', { villageId: 'yangjia', ticketId: id, text: '会计代答一下。' }, 'yangjia-accountant')).error.code).toBe('PERMISSION_DENIED');
    await ok('answer', { villageId: 'yangjia', ticketId: id, text: '已核对，收据金额抄错，已更正。' }, 'yangjia-director');
    const askerInbox = (await host.call('identity', 'inbox', {}, 'yangjia-villager')).body.data.messages;
    expect(askerInbox[0]).toMatchObject({ text: '您反映的问题有了答复，请查看并评价。', link: '/pages/tickets/index?villageId=yangjia&tab=mine' });
    const sent = await host.store.collection('dev_outbox').find({ where: { kind: 'ticket.answered' }, limit: 10 });
    expect(sent).toEqual([expect.objectContaining({ openids: ['dev-openid-yangjia-villager'], page: 'pages/tickets/index?villageId=yangjia&tab=mine' })]);
    // Only the asker rates.
    expect((await call('rate', { villageId: 'yangjia', ticketId: id, rating: '满意' }, 'yangjia-secretary')).error.code).toBe('PERMISSION_DENIED');
    const reopened = await ok('rate', { villageId: 'yangjia', ticketId: id, rating: '不满意' }, 'yangjia-villager');
    expect(reopened).toMatchObject({ state: 'open', reopened: 1 });
    const again = (await host.call('identity', 'inbox', {}, 'yangjia-director')).body.data.messages;
    expect(again.map((m: { text: string }) => m.text)).toContainEqual(
      expect.stringMatching(/^您办理的一条反映，提出的人不满意，已重新打开，请在 \d{4}-\d{2}-\d{2} 前再次答复。$/),
    );
    expect((await call('close', { villageId: 'yangjia', ticketId: id, result: '提前销号' }, sup)).error.code).toBe('FAILED_PRECONDITION');
    await ok('answer', { villageId: 'yangjia', ticketId: id, text: '附上更正后的收据照片，请再看。' }, sup);
    await ok('rate', { villageId: 'yangjia', ticketId: id, rating: '满意' }, 'yangjia-villager');
    const closed = await ok('close', { villageId: 'yangjia', ticketId: id, result: '收据已更正并在公开栏补贴说明。' }, sup);
    expect(closed).toMatchObject({ state: 'closed', closed: { result: '收据已更正并在公开栏补贴说明。' } });
    const stats = await ok('stats', { villageId: 'yangjia' });
    expect(stats).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1, closed: 1, rated: 2, satisfied: 1, overdueOpen: 0 });
  });
});

describe('deadlines', () => {
  it('reminds the 监委会 two days before, and sends an unanswered one to the township when it is overdue', async () => {
    const filed = await ok('file', { villageId: 'doufuli', kind: 'suggestion', text: '建议在村东头再装两盏路灯。', anonymous: false }, 'doufuli-villager');
    expect(await tick()).toMatchObject({ escalated: 0, reminded: 0 });
    host.clock.advance(8.5 * DAY);
    expect((await tick()).reminded).toBe(1);
    const chair = (await host.call('identity', 'inbox', {}, 'doufuli-supervisor')).body.data.messages;
    expect(chair[0].text).toMatch(/^有一条建议要在 \d{4}-\d{2}-\d{2} 前答复，请尽快处理。$/);
    expect((await tick()).reminded).toBe(0);
    host.clock.advance(2 * DAY);
    expect((await tick()).escalated).toBe(1);
    const t = (await ok('queue', { villageId: 'doufuli' }, 'doufuli-supervisor')).tickets.find((x: { id: string }) => x.id === filed.id);
    expect(t).toMatchObject({ state: 'escalated', overdue: true, escalated: { why: 'overdue' } });
    const staff = (await host.call('identity', 'inbox', {}, 'township-admin')).body.data.messages;
    expect(staff[0].text).toBe('豆腐李村有一条建议超过期限没有答复，已转到镇里。');
    expect((await ok('stats', { villageId: 'doufuli' })).overdueOpen).toBe(1);
    // The township answers it; it counts as answered, late.
    await ok('answer', { villageId: 'doufuli', ticketId: filed.id, text: '镇里已安排明年的路灯项目。' }, 'township-admin');
    expect(await ok('stats', { villageId: 'doufuli' })).toMatchObject({ answered: 1, answeredOnTime: 0, overdueOpen: 0 });
  });

  it('reminds the person a 小事 was handed to, and shows the township every village’s figures with the lists behind them', async () => {
    const sup = 'diquan-supervisor';
    const t = await ok(
      'file',
      { villageId: 'diquan', kind: 'report', category: '村务类', text: '村西的路灯坏了一个月没人修。', anonymous: true },
      'diquan-villager',
    );
    const director = (await ok('assignees', { villageId: 'diquan' }, sup)).people.find((p: { roles: string[] }) => p.roles.includes('director'));
    await ok('triage', { villageId: 'diquan', ticketId: t.id, decision: '小事', reason: '村委会安排电工维修', assigneePersonId: director.personId }, sup);
    host.clock.advance(8.5 * DAY);
    await tick();
    const inbox = (await host.call('identity', 'inbox', {}, 'diquan-director')).body.data.messages;
    expect(inbox[0]).toMatchObject({
      text: expect.stringMatching(/^有一条反映要在 \d{4}-\d{2}-\d{2} 前答复/),
      link: '/packages/cadre/assigned/index?villageId=diquan',
    });
    const due = await host.store.collection('dev_outbox').find({ where: { kind: 'ticket.due' }, limit: 20 });
    expect(due.flatMap((d) => d.openids as string[])).toEqual(expect.arrayContaining(['dev-openid-diquan-director', 'dev-openid-diquan-supervisor']));

    host.clock.advance(2 * DAY);
    await tick();
    const rows = (await ok('township', { townshipId: 'huangsheng' }, 'township-admin')).rows as TownshipTicketRow[];
    expect(rows.map((r) => r.villageId).sort()).toEqual(['dajiang', 'diquan', 'doufuli', 'yangjia']);
    const diquan = rows.find((r) => r.villageId === 'diquan')!;
    expect(diquan).toMatchObject({ overdueOpen: 1, open: 1 });
    // Each figure opens the list it counts.
    const overdue = (await ok('queue', { villageId: 'diquan', overdue: true }, 'township-admin')).tickets;
    expect(overdue.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect((await ok('queue', { villageId: 'diquan', answered: true }, 'township-admin')).tickets).toEqual([]);
    // Overdue, it is the township's to answer now.
    await ok('answer', { villageId: 'diquan', ticketId: t.id, text: '电工已修好路灯。' }, 'township-admin');
    await ok('rate', { villageId: 'diquan', ticketId: t.id, rating: '基本满意' }, 'diquan-villager');
    expect((await ok('queue', { villageId: 'diquan', answered: true }, 'township-admin')).tickets.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect((await ok('queue', { villageId: 'diquan', rated: true }, 'township-admin')).tickets.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect((await ok('queue', { villageId: 'diquan', overdue: true }, 'township-admin')).tickets).toEqual([]);
    const after = (await ok('township', { townshipId: 'huangsheng' }, 'township-admin')).rows.find((r: { villageId: string }) => r.villageId === 'diquan');
    expect(after).toMatchObject({
      overdueOpen: 0,
      open: 0,
      answered: diquan.answered + 1,
      answeredOnTime: diquan.answeredOnTime,
      rated: diquan.rated + 1,
      satisfied: diquan.satisfied + 1,
    });
  });

  it('tells the township at once about a 大事, counts it overdue when the township lets it pass, and keeps it from the village assignee', async () => {
    const t = await ok(
      'file',
      { villageId: 'yangjia', kind: 'report', category: '村务类', text: '邻村倾倒建筑垃圾堵了我村的排水渠。', anonymous: false },
      'yangjia-villager',
    );
    await ok('triage', { villageId: 'yangjia', ticketId: t.id, decision: '大事', reason: '涉及邻村，需要镇里协调' }, 'yangjia-supervisor');
    const staff = (await host.call('identity', 'inbox', {}, 'township-admin')).body.data.messages;
    expect(staff).toContainEqual(
      expect.objectContaining({
        text: '杨家村村务监督委员会把一条反映作为大事转到镇里：涉及邻村，需要镇里协调',
        link: '/packages/supervise/tickets/index?villageId=yangjia&show=all',
      }),
    );
    host.clock.advance(11 * DAY);
    await tick();
    expect((await ok('queue', { villageId: 'yangjia', overdue: true }, 'township-admin')).tickets.map((x: { id: string }) => x.id)).toContain(t.id);
    expect((await ok('stats', { villageId: 'yangjia' })).overdueOpen).toBeGreaterThanOrEqual(1);
  });

  it('lets the assignee answer only while the ticket is still with the village', async () => {
    const t = await ok('file', { villageId: 'dajiang', kind: 'suggestion', text: '建议村里组织一次消防演练。', anonymous: true }, 'dajiang-villager');
    const director = (await ok('assignees', { villageId: 'dajiang' }, 'dajiang-supervisor')).people.find((p: { roles: string[] }) =>
      p.roles.includes('director'),
    );
    await ok(
      'triage',
      { villageId: 'dajiang', ticketId: t.id, decision: '小事', reason: '村委会安排', assigneePersonId: director.personId },
      'dajiang-supervisor',
    );
    host.clock.advance(11 * DAY);
    await tick();
    expect((await ok('assigned', { villageId: 'dajiang' }, 'dajiang-director')).tickets.map((x: { id: string }) => x.id)).not.toContain(t.id);
    const refused = await call('answer', { villageId: 'dajiang', ticketId: t.id, text: '已安排下月演练。' }, 'dajiang-director');
    expect(refused.error).toEqual({ code: 'FAILED_PRECONDITION', message: '这一条已经转到镇里，由镇里答复。' });
    await ok('answer', { villageId: 'dajiang', ticketId: t.id, text: '镇里统一安排消防演练。' }, 'township-admin');
  });

  it('escalates on a second 不满意', async () => {
    const t = await ok(
      'file',
      { villageId: 'dajiang', kind: 'report', category: '村务类', text: '低保评定没有开村民代表会议。', anonymous: false },
      'dajiang-villager',
    );
    for (let round = 0; round < 2; round += 1) {
      await ok('answer', { villageId: 'dajiang', ticketId: t.id, text: `第 ${round + 1} 次答复：已开会评议。` }, 'dajiang-supervisor');
      await ok('rate', { villageId: 'dajiang', ticketId: t.id, rating: '不满意' }, 'dajiang-villager');
    }
    const mine = (await ok('mine', { villageId: 'dajiang' }, 'dajiang-villager')).tickets[0];
    expect(mine).toMatchObject({ state: 'escalated', escalated: { why: 'dissatisfied' }, reopened: 1 });
  });
});

describe('what is refused', () => {
  it('refuses abuse and advertising, a named report from someone unverified, and a report without a category — writing nothing', async () => {
    const before = storeDigest(host.store);
    const abuse = await call('file', { villageId: 'diquan', kind: 'suggestion', text: '加微信领补贴，代开发票', anonymous: true }, 'diquan-villager');
    expect(abuse.error).toEqual({ code: 'INVALID_ARGUMENT', message: '内容里有不文明用语或广告，请修改后再提交。' });
    const named = await call('file', { villageId: 'diquan', kind: 'suggestion', text: '建议修一修村西的桥', anonymous: false }, 'diquan-newcomer');
    expect(named.error.code).toBe('PERMISSION_DENIED');
    const noCategory = await call('file', { villageId: 'diquan', kind: 'report', text: '村里的账有问题', anonymous: true }, 'diquan-villager');
    expect(noCategory.error.code).toBe('INVALID_ARGUMENT');
    expect(storeDigest(host.store)).toBe(before);
  });

  it('limits each account to ten a day', async () => {
    const file = () => call('file', { villageId: 'diquan', kind: 'suggestion', text: '建议多开几次村民会议。', anonymous: true }, 'diquan-newcomer');
    const results = await Promise.all(Array.from({ length: 11 }, file));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.find((r) => !r.ok).error.code).toBe('RATE_LIMITED');
  });
});

describe('public board', () => {
  it('shows suggestions the 监委会 makes public, seconded once per villager', async () => {
    const s = await ok('file', { villageId: 'yangjia', kind: 'suggestion', text: '建议把村务公开栏挪到村口。', anonymous: true }, 'yangjia-secretary');
    expect((await ok('board', { villageId: 'yangjia' })).tickets).toEqual([]);
    await ok('markPublic', { villageId: 'yangjia', ticketId: s.id, public: true }, 'yangjia-supervisor');
    const [a, b] = await Promise.all([
      call('second', { villageId: 'yangjia', ticketId: s.id }, 'yangjia-villager'),
      call('second', { villageId: 'yangjia', ticketId: s.id }, 'yangjia-villager'),
    ]);
    expect([a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    await ok('second', { villageId: 'yangjia', ticketId: s.id }, 'yangjia-accountant');
    const board = (await ok('board', { villageId: 'yangjia' })).tickets;
    expect(board).toEqual([expect.objectContaining({ id: s.id, seconds: 2, askerName: null })]);
  });
});
