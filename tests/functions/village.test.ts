import { C } from '../../cloudfunctions/core/collections';
import { DEMO_DISABLED_CODE, DEMO_VILLAGES } from '../../cloudfunctions/host/seed';
import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

const CHINESE = /[\u4e00-\u9fa5]/;

const host = functionsHost();

/** Runs a call and asserts it wrote nothing. */
async function callReadOnly(fn: string, action: string, data?: unknown) {
  const before = storeDigest(host.store);
  const res = await host.call(fn, action, data);
  expect(storeDigest(host.store)).toBe(before);
  return res;
}

describe('village.resolveCode', () => {
  it.each(DEMO_VILLAGES.map((d) => [d.village.name, d.code, d.village._id]))('leads the code of %s to its village', async (_name, code, id) => {
    const res = await host.call('village', 'resolveCode', { code });
    expect(res.body).toMatchObject({ ok: true });
    expect(res.body.data).toEqual({ villageId: id });
  });

  it('answers NOT_FOUND with a Chinese message for an unknown code and writes nothing', async () => {
    const res = await callReadOnly('village', 'resolveCode', { code: 'nope' });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toContain('二维码无效或已停用');
  });

  it('answers INVALID_ARGUMENT when the code has the wrong type, and writes nothing', async () => {
    const res = await callReadOnly('village', 'resolveCode', { code: 12345 });
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.message).toMatch(CHINESE);
    expect(res.body.error.message).toContain('code');
  });

  it.each([
    ['too long for a mini-program scene', 'x'.repeat(33)],
    ['with spaces', 'hs yangjia'],
    ['empty', ''],
    ['with operator-looking text', '{"$gt":""}'],
  ])('rejects a malformed code (%s) as INVALID_ARGUMENT', async (_why, code) => {
    const res = await callReadOnly('village', 'resolveCode', { code });
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses a withdrawn code with the invalid-code message', async () => {
    const res = await callReadOnly('village', 'resolveCode', { code: DEMO_DISABLED_CODE });
    expect(res.body.error.code).toBe('FAILED_PRECONDITION');
    expect(res.body.error.message).toContain('二维码无效或已停用');
  });

  it('refuses the code of a disabled village', async () => {
    await host.store.collection(C.villages).update('diquan', { enabled: false });
    try {
      const res = await host.call('village', 'resolveCode', { code: 'hs-diquan' });
      expect(res.body.error.code).toBe('FAILED_PRECONDITION');
      const get = await host.call('village', 'get', { villageId: 'diquan' });
      expect(get.body.error.code).toBe('NOT_FOUND');
    } finally {
      await host.store.collection(C.villages).update('diquan', { enabled: true });
    }
  });

  it('rejects fields it does not know, naming them', async () => {
    const res = await callReadOnly('village', 'resolveCode', { code: 'hs-yangjia', villageId: 'dajiang' });
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.message).toContain('villageId');
  });
});

