import { OUTBOX } from '../../cloudfunctions/adapters/local/outbox-notifier';
import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';
import { PLAIN_PNG } from '../helpers/photo-metadata';

const host = functionsHost();

const Q4 = '2026Q4';
const Q3 = '2026Q3';
const at = (quarter: string, itemId: string, villageId = 'yangjia') => ({ villageId, quarter, itemId });
const para = (text: string) => [{ type: 'paragraph', text }];
const PNG = PLAIN_PNG;
const PDF = Buffer.from('%PDF-1.4\n%demo\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('demo history', () => {
  it('holds four past quarters for every demo village, each with the 24 items and real tables', async () => {
    for (const villageId of ['yangjia', 'doufuli', 'dajiang', 'diquan']) {
      const res = await host.call('disclosure', 'quarters', { villageId });
      expect(res.body.data.current).toBe(Q3);
      expect(res.body.data.quarters.map((q: { key: string }) => q.key)).toEqual(['2026Q3', '2026Q2', '2026Q1', '2025Q4']);
    }
    const q2 = (await host.call('disclosure', 'quarter', { villageId: 'dajiang', quarter: '2026Q2' })).body.data;
    expect(q2.completeness).toEqual({ required: 24, published: 22, late: 0, missing: 2, pending: 0 });
    const subsidy = (await host.call('disclosure', 'item', at('2026Q2', 'huangsheng:2-3'))).body.data;
    expect(subsidy.latest.version).toBe(2);
    expect(subsidy.latest.reason).toContain('更正为 6.8 亩');
    const table = subsidy.latest.body.find((b: { type: string }) => b.type === 'table');
    expect(table.columns).toEqual(['户主', '身份证号', '面积（亩）', '金额（元）']);
    expect(table.rows.length).toBe(10);
    // ID numbers in lists are always masked.
    for (const row of table.rows) expect(row[1]).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
  });
});

