/** The DocStore contract's find cases, over every adapter (tests/adapters/contract/harness.ts). */
import { cmd } from '../../cloudfunctions/ports/docstore';
import { insertMany, ids, PEOPLE, runContract } from './contract/harness';

runContract('find', ({ check, open, people }) => {
  check('find matches plain equality', async () => {
    const c = await people();
    expect(ids(await c.find({ where: { village: 'west' } }))).toEqual(['p2', 'p3', 'p6']);
    expect(ids(await c.find({ where: { village: 'west', age: 40 } }))).toEqual(['p3']);
    expect(ids(await c.find({ where: { name: '张三' } }))).toEqual(['p1']);
    expect(ids(await c.find({ where: { _id: 'p4' } }))).toEqual(['p4']);
    expect(await c.find({ where: { village: 'nowhere' } })).toEqual([]);
  });

  check('find returns whole documents', async () => {
    const c = await people();
    expect(await c.find({ where: { _id: 'p1' } })).toEqual([PEOPLE[0]]);
  });

  check('find with cmd.in matches any listed value, and an empty list matches nothing', async () => {
    const c = await people();
    expect(ids(await c.find({ where: { village: cmd.in(['east', 'north']) } }))).toEqual(['p1', 'p4', 'p5']);
    expect(ids(await c.find({ where: { _id: cmd.in(['p2', 'p6', 'nope']) } }))).toEqual(['p2', 'p6']);
    expect(await c.find({ where: { village: cmd.in([]) } })).toEqual([]);
    expect(await c.count({ village: cmd.in([]) })).toBe(0);
  });

  check('find with [cmd.gte(a), cmd.lt(b)] matches the half-open range a <= x < b', async () => {
    const c = await people();
    expect(ids(await c.find({ where: { age: [cmd.gte(25), cmd.lt(40)] } }))).toEqual(['p1', 'p2', 'p5']);
    expect(ids(await c.find({ where: { age: [cmd.gt(25), cmd.lte(40)] } }))).toEqual(['p1', 'p3', 'p5']);
    expect(ids(await c.find({ where: { age: cmd.gte(65) } }))).toEqual(['p6']);
    expect(await c.find({ where: { age: [cmd.gte(40), cmd.lt(40)] } })).toEqual([]);
  });

  check('find with cmd.neq excludes only the given value', async () => {
    const c = await people();
    expect(ids(await c.find({ where: { village: cmd.neq('west') } }))).toEqual(['p1', 'p4', 'p5']);
    expect(ids(await c.find({ where: { age: cmd.neq(30) } }))).toEqual(['p2', 'p3', 'p4', 'p6']);
  });

  check('find matches equality on booleans', async () => {
    const c = await people();
    expect(ids(await c.find({ where: { active: true } }))).toEqual(['p1', 'p3', 'p5']);
    expect(ids(await c.find({ where: { active: false } }))).toEqual(['p2', 'p4', 'p6']);
    expect(ids(await c.find({ where: { active: true, village: 'west' } }))).toEqual(['p3']);
  });

  check('boolean and number values never match each other', async () => {
    const [c] = await open();
    await c.add({ _id: 'bool', flag: true, zero: false });
    await c.add({ _id: 'num', flag: 1, zero: 0 });
    expect(ids(await c.find({ where: { flag: true } }))).toEqual(['bool']);
    expect(ids(await c.find({ where: { flag: 1 } }))).toEqual(['num']);
    expect(ids(await c.find({ where: { zero: false } }))).toEqual(['bool']);
    expect(ids(await c.find({ where: { zero: 0 } }))).toEqual(['num']);
  });

  check('find matches equality on dotted paths', async () => {
    const c = await people();
    expect(ids(await c.find({ where: { 'address.city': '杭州' } }))).toEqual(['p1', 'p3', 'p6']);
    expect(ids(await c.find({ where: { 'address.city': '宁波', active: true } }))).toEqual(['p5']);
  });

  check('orderBy sorts ascending and descending on one field', async () => {
    const c = await people();
    expect(ids(await c.find({ orderBy: [['age', 'asc']] }))).toEqual(['p4', 'p2', 'p1', 'p5', 'p3', 'p6']);
    // Ties (p1 and p5 are both 30) are broken by _id ascending in both directions.
    expect(ids(await c.find({ orderBy: [['age', 'desc']] }))).toEqual(['p6', 'p3', 'p1', 'p5', 'p2', 'p4']);
    expect(ids(await c.find({ where: { village: 'west' }, orderBy: [['age', 'desc']] }))).toEqual(['p6', 'p3', 'p2']);
  });

  check('orderBy on two fields sorts by the second within ties of the first', async () => {
    const c = await people();
    expect(
      ids(
        await c.find({
          orderBy: [
            ['village', 'asc'],
            ['age', 'desc'],
          ],
        }),
      ),
    ).toEqual(['p1', 'p4', 'p5', 'p6', 'p3', 'p2']);
    expect(
      ids(
        await c.find({
          orderBy: [
            ['village', 'desc'],
            ['age', 'asc'],
          ],
        }),
      ),
    ).toEqual(['p2', 'p3', 'p6', 'p5', 'p4', 'p1']);
  });

  check('find without orderBy returns documents in _id order', async () => {
    const [c] = await open();
    await insertMany(
      c,
      ['m', 'c', 'x', 'a', 'q'].map((_id) => ({ _id, v: 1 })),
    );
    expect(ids(await c.find())).toEqual(['a', 'c', 'm', 'q', 'x']);
  });
});
