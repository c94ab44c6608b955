import type { Block } from '../../../types/disclosure';
import type { DisclosureCategory } from '../../../types/village';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';
import { findAll } from '../shared/paging';
import type { ItemDoc, VersionDoc } from './model';

/** A village's published item, as the version in force says it: what others read lists from. */
export interface PublishedTables {
  quarter: string;
  itemId: string;
  category: DisclosureCategory;
  title: string;
  version: number;
  approvedAt: string;
  tables: Extract<Block, { type: 'table' }>[];
}

/** Versions are read by id, this many at a time (one `in` query each). */
const BATCH = 100;

/**
 * Every published item of a village with its tables, each at the version in force (a correction
 * replaces what the earlier version said; the earlier one stays readable on the item page). Items
 * whose version has no table are left out: only tables are lists of people.
 */
export async function publishedTables(ports: Ports, villageId: string): Promise<PublishedTables[]> {
  const items = (await findAll(ports.store.collection<ItemDoc>(C.disclosureItems), { villageId })).filter((i) => i.publishedVersion > 0);
  const ids = items.map((i) => `${i._id}:v${i.publishedVersion}`);
  const versions = new Map<string, VersionDoc>();
  for (let at = 0; at < ids.length; at += BATCH) {
    const batch = ids.slice(at, at + BATCH);
    for (const v of await ports.store.collection<VersionDoc>(C.disclosureVersions).find({ where: { _id: cmd.in(batch) }, limit: BATCH }))
      versions.set(v._id, v);
  }
  return items.flatMap((i) => {
    const v = versions.get(`${i._id}:v${i.publishedVersion}`);
    const tables = (v?.body ?? []).filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
    if (!v || tables.length === 0) return [];
    return [{ quarter: i.quarter, itemId: i.itemId, category: i.category, title: v.title, version: v.version, approvedAt: v.approvedAt, tables }];
  });
}
