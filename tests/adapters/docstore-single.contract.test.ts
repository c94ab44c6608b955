/** The DocStore contract's single documents cases, over every adapter (tests/adapters/contract/harness.ts). */
import { expectStoreError, ids, pad, runContract } from './contract/harness';

runContract('single documents', ({ check, open }) => {
  check('get returns null for a missing id', async () => {
    const [c] = await open();
    expect(await c.get('nobody-has-this-id')).toBeNull();
  });

  check('add then get round-trips nested objects, arrays, numbers, booleans, null and Chinese text', async () => {
    const [c] = await open();
    const doc = {
      _id: 'rich',
      title: '青山村 · 村务公开',
      count: 42,
      negative: -7,
      ratio: 0.125,
      big: 2 ** 40,
      yes: true,
      no: false,
      nothing: null,
      tags: ['公开', 'open', 3, false, null],
      nested: { level: { deeper: { text: '你好，世界', list: [{ a: 1 }, { b: [2, 3] }] } }, empty: {} },
      emptyList: [],
    };
    expect(await c.add(doc)).toBe('rich');
    expect(await c.get('rich')).toEqual(doc);
  });

  check('add with an existing _id rejects with CONFLICT and leaves the original document unchanged', async () => {
    const [c] = await open();
    await c.add({ _id: 'taken', owner: 'first', n: 1 });
    await expectStoreError(c.add({ _id: 'taken', owner: 'second', extra: true }), 'CONFLICT');
    expect(await c.get('taken')).toEqual({ _id: 'taken', owner: 'first', n: 1 });
    expect(await c.count()).toBe(1);
  });

  check("addMany inserts every document, past a request's batch, and they read back whole", async () => {
    const [c] = await open();
    const docs = Array.from({ length: 250 }, (_, i) => ({ _id: `m${pad(i)}`, i, name: `村民${i}`, tags: ['a'] }));
    await c.addMany(docs);
    expect(await c.count()).toBe(250);
    expect(await c.get('m0249')).toEqual({ _id: 'm0249', i: 249, name: '村民249', tags: ['a'] });
  });

  check('addMany stops at the first existing _id with CONFLICT: the ones before it are in, the ones after are not', async () => {
    const [c] = await open();
    await c.add({ _id: 'm0002', v: 'old' });
    await expectStoreError(c.addMany([{ _id: 'm0000' }, { _id: 'm0001' }, { _id: 'm0002', v: 'new' }, { _id: 'm0003' }]), 'CONFLICT');
    expect(ids(await c.find({ orderBy: [['_id', 'asc']] }))).toEqual(['m0000', 'm0001', 'm0002']);
    expect((await c.get('m0002'))?.v).toBe('old');
  });

  check('add without an _id generates a new id for each document', async () => {
    const [c] = await open();
    const a = await c.add({ v: 'a' });
    const b = await c.add({ v: 'b' });
    expect(typeof a).toBe('string');
    expect(a.length).toBeGreaterThan(0);
    expect(b).not.toBe(a);
    expect(await c.get(a)).toEqual({ _id: a, v: 'a' });
    expect(await c.get(b)).toEqual({ _id: b, v: 'b' });
  });

  check('set creates a document that does not exist yet', async () => {
    const [c] = await open();
    await c.set('fresh', { v: 1, label: '新' });
    expect(await c.get('fresh')).toEqual({ _id: 'fresh', v: 1, label: '新' });
  });

  check('set replaces the whole document, dropping fields it does not mention', async () => {
    const [c] = await open();
    await c.add({ _id: 'x', keep: 'no', nested: { a: 1, b: 2 }, n: 1 });
    await c.set('x', { nested: { c: 3 }, n: 2 });
    expect(await c.get('x')).toEqual({ _id: 'x', nested: { c: 3 }, n: 2 });
  });

  check('remove deletes the document and says whether there was one', async () => {
    const [c] = await open();
    await c.add({ _id: 'gone', v: 1 });
    expect(await c.remove('gone')).toBe(true);
    expect(await c.get('gone')).toBeNull();
    expect(await c.remove('gone')).toBe(false);
  });
});