describe('drafting a quarter', () => {
  it('submits every draft of the quarter at once, leaving corrections to be submitted with their reasons', async () => {
    const cadre = 'doufuli-accountant';
    for (const id of ['huangsheng:1-1', 'huangsheng:1-2']) {
      await host.call('disclosure', 'saveDraft', { ...at(Q4, id, 'doufuli'), title: `草稿 ${id}`, body: para('本季度情况如下。') }, cadre);
    }
    // A correction of a published Q3 item is not swept up by submitting Q4.
    const res = await host.call('disclosure', 'submitQuarter', { villageId: 'doufuli', quarter: Q4 }, 'doufuli-secretary');
    expect(res.body.data).toEqual({ submitted: ['huangsheng:1-1', 'huangsheng:1-2'], needReason: [] });
    const drafts = (await host.call('disclosure', 'drafts', { villageId: 'doufuli', quarter: Q4 }, 'doufuli-supervisor')).body.data.items;
    expect(drafts.map((d: { state: string }) => d.state)).toEqual(['submitted', 'submitted']);
    const again = await host.call('disclosure', 'submitQuarter', { villageId: 'doufuli', quarter: Q4 }, 'doufuli-secretary');
    expect(again.body.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '本季度没有待提交的草稿。' });

    await host.call('disclosure', 'saveDraft', { ...at(Q3, 'huangsheng:1-1', 'doufuli'), title: '更正', body: para('更正分工。') }, cadre);
    const corr = await host.call('disclosure', 'submitQuarter', { villageId: 'doufuli', quarter: Q3 }, 'doufuli-secretary');
    expect(corr.body.error.message).toContain('更正');
  });

  it('refuses to draft a quarter that has not begun', async () => {
    const res = await host.call('disclosure', 'saveDraft', { ...at('2027Q1', 'huangsheng:1-1'), title: '提前', body: para('x') }, 'yangjia-secretary');
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('attachments', () => {
  it('takes an image and a PDF, keeps them private until approved, then shows them with the published version', async () => {
    const cadre = 'yangjia-accountant';
    const png = (await host.send('disclosure', 'upload', { villageId: 'yangjia', name: '签字表.png', dataBase64: PNG.toString('base64') }, cadre)).body.data;
    const pdf = (await host.send('disclosure', 'upload', { villageId: 'yangjia', name: '发放明细.pdf', dataBase64: PDF.toString('base64') }, cadre)).body.data;
    expect(png).toMatchObject({ name: '签字表.png', mime: 'image/png', size: PNG.length });
    expect(pdf).toMatchObject({ mime: 'application/pdf' });
    const fetched = await fetch(host.url + png.url);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);

    const ref = at(Q4, 'huangsheng:2-2');
    await host.call('disclosure', 'saveDraft', { ...ref, title: '低保发放', body: para('见附件。'), attachments: [png.id, pdf.id] }, cadre);
    expect((await host.call('disclosure', 'item', ref)).body.error.code).toBe('NOT_FOUND');
    await host.call('disclosure', 'submit', ref, cadre);
    await host.call('disclosure', 'review', { ...ref, decision: 'approve' }, 'yangjia-supervisor');
    const item = (await host.call('disclosure', 'item', ref)).body.data;
    expect(item.latest.attachments.map((a: { name: string }) => a.name)).toEqual(['签字表.png', '发放明细.pdf']);
  });

  it('refuses files that are not images or PDFs, oversized files, and another village’s uploads — writing nothing', async () => {
    const before = storeDigest(host.store);
    const exe = await host.send(
      'disclosure',
      'upload',
      { villageId: 'yangjia', name: 'a.png', dataBase64: Buffer.from('MZ\x90\x00 not an image').toString('base64') },
      'yangjia-secretary',
    );
    expect(exe.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '只能上传图片（JPG、PNG）或 PDF 文件。' });
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const tooBig = await host.send('disclosure', 'upload', { villageId: 'yangjia', name: 'big.png', dataBase64: big.toString('base64') }, 'yangjia-secretary');
    expect(tooBig.body.error.message).toContain('不能超过 1 MB');
    expect(storeDigest(host.store)).toBe(before);

    const theirs = (await host.send('disclosure', 'upload', { villageId: 'dajiang', name: 'x.png', dataBase64: PNG.toString('base64') }, 'dajiang-secretary'))
      .body.data;
    const mark = storeDigest(host.store);
    const res = await host.call(
      'disclosure',
      'saveDraft',
      { ...at(Q4, 'huangsheng:1-4'), title: '借用', body: para('x'), attachments: [theirs.id] },
      'yangjia-secretary',
    );
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(storeDigest(host.store)).toBe(mark);
  });

  it('serves no file outside the attachments folder', async () => {
    for (const path of ['/files/../test.db', '/files/%2e%2e/test.db', '/files/disclosure/../../test.db']) {
      expect((await fetch(host.url + path)).status).toBe(404);
    }
  });
});

describe('校验', () => {
  it('shows the digest and an intact chain, and shows it broken after the amount is changed in the SQLite file', async () => {
    const ref = at('2026Q1', 'huangsheng:3-4', 'diquan');
    const ok = (await host.call('disclosure', 'verify', ref)).body.data;
    expect(ok).toMatchObject({ version: 1, contentIntact: true, recordIntact: true, chain: { ok: true }, holds: true });
    expect(ok.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(ok.recomputed).toBe(ok.digest);

    const id = 'diquan:2026Q1:huangsheng:3-4:v1';
    host.store.db
      .prepare(`UPDATE "c_disclosure_versions" SET data = json_set(data, '$.amountFen', json_extract(data, '$.amountFen') - 10000) WHERE id = ?`)
      .run(id);
    const tampered = (await host.call('disclosure', 'verify', ref)).body.data;
    expect(tampered).toMatchObject({ contentIntact: false, holds: false });
    expect(tampered.recomputed).not.toBe(tampered.digest);

    // Covering the tracks by rewriting the stored digest too: the audit record still names the old one.
    const { recomputed } = tampered;
    host.store.db.prepare(`UPDATE "c_disclosure_versions" SET data = json_set(data, '$.digest', ?) WHERE id = ?`).run(recomputed, id);
    const covered = (await host.call('disclosure', 'verify', ref)).body.data;
    expect(covered).toMatchObject({ contentIntact: true, recordIntact: false, holds: false });

    // And rewriting the audit record as well breaks the chain at that record.
    const { digestOf } = await import('../../cloudfunctions/core/shared/digest');
    host.store.db
      .prepare(`UPDATE "c_audit" SET data = json_set(data, '$.digest', ?) WHERE id = ?`)
      .run(digestOf({ digest: recomputed, version: 1 }), `diquan:${String(covered.recordSeq).padStart(10, '0')}`);
    const rewritten = (await host.call('disclosure', 'verify', ref)).body.data;
    expect(rewritten).toMatchObject({
      contentIntact: true,
      recordIntact: true,
      chain: { ok: false, brokenAt: { seq: covered.recordSeq, reason: '记录内容被改动' } },
      holds: false,
    });
  });
});

describe('评 and 督', () => {
  it('counts one rating per villager per quarter, even from two taps at once', async () => {
    const tap = () => host.call('disclosure', 'rate', { villageId: 'yangjia', quarter: Q3, rating: '基本满意', comment: '希望公开更及时' }, 'yangjia-villager');
    const [a, b] = await Promise.all([tap(), tap()]);
    const codes = [a.body.ok ? 'ok' : a.body.error.code, b.body.ok ? 'ok' : b.body.error.code].sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    const refused = a.body.ok ? b : a;
    expect(refused.body.error.message).toBe('这个季度您已经评价过了，每人每季度评价一次。');
    await host.call('disclosure', 'rate', { villageId: 'yangjia', quarter: Q3, rating: '满意' }, 'yangjia-secretary');
    const q = (await host.call('disclosure', 'quarter', { villageId: 'yangjia', quarter: Q3 }, 'yangjia-villager')).body.data;
    expect(q.ratings).toEqual({ 满意: 1, 基本满意: 1, 不满意: 0 });
    expect(q.myRating).toBe('基本满意');
    const unverified = await host.call('disclosure', 'rate', { villageId: 'yangjia', quarter: Q3, rating: '不满意' }, 'yangjia-newcomer');
    expect(unverified.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('lets the 监委会 record follow-up points and close each once with what was done', async () => {
    const sup = 'yangjia-supervisor';
    const seeded = (await host.call('disclosure', 'quarter', { villageId: 'yangjia', quarter: Q3 })).body.data.followUps;
    expect(seeded).toEqual([expect.objectContaining({ text: '主街道路维修工程待验收，验收后公开结算金额。', closed: false })]);
    const point = (
      await host.call(
        'disclosure',
        'followUpAdd',
        { villageId: 'yangjia', quarter: Q3, text: '核实低保名单中一户是否仍符合条件', itemId: 'huangsheng:2-2' },
        sup,
      )
    ).body.data;
    const closed = await host.call(
      'disclosure',
      'followUpClose',
      { villageId: 'yangjia', quarter: Q3, followUpId: point.id, result: '经入户核查仍符合条件，已在公开栏说明。' },
      sup,
    );
    expect(closed.body.data).toMatchObject({ closed: true, result: '经入户核查仍符合条件，已在公开栏说明。' });
    const twice = await host.call('disclosure', 'followUpClose', { villageId: 'yangjia', quarter: Q3, followUpId: point.id, result: '再次销号试试' }, sup);
    expect(twice.body.error.code).toBe('FAILED_PRECONDITION');
    const list = (await host.call('disclosure', 'quarter', { villageId: 'yangjia', quarter: Q3 })).body.data.followUps;
    expect(list.map((f: { closed: boolean }) => f.closed)).toEqual([false, true]);
  });
});

describe('catalog', () => {
  it('lets the township add, rename and retire items; a retired item is still owed, and kept, for earlier quarters', async () => {
    const admin = 'township-admin';
    const added = (await host.call('disclosure', 'catalogAdd', { townshipId: 'huangsheng', category: '村务', title: '人居环境整治' }, admin)).body.data;
    expect(added).toMatchObject({ id: 'huangsheng:2-5', since: Q4, retired: false });
    const dup = await host.call('disclosure', 'catalogAdd', { townshipId: 'huangsheng', category: '村务', title: '人居环境整治' }, admin);
    expect(dup.body.error.code).toBe('CONFLICT');
    await host.call('disclosure', 'catalogRename', { townshipId: 'huangsheng', itemId: 'huangsheng:6-3', title: '资源流转、变更与调整' }, admin);
    const retired = (await host.call('disclosure', 'catalogRetire', { townshipId: 'huangsheng', itemId: 'huangsheng:5-4' }, admin)).body.data;
    expect(retired).toMatchObject({ retired: true, retiredFrom: Q4 });

    const q4 = (await host.call('disclosure', 'quarter', { villageId: 'doufuli', quarter: Q4 })).body.data;
    expect(q4.completeness.required).toBe(24); // +1 added, −1 retired
    const titles = q4.entries.map((e: { title: string }) => e.title);
    expect(titles).toContain('人居环境整治');
    expect(titles).toContain('资源流转、变更与调整');
    expect(titles).not.toContain('经营性资产收益分配');
    // Q3 did not owe the new item, still owes the retired one, and keeps what was published under it.
    const q3 = (await host.call('disclosure', 'quarter', { villageId: 'doufuli', quarter: Q3 })).body.data;
    expect(q3.completeness.required).toBe(24);
    expect(q3.entries.find((e: { itemId: string }) => e.itemId === 'huangsheng:5-4')).toMatchObject({ status: 'published', required: true });
    expect(q3.entries.find((e: { itemId: string }) => e.itemId === 'huangsheng:2-5')).toBeUndefined();
    expect((await host.call('disclosure', 'item', at(Q3, 'huangsheng:5-4', 'doufuli'))).body.data.latest.title).toBe('经营性资产收益分配');
    const cannot = await host.call('disclosure', 'saveDraft', { ...at(Q4, 'huangsheng:5-4', 'doufuli'), title: 'x', body: para('x') }, 'doufuli-secretary');
    expect(cannot.body.error.code).toBe('FAILED_PRECONDITION');
    const catalog = (await host.call('disclosure', 'catalog', { townshipId: 'huangsheng' })).body.data.items;
    expect(catalog).toHaveLength(25);
  });

  it('gives the township a table of its villages’ completeness for a quarter', async () => {
    const res = await host.call('disclosure', 'township', { townshipId: 'huangsheng', quarter: '2026Q2' }, 'township-discipline');
    const rows = Object.fromEntries(res.body.data.rows.map((r: { villageName: string; counts: unknown }) => [r.villageName, r.counts]));
    expect(res.body.data).toMatchObject({ label: '2026年第二季度', dueDate: '2026-07-20' });
    expect(rows.大姜村).toEqual({ required: 24, published: 22, late: 0, missing: 2, pending: 0 });
    expect(rows.杨家村).toEqual({ required: 24, published: 24, late: 0, missing: 0, pending: 0 });
  });
});

describe('询', () => {
  it('sends a villager’s question on an item to the 监委会’s queue with a link back, and the answer to the asker’s inbox', async () => {
    const subject = { type: 'disclosure', quarter: Q3, itemId: 'huangsheng:3-4' };
    const asked = await host.call('tickets', 'ask', { villageId: 'yangjia', subject, text: '九月份的招待费是招待谁的？' }, 'yangjia-villager');
    expect(asked.body.data).toMatchObject({ state: 'open', subject: { ...subject, title: '2026年第三季度招待费、办公费等非生产性开支' } });
    const queue = (await host.call('tickets', 'queue', { villageId: 'yangjia', state: 'open' }, 'yangjia-supervisor')).body.data;
    expect(queue.open).toBe(1);
    expect(queue.tickets[0]).toMatchObject({ text: '九月份的招待费是招待谁的？', askerName: '杨德福', subject: { itemId: 'huangsheng:3-4', quarter: Q3 } });
    const answered = await host.call(
      'tickets',
      'answer',
      { villageId: 'yangjia', ticketId: asked.body.data.id, text: '镇工作组检查人居环境时的误餐，共 6 人。' },
      'yangjia-supervisor',
    );
    expect(answered.body.data.state).toBe('answered');
    const inbox = (await host.call('identity', 'inbox', {}, 'yangjia-villager')).body.data.messages;
    expect(inbox[0]).toMatchObject({
      text: '您对“2026年第三季度招待费、办公费等非生产性开支”的提问有了答复，请查看并评价。',
      link: '/pages/item/index?villageId=yangjia&quarter=2026Q3&itemId=huangsheng%3A3-4',
    });
    const mine = (await host.call('tickets', 'mine', { villageId: 'yangjia' }, 'yangjia-villager')).body.data.tickets;
    expect(mine[0]).toMatchObject({ answers: [{ text: '镇工作组检查人居环境时的误餐，共 6 人。' }], askerName: null, mine: true, state: 'answered' });
  });

  it('takes questions only on published items', async () => {
    const res = await host.call(
      'tickets',
      'ask',
      { villageId: 'yangjia', subject: { type: 'disclosure', quarter: Q4, itemId: 'huangsheng:6-1' }, text: '这一项什么时候公开？' },
      'yangjia-villager',
    );
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('notifications', () => {
  it('tells subscribers once a day when their village publishes: in the inbox, and through the notifier', async () => {
    const follower = 'dajiang-newcomer'; // not verified: a villager far away may still follow
    expect((await host.call('disclosure', 'subscribe', { villageId: 'dajiang', on: true }, follower)).body.data.subscribed).toBe(true);
    expect((await host.call('disclosure', 'subscription', { villageId: 'dajiang' }, follower)).body.data.subscribed).toBe(true);
    for (const id of ['huangsheng:1-1', 'huangsheng:1-2']) {
      const ref = at(Q4, id, 'dajiang');
      await host.call('disclosure', 'saveDraft', { ...ref, title: `第四季度 ${id}`, body: para('情况说明。') }, 'dajiang-secretary');
      await host.call('disclosure', 'submit', ref, 'dajiang-secretary');
      await host.call('disclosure', 'review', { ...ref, decision: 'approve' }, 'dajiang-supervisor');
    }
    const inbox = (await host.call('identity', 'inbox', {}, follower)).body.data.messages;
    expect(inbox.filter((m: { text: string }) => m.text.includes('公开了2026年第四季度的村务'))).toHaveLength(1);
    expect(inbox[0].link).toBe('/pages/quarter/index?villageId=dajiang&quarter=2026Q4');
    const sent = await host.store.collection(OUTBOX).find({ where: { kind: 'disclosure.published' }, limit: 10 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ openids: ['dev-openid-dajiang-newcomer'], fields: { village: '大姜村', title: '2026年第四季度村务公开' } });
    // Someone who does not follow the village hears nothing.
    const other = (await host.call('identity', 'inbox', {}, 'doufuli-villager')).body.data.messages;
    expect(other.some((m: { text: string }) => m.text.includes('大姜村'))).toBe(false);
    await host.call('disclosure', 'subscribe', { villageId: 'dajiang', on: false }, follower);
    expect((await host.call('disclosure', 'subscription', { villageId: 'dajiang' }, follower)).body.data.subscribed).toBe(false);
  });

  it('gives a verified villager their own name to look for in lists', async () => {
    const item = (await host.call('disclosure', 'item', at(Q3, 'huangsheng:2-3'), 'yangjia-villager')).body.data;
    expect(item.viewerName).toBe('杨德福');
    const table = item.latest.body.find((b: { type: string }) => b.type === 'table');
    expect(table.rows.some((r: string[]) => r[0] === '杨德福')).toBe(true);
    expect((await host.call('disclosure', 'item', at(Q3, 'huangsheng:2-3'))).body.data.viewerName).toBeNull();
  });
});