describe('village.get', () => {
  it('shows the village, its township and the 监委会主任 with a masked phone only', async () => {
    const res = await host.call('village', 'get', { villageId: 'yangjia' });
    expect(res.body.ok).toBe(true);
    const v = res.body.data;
    expect(v.name).toBe('杨家村');
    expect(v.townshipName).toBe('黄升镇');
    expect(v.supervisor).toEqual({ name: '杨树林', phoneMasked: '139****7216' });
    expect(JSON.stringify(res.body)).not.toContain('13905437216');
  });

  it('opens on the quarter being reported (the one that ended last), with its 24 required items and where each stands', async () => {
    const res = await host.call('village', 'get', { villageId: 'dajiang' });
    const q = res.body.data.quarter;
    // 2026-11-23: the third quarter's disclosure was due on 2026-10-20.
    expect(q).toMatchObject({ key: '2026Q3', label: '2026年第三季度', dueDate: '2026-10-20', requiredCount: 24, publishedCount: 24 });
    expect(q.categories.map((c: { category: string }) => c.category)).toEqual(['党务', '村务', '财务', '资金', '资产', '资源']);
    expect(q.categories.every((c: { items: unknown[] }) => c.items.length === 4)).toBe(true);
    // 堤圈村 published its 资产 and 资源 items six days after the due date.
    const late = (await host.call('village', 'get', { villageId: 'diquan' })).body.data.quarter;
    expect(late.completeness).toEqual({ required: 24, published: 16, late: 8, missing: 0, pending: 0 });
    const assets = late.categories.find((c: { category: string }) => c.category === '资产');
    expect(assets.items.map((i: { status: string }) => i.status)).toEqual(['late', 'late', 'late', 'late']);
  });

  it('reckons quarters in Asia/Shanghai and keeps a complete quarter until the next one has items out', async () => {
    const saved = host.clock.now();
    const home = async () => (await host.call('village', 'get', { villageId: 'diquan' })).body.data;
    const as = (persona: string) => `diquan-${persona}`;
    try {
      host.clock.set(new Date('2026-12-31T15:30:00Z')); // 23:30 on 31 December in the village
      expect((await home()).quarter).toMatchObject({ key: '2026Q3', label: '2026年第三季度', publishedCount: 24 });
      // 00:30 on 1 January: the fourth quarter has ended, but nothing of it is out yet, so the
      // complete third quarter stays — not an empty 0 / 24.
      host.clock.set(new Date('2026-12-31T16:30:00Z'));
      expect(await home()).toMatchObject({ quarter: { key: '2026Q3', publishedCount: 24 }, moreQuarters: [] });
      // 8 January: the first regular item of the fourth quarter comes out, and the home moves to it.
      host.clock.set(new Date('2027-01-08T02:00:00Z'));
      const ref = { villageId: 'diquan', quarter: '2026Q4', itemId: 'huangsheng:1-1' };
      await host.call(
        'disclosure',
        'saveDraft',
        { ...ref, title: '党组织设置与班子分工', body: [{ type: 'paragraph', text: '村党支部委员 5 人，分工见下。' }] },
        as('secretary'),
      );
      await host.call('disclosure', 'submit', ref, as('secretary'));
      expect((await host.call('disclosure', 'review', { ...ref, decision: 'approve' }, as('supervisor'))).body.data.state).toBe('published');
      const q = (await home()).quarter;
      expect(q).toMatchObject({ key: '2026Q4', label: '2026年第四季度', dueDate: '2027-01-20', publishedCount: 1 });
      expect(q.completeness).toMatchObject({ required: 24, published: 1, pending: 23 });
    } finally {
      host.clock.set(saved);
    }
  });

  it('answers NOT_FOUND for a village that does not exist', async () => {
    const res = await callReadOnly('village', 'get', { villageId: 'nowhere' });
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toMatch(CHINESE);
  });

  it('gives the full number only when someone taps to call', async () => {
    const res = await host.call('village', 'supervisorPhone', { villageId: 'yangjia' });
    expect(res.body.data).toEqual({ phone: '13905437216', hotline: '139 0543 7216' });
  });

  it('treats an unknown dev persona as a visitor, who may still read the village', async () => {
    const res = await host.call('village', 'get', { villageId: 'yangjia' }, 'nobody-at-all');
    expect(res.body.ok).toBe(true);
  });
});

describe('the local host API', () => {
  it('answers malformed JSON with INVALID_ARGUMENT', async () => {
    const res = await host.post('/api/village', '{"action": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  });

  it('answers an unknown function with NOT_FOUND', async () => {
    const res = await host.post('/api/nosuch', '{"action":"get"}');
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('answers an unknown action with NOT_FOUND', async () => {
    const res = await callReadOnly('village', 'dropEverything', {});
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('answers a body that is not an action with INVALID_ARGUMENT', async () => {
    for (const body of ['[]', '"x"', '{"data":{}}', '{"action":1}', 'null']) {
      const res = await host.post('/api/village', body);
      expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    }
  });

  it('answers an oversized body with PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ action: 'resolveCode', data: { code: 'x'.repeat(3 * 1024 * 1024) } });
    const res = await host.post('/api/village', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers GET on an API with an envelope, not a page', async () => {
    const res = await fetch(`${host.url}/api/village`);
    const body = await res.json();
    expect(res.status).toBe(405);
    expect(body.ok).toBe(false);
  });

  it('never leaks a stack trace', async () => {
    const responses = await Promise.all([
      host.post('/api/village', '{'),
      host.post('/api/village', '{"action":"get","data":"yangjia"}'),
      host.post('/api/village', '{"action":"get","data":{"villageId":{"$gt":""}}}'),
      host.post('/api/village', '{"action":"__proto__","data":{}}'),
      host.post('/api/village', '{"action":"constructor","data":{}}'),
    ]);
    for (const r of responses) {
      expect(r.body.ok).toBe(false);
      expect(JSON.stringify(r.body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
    }
  });

  it('turns away requests addressed to another host name (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${host.url}/dev/personas`, { headers: { host: 'evil.example:10086' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('survives a request line it cannot parse', async () => {
    const net = await import('node:net');
    const port = Number(new URL(host.url).port);
    const reply = await new Promise<string>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.write('GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
      let text = '';
      s.on('data', (d) => (text += d.toString()));
      s.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await host.call('village', 'get', { villageId: 'yangjia' })).body.ok).toBe(true);
  });

  it('lists the dev personas for the local switcher', async () => {
    const res = await fetch(`${host.url}/dev/personas`);
    const body = await res.json();
    expect(body.ok).toBe(true);
    const labels = body.data.map((p: { label: string }) => p.label);
    expect(labels).toEqual(expect.arrayContaining(['杨家村 · 监委会主任 杨树林', '黄升镇 · 镇管理员 王建华']));
  });
});
