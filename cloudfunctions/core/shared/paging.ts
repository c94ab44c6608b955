import type { Collection, Doc, Where } from '../../ports/docstore';

/**
 * Every document matching `where`, a page of 1000 at a time (a CloudBase query returns no more),
 * in `_id` order so paging is stable. For registers a village keeps in the hundreds; anything that
 * can grow without bound is summed at write time instead.
 */
export async function findAll<T extends Doc>(col: Collection<T>, where: Where): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await col.find({ where, orderBy: [['_id', 'asc']], skip, limit: 1000 });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}
