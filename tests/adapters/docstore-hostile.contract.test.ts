/** The DocStore contract's hostile input cases, over every adapter (tests/adapters/contract/harness.ts). */
import { cmd, type Scalar, type Where } from '../../cloudfunctions/ports/docstore';
import { expectStoreError, ids, PEOPLE, HOSTILE_FIELDS, runContract } from './contract/harness';

runContract('hostile input', ({ check, open, people }) => {
  check('field names that look like injection are rejected with INVALID in where, orderBy and count', async () => {
    const c = await people();
    for (const field of HOSTILE_FIELDS) {
      const where: Where = { [field]: 'x' };
      await expectStoreError(c.find({ where }), 'INVALID');
      await expectStoreError(c.count(where), 'INVALID');
      await expectStoreError(c.find({ where: { [field]: cmd.neq('x') } }), 'INVALID');
      await expectStoreError(c.find({ orderBy: [[field, 'asc']] }), 'INVALID');
    }
    // Nothing was executed: every document is still there.
    expect(await c.count()).toBe(PEOPLE.length);
  });

  check('a string value that looks like an operator matches nothing', async () => {
    const c = await people();
    for (const value of ['{"$gt":""}', '{"$ne":null}', "' OR '1'='1", '%', '*']) {
      expect(await c.find({ where: { name: value } })).toEqual([]);
      expect(await c.count({ name: value })).toBe(0);
      expect(await c.find({ where: { name: cmd.in([value]) } })).toEqual([]);
    }
  });

  check('a plain object passed as an equality value matches nothing rather than everything', async () => {
    const c = await people();
    for (const value of [{ $gt: '' }, { $ne: null }, { op: 'neq', value: 'nobody' }]) {
      const where = { name: value as unknown as Scalar };
      // Refusing the query is as safe as an empty answer, so a rejection counts as "nothing";
      // returning documents is not. (Whether the refusal is a StoreError is the next test.)
      expect(await c.find({ where }).then(ids, () => [])).toEqual([]);
      expect(await c.count(where).catch(() => 0)).toBe(0);
    }
  });

  check('a plain object passed as an equality value is rejected with INVALID', async () => {
    const c = await people();
    await expectStoreError(c.find({ where: { name: { $gt: '' } as unknown as Scalar } }), 'INVALID');
    await expectStoreError(c.count({ name: { $gt: '' } as unknown as Scalar }), 'INVALID');
  });

  check('a string equal to the JSON text of an object or array field does not match that field', async () => {
    const [c] = await open();
    await c.add({ _id: 'obj', v: { $gt: '' } });
    await c.add({ _id: 'arr', v: ['a', 'b'] });
    expect(await c.find({ where: { v: '{"$gt":""}' } })).toEqual([]);
    expect(await c.find({ where: { v: '["a","b"]' } })).toEqual([]);
  });
});
