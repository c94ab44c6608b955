/** The DocStore contract's limits and paging cases, over every adapter (tests/adapters/contract/harness.ts). */
import { randomBytes } from 'node:crypto';
import { DEFAULT_LIMIT, MAX_LIMIT, cmd, readAll } from '../../cloudfunctions/ports/docstore';
import { insertMany, ids, pad, PEOPLE, runContract } from './contract/harness';

runContract('limits and paging', ({ check, open, people }) => {
  check(`find without a limit returns DEFAULT_LIMIT (${DEFAULT_LIMIT}) documents`, async () => {
    const [c] = await open();
    await insertMany(
      c,
      Array.from({ length: 150 }, (_, i) => ({ _id: `d${pad(i)}`, i })),
    );
    const found = await c.find();
    expect(found).toHaveLength(DEFAULT_LIMIT);
    expect(ids(found)).toEqual(Array.from({ length: DEFAULT_LIMIT }, (_, i) => `d${pad(i)}`));
    expect(await c.find({ skip: 140 })).toHaveLength(10);
  });

  check(`a limit of 5000 is capped at MAX_LIMIT (${MAX_LIMIT})`, async () => {
    const [c] = await open();
    await insertMany(
      c,
      Array.from({ length: 1100 }, (_, i) => ({ _id: `d${pad(i)}`, i, even: i % 2 === 0 })),
      100,
    );
    expect(await c.count()).toBe(1100);
    const found = await c.find({ limit: 5000 });
    expect(found).toHaveLength(MAX_LIMIT);
    expect(found[MAX_LIMIT - 1]._id).toBe(`d${pad(MAX_LIMIT - 1)}`);
    expect(await c.find({ limit: 5000, skip: 1000 })).toHaveLength(100);
    expect(await c.find({ where: { even: true }, limit: 5000 })).toHaveLength(550);
  });

  check('readAll reads every match past MAX_LIMIT, in order', async () => {
    const [c] = await open();
    await insertMany(
      c,
      Array.from({ length: 2300 }, (_, i) => ({ _id: `d${pad(i)}`, i, odd: i % 2 === 1 })),
      100,
    );
    const all = await readAll(c, { orderBy: [['i', 'desc']] });
    expect(all).toHaveLength(2300);
    expect(all[0]._id).toBe('d2299');
    expect(all[2299]._id).toBe('d0000');
    expect(await readAll(c, { where: { odd: true } })).toHaveLength(1150);
  });

  check('paging with skip and limit over equal sort keys visits every document once, in the order of one big query', async () => {
    const [c] = await open();
    // Generated ids, inserted in no particular order, all with the same sort key.
    const total = 61;
    await insertMany(
      c,
      Array.from({ length: total }, () => ({ _id: randomBytes(6).toString('hex'), group: 'same', rank: 1 })),
    );
    const query = { where: { group: 'same' }, orderBy: [['rank', 'asc']] as [string, 'asc' | 'desc'][] };
    const all = ids(await c.find({ ...query, limit: MAX_LIMIT }));
    expect(all).toHaveLength(total);
    const paged: string[] = [];
    for (let skip = 0; ; skip += 7) {
      const page = await c.find({ ...query, skip, limit: 7 });
      paged.push(...ids(page));
      if (page.length < 7) break;
    }
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(total);

    // The same holds sorting descending on the shared key.
    const desc = { ...query, orderBy: [['rank', 'desc']] as [string, 'asc' | 'desc'][] };
    const allDesc = ids(await c.find({ ...desc, limit: MAX_LIMIT }));
    const pagedDesc: string[] = [];
    for (let skip = 0; skip < total; skip += 7) pagedDesc.push(...ids(await c.find({ ...desc, skip, limit: 7 })));
    expect(pagedDesc).toEqual(allDesc);
    expect(new Set(pagedDesc).size).toBe(total);
  });

  check('count counts every document without a where and only the matching ones with a where', async () => {
    const [empty] = await open('nothing');
    expect(await empty.count()).toBe(0);
    const c = await people();
    expect(await c.count()).toBe(PEOPLE.length);
    expect(await c.count({})).toBe(PEOPLE.length);
    expect(await c.count({ village: 'west' })).toBe(3);
    expect(await c.count({ active: true, age: [cmd.gte(30), cmd.lt(41)] })).toBe(3);
    expect(await c.count({ 'address.city': '温州' })).toBe(1);
    expect(await c.count({ village: 'nowhere' })).toBe(0);
  });
});
