import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDocStore } from '../../cloudfunctions/adapters/local/sqlite-docstore';
import { C, INDEXES } from '../../cloudfunctions/core/collections';
import { cmd } from '../../cloudfunctions/ports/docstore';

/**
 * Pages stay fast at township scale only if the queries behind them use their indexes. These
 * record the SQL the store runs and ask SQLite for its plan: a full scan would mean every page
 * view reads every row of the village.
 */
let dir: string;
let store: SqliteDocStore;
let ran: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sv-plan-'));
  store = new SqliteDocStore(join(dir, 'plan.db'), INDEXES);
  ran = [];
  const prepare = store.prepare.bind(store);
  store.prepare = (sql: string) => {
    ran.push(sql);
    return prepare(sql);
  };
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function planOfLast(): string {
  const sql = ran[ran.length - 1];
  const params = (sql.match(/\?/g) ?? []).map(() => 'x');
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join('; ');
}

it('narrows a true/false condition with the index on that field (large expenses of a village)', async () => {
  await store.collection(C.ledgerRows).find({ where: { villageId: 'v', large: true }, orderBy: [['date', 'desc']], limit: 100 });
  expect(planOfLast()).toMatch(/USING INDEX ix_ledger_rows_villageId_large_date \(<expr>=\? AND <expr>=\?\)/);
});

it('still tells a JSON-looking string from the array or object it spells', async () => {
  const rows = store.collection('shapes');
  await rows.add({ _id: 'arr', tag: ['a'] });
  await rows.add({ _id: 'str', tag: '["a"]' });
  await rows.add({ _id: 'plain', tag: 'a' });
  expect((await rows.find({ where: { tag: '["a"]' } })).map((d) => d._id)).toEqual(['str']);
  expect((await rows.find({ where: { tag: cmd.in(['["a"]', 'a']) } })).map((d) => d._id)).toEqual(['plain', 'str']);
  expect((await rows.find({ where: { tag: 'a' } })).map((d) => d._id)).toEqual(['plain']);
});

it('still tells true from 1 and false from 0', async () => {
  const rows = store.collection('flags');
  await rows.add({ _id: 'a', on: true });
  await rows.add({ _id: 'b', on: 1 });
  await rows.add({ _id: 'c', on: false });
  await rows.add({ _id: 'd', on: 0 });
  expect((await rows.find({ where: { on: true } })).map((d) => d._id)).toEqual(['a']);
  expect((await rows.find({ where: { on: false } })).map((d) => d._id)).toEqual(['c']);
  expect((await rows.find({ where: { on: 1 } })).map((d) => d._id)).toEqual(['b']);
});

it('counts a village’s open and overdue tickets from the index, not by reading all its tickets', async () => {
  await store.collection(C.tickets).count({ villageId: 'v', state: cmd.in(['open', 'escalated']) });
  // Covering: the count comes from the index alone, no ticket is read.
  expect(planOfLast()).toMatch(/USING COVERING INDEX ix_tickets_villageId_state_overdue/);
  await store.collection(C.tickets).count({ villageId: 'v', overdue: true, state: cmd.in(['open', 'escalated']) });
  expect(planOfLast()).toMatch(/USING INDEX ix_tickets_villageId_state_overdue/);
});

it('reads a roster by village and roster flag in household order from its index', async () => {
  await store.collection(C.people).find({ where: { villageId: 'v', inRoster: true }, orderBy: [['householdNo', 'asc']], limit: 1000 });
  expect(planOfLast()).toMatch(/USING INDEX ix_people_villageId_inRoster_householdNo \(<expr>=\? AND <expr>=\?\)/);
  expect(planOfLast()).not.toMatch(/SCAN/);
});
