import { randomInt } from 'node:crypto';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { NO_TALLY, type TallyDoc } from './model';

/**
 * A meeting's running counts live on TALLY_SHARDS documents, each vote added to one of them.
 * On CloudBase two transactions that write one document conflict and one starts over; with one
 * tally document, a hundred villagers voting in the same minute queue behind each other (about
 * five votes a second at a real round trip). Spread over sixteen, they mostly do not meet.
 * Shard 0 keeps the meeting's own id, so counts from before sharding still read.
 */
export const TALLY_SHARDS = 16;

export type Counts = Omit<TallyDoc, '_id'>;

const shardId = (meetingId: string, k: number) => (k === 0 ? meetingId : `${meetingId}:${k}`);
const shardIds = (meetingId: string) => Array.from({ length: TALLY_SHARDS }, (_, k) => shardId(meetingId, k));

/**
 * The shard a vote is added to: drawn at random, never from who votes. A shard chosen from the
 * person would let anyone with a copy of the database read a secret ballot off a shard that only
 * one voter landed on; at random, a shard's counts say nothing about anyone. Counts the 监委会
 * enters for the whole room (a paper box) go on shard 0.
 */
export function shardFor(meetingId: string, kind: 'vote' | 'room'): string {
  return shardId(meetingId, kind === 'room' ? 0 : randomInt(TALLY_SHARDS));
}

function sum(meetingId: string, shards: (TallyDoc | null)[]): TallyDoc {
  const total: TallyDoc = { _id: meetingId, ...NO_TALLY };
  for (const s of shards) {
    if (!s) continue;
    for (const k of Object.keys(NO_TALLY) as (keyof typeof NO_TALLY)[]) total[k] += Number(s[k] ?? 0);
    total.boxes = (total.boxes ?? 0) + Number(s.boxes ?? 0);
  }
  return total;
}

/** The running counts, all shards read at once. */
export async function readTally(ports: Ports, meetingId: string): Promise<TallyDoc> {
  const col = ports.store.collection<TallyDoc>(C.voteTallies);
  return sum(meetingId, await Promise.all(shardIds(meetingId).map((id) => col.get(id))));
}

/** The running counts inside a transaction (one read per shard: a transaction's reads go one at a time). */
export async function readTallyIn(tx: Transaction, meetingId: string): Promise<TallyDoc> {
  const shards: (TallyDoc | null)[] = [];
  for (const id of shardIds(meetingId)) shards.push(await tx.get<TallyDoc>(C.voteTallies, id));
  return sum(meetingId, shards);
}

/** Adds to one shard. Refuses once the meeting's close has sealed the shards. */
export async function addToTally(tx: Transaction, meetingId: string, kind: 'vote' | 'room', add: (t: TallyDoc) => Partial<Counts>): Promise<boolean> {
  const id = shardFor(meetingId, kind);
  const t = { _id: id, ...NO_TALLY, ...((await tx.get<TallyDoc>(C.voteTallies, id)) ?? {}) } as TallyDoc;
  if (t.sealed) return false;
  const { _id, ...fields } = { ...t, ...add(t) };
  await tx.set(C.voteTallies, id, fields);
  return true;
}

/**
 * Closing writes every shard. Without it a vote that read the meeting as open could still commit
 * after the close on CloudBase (its snapshot isolation lets two transactions that write different
 * documents both commit); now such a vote writes a shard the close wrote, conflicts, starts over
 * and finds the meeting closed.
 */
export async function sealTally(tx: Transaction, meetingId: string): Promise<TallyDoc> {
  const shards: (TallyDoc | null)[] = [];
  for (const id of shardIds(meetingId)) {
    const s = await tx.get<TallyDoc>(C.voteTallies, id);
    shards.push(s);
    const { _id, ...fields } = { _id: id, ...NO_TALLY, ...(s ?? {}), sealed: true } as TallyDoc;
    await tx.set(C.voteTallies, id, fields);
  }
  return sum(meetingId, shards);
}
