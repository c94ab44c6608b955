/** The DocStore contract's update cases, over every adapter (tests/adapters/contract/harness.ts). */
import { cmd } from '../../cloudfunctions/ports/docstore';
import { expectStoreError, HOSTILE_FIELDS, runContract } from './contract/harness';

runContract('update', ({ check, open }) => {
  check('update sets plain fields and leaves the other fields alone', async () => {
    const [c] = await open();
    await c.add({ _id: 'u', a: 1, b: 'keep', c: true });
    expect(await c.update('u', { a: 2, c: false, added: '新字段' })).toBe(true);
    expect(await c.get('u')).toEqual({ _id: 'u', a: 2, b: 'keep', c: false, added: '新字段' });
  });

  check('update with a dotted path changes only that nested field', async () => {
    const [c] = await open();
    await c.add({ _id: 'u', profile: { name: '张三', address: { city: '杭州', street: '西湖路' } } });
    expect(await c.update('u', { 'profile.address.city': '宁波' })).toBe(true);
    expect(await c.get('u')).toEqual({
      _id: 'u',
      profile: { name: '张三', address: { city: '宁波', street: '西湖路' } },
    });
  });

  check('update with an object value replaces that field instead of merging into it', async () => {
    const [c] = await open();
    await c.add({ _id: 'u', settings: { a: 1, b: 2 } });
    await c.update('u', { settings: { c: 3 } });
    expect(await c.get('u')).toEqual({ _id: 'u', settings: { c: 3 } });
  });

  check('update with cmd.inc adds to a number, including a nested one', async () => {
    const [c] = await open();
    await c.add({ _id: 'u', n: 5, stats: { views: 10 } });
    await c.update('u', { n: cmd.inc(3), 'stats.views': cmd.inc(-4) });
    expect(await c.get('u')).toEqual({ _id: 'u', n: 8, stats: { views: 6 } });
  });

  check('update with cmd.push appends to an array', async () => {
    const [c] = await open();
    await c.add({ _id: 'u', list: ['a'] });
    await c.update('u', { list: cmd.push('b', { c: '丙' }) });
    expect(await c.get('u')).toEqual({ _id: 'u', list: ['a', 'b', { c: '丙' }] });
  });

  check('update with cmd.remove deletes the field', async () => {
    const [c] = await open();
    await c.add({ _id: 'u', gone: 1, nested: { gone: 2, kept: 3 }, kept: 4 });
    await c.update('u', { gone: cmd.remove(), 'nested.gone': cmd.remove() });
    expect(await c.get('u')).toEqual({ _id: 'u', nested: { kept: 3 }, kept: 4 });
  });

  check('update of a missing id returns false and creates nothing', async () => {
    const [c] = await open();
    expect(await c.update('missing', { a: 1, n: cmd.inc(1) })).toBe(false);
    expect(await c.get('missing')).toBeNull();
    expect(await c.count()).toBe(0);
  });

  check('200 parallel cmd.inc(1) updates on one document all count', async () => {
    const [c] = await open();
    await c.add({ _id: 'counter', value: 0 });
    const results = await Promise.all(Array.from({ length: 200 }, () => c.update('counter', { value: cmd.inc(1) })));
    expect(results.every((r) => r === true)).toBe(true);
    expect((await c.get('counter'))?.value).toBe(200);
  });

  check('an update path through __proto__ does not pollute Object.prototype', async () => {
    const [c] = await open();
    await c.add({ _id: 'u', a: 1 });
    // Jest runs tests in a vm context: objects the adapter makes with structuredClone come
    // from node's own realm, so look for the pollution in both prototypes.
    const prototypes = [Object.prototype, Object.getPrototypeOf(structuredClone({}))] as Record<string, unknown>[];
    try {
      // Resolving or rejecting are both acceptable; reaching every object in the process is not.
      await c.update('u', { '__proto__.polluted': 'yes' }).catch(() => undefined);
      expect(prototypes.map((p) => p.polluted)).toEqual([undefined, undefined]);
    } finally {
      for (const p of prototypes) delete p.polluted;
    }
  });

  check('update rejects field names that are not plain dotted identifiers with INVALID', async () => {
    const [c] = await open();
    await c.add({ _id: 'u', a: 1 });
    for (const field of HOSTILE_FIELDS) {
      await expectStoreError(c.update('u', { [field]: 1 }), 'INVALID');
    }
    expect(await c.get('u')).toEqual({ _id: 'u', a: 1 });
  });
});
