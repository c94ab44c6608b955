import type { AuditAction, AuditActionName } from '../../../types/audit';
import type { DocStore, Transaction } from '../../ports/docstore';
import { C } from '../collections';
import type { Actor } from '../shared/records';
import { digestOf } from '../shared/digest';
import { appendLeaf, consistencyProof, leafHash, rangeHash, rootOf, type FrontierNode, type SubtreeReader } from './merkle';

export type { Actor };

export const AUDIT = C.audit;
export const AUDIT_HEADS = C.auditHeads;
/** Completed subtrees of each scope's Merkle tree (merkle.ts), `${scope}:${level}:${index}`. */
export const AUDIT_NODES = C.auditNodes;

export interface AuditRecord {
  _id: string;
  /** A village id, or `township:<id>` for township-level changes. */
  scope: string;
  seq: number;
  at: string;
  actor: Actor;
  /** Records written by older versions may carry a name no function writes any more. */
  action: AuditActionName;
  target: string;
  /** Digest of the change itself; the change may hold personal data, so it is not kept here. */
  digest: string;
  prev: string;
  hash: string;
  [k: string]: unknown;
}

interface Head {
  _id: string;
  seq: number;
  hash: string;
  /** The Merkle tree of the scope's records so far, as its perfect subtrees (merkle.ts). */
  frontier?: FrontierNode[];
  [k: string]: unknown;
}

interface NodeDoc {
  _id: string;
  scope: string;
  level: number;
  index: number;
  hash: string;
  [k: string]: unknown;
}

const nodeId = (scope: string, level: number, index: number) => `${scope}:${level}:${index}`;

/** A chain written before it had a tree: its frontier is built from its records, once. */
async function frontierOf(tx: Transaction, scope: string, head: Head | null): Promise<FrontierNode[]> {
  if (!head || head.seq === 0) return [];
  if (head.frontier) return head.frontier;
  let frontier: FrontierNode[] = [];
  for (let i = 0; i < head.seq; i += 1) {
    const r = await tx.get<AuditRecord>(AUDIT, recordId(scope, i + 1));
    const step = appendLeaf(frontier, i, leafHash(r?.hash ?? GENESIS));
    frontier = step.frontier;
    for (const c of step.completed) await tx.set(AUDIT_NODES, nodeId(scope, c.level, c.index), { scope, level: c.level, index: c.index, hash: c.hash });
  }
  return frontier;
}

const GENESIS = '0'.repeat(64);

export function recordId(scope: string, seq: number): string {
  return `${scope}:${String(seq).padStart(10, '0')}`;
}

function linkHash(r: Omit<AuditRecord, '_id' | 'hash'>): string {
  const { scope, seq, at, actor, action, target, digest, prev } = r;
  return digestOf({ scope, seq, at, actor, action, target, digest, prev });
}

/**
 * Appends to the scope's hash chain inside the caller's transaction, so the audit record and
 * the change it describes commit together or not at all. The deterministic record id makes two
 * concurrent appends collide instead of forking the chain.
 */
export async function appendAudit(
  tx: Transaction,
  scope: string,
  entry: { actor: Actor; action: AuditAction; target: string; change: unknown; at: string },
): Promise<AuditRecord> {
  const head = await tx.get<Head>(AUDIT_HEADS, scope);
  const seq = (head?.seq ?? 0) + 1;
  const prev = head?.hash ?? GENESIS;
  const body = {
    scope,
    seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    digest: digestOf(entry.change),
    prev,
  };
  const record: AuditRecord = { _id: recordId(scope, seq), ...body, hash: linkHash(body) };
  await tx.add(AUDIT, record);
  // The record is also the next leaf of the scope's Merkle tree: the subtrees it completes are
  // kept (about one a record), so any consistency proof is a handful of point reads.
  const grown = appendLeaf(await frontierOf(tx, scope, head), seq - 1, leafHash(record.hash));
  for (const c of grown.completed) await tx.set(AUDIT_NODES, nodeId(scope, c.level, c.index), { scope, level: c.level, index: c.index, hash: c.hash });
  await tx.set(AUDIT_HEADS, scope, { seq, hash: record.hash, frontier: grown.frontier });
  return record;
}

/** A scope's tree head as the log holds it: how many records, and the root over them. */
export interface TreeHead {
  scope: string;
  size: number;
  root: string;
  /** When the last record was written (what a signed checkpoint is dated by). */
  at: string | null;
}

export async function treeHeadOf(store: DocStore, scope: string): Promise<TreeHead> {
  const head = await store.collection<Head>(AUDIT_HEADS).get(scope);
  if (!head || head.seq === 0) return { scope, size: 0, root: rootOf([]), at: null };
  const last = await store.collection<AuditRecord>(AUDIT).get(recordId(scope, head.seq));
  return { scope, size: head.seq, root: rootOf(head.frontier ?? []), at: last?.at ?? null };
}

/** Reads a scope's perfect subtrees: leaves from the records, larger ones from the stored nodes. */
export function subtreeReader(store: DocStore, scope: string): SubtreeReader {
  return async (level, index) => {
    if (level === 0) {
      const r = await store.collection<AuditRecord>(AUDIT).get(recordId(scope, index + 1));
      if (!r) throw new Error(`record ${index + 1} of ${scope} is missing`);
      return leafHash(r.hash);
    }
    const n = await store.collection<NodeDoc>(AUDIT_NODES).get(nodeId(scope, level, index));
    if (!n) throw new Error(`tree node ${level}:${index} of ${scope} is missing`);
    return n.hash;
  };
}

/** The root the log gives for its first `size` records (from stored subtrees, not the head). */
export function rootAt(store: DocStore, scope: string, size: number): Promise<string> {
  return rangeHash(0, size, subtreeReader(store, scope));
}

/** The proof that the scope's log now extends its first `from` records (RFC 9162). */
export function proveExtends(store: DocStore, scope: string, from: number, to: number): Promise<string[]> {
  return consistencyProof(from, to, subtreeReader(store, scope));
}

export interface ChainReport {
  scope: string;
  ok: boolean;
  length: number;
  /** The Merkle root recomputed from the records themselves. */
  root: string;
  /** The first record that does not hold, and why. */
  brokenAt?: { seq: number; id: string; reason: string };
}

/**
 * Recomputes every link of a scope's chain and its Merkle tree, a page at a time (the store
 * returns ≤ 1000 rows), and compares the tree with the head — and, with `nodes`, with every
 * stored subtree the proofs are built from.
 */
export async function verifyChain(
  store: DocStore,
  scope: string,
  o: { nodes?: boolean; rootsAt?: number[] } = {},
): Promise<ChainReport & { roots: Record<number, string> }> {
  const records = store.collection<AuditRecord>(AUDIT);
  let prev = GENESIS;
  let expected = 1;
  let frontier: FrontierNode[] = [];
  const completed: FrontierNode[] = [];
  // The root at each size asked for, from the records themselves (to check signed heads against).
  const wanted = new Set(o.rootsAt ?? []);
  const roots: Record<number, string> = {};
  for (;;) {
    const page = await records.find({
      where: { scope },
      orderBy: [['seq', 'asc']],
      skip: expected - 1,
      limit: 1000,
    });
    for (const r of page) {
      const fail = (reason: string) => ({
        scope,
        ok: false,
        length: expected - 1,
        root: rootOf(frontier),
        roots,
        brokenAt: { seq: expected, id: r._id, reason },
      });
      if (r.seq !== expected || r._id !== recordId(scope, expected)) return fail('记录缺失或顺序被改动');
      if (r.prev !== prev) return fail('与上一条记录的链接不符');
      const { _id, hash, ...body } = r;
      if (linkHash(body) !== hash) return fail('记录内容被改动');
      const step = appendLeaf(frontier, expected - 1, leafHash(hash));
      frontier = step.frontier;
      if (o.nodes) completed.push(...step.completed);
      if (wanted.has(expected)) roots[expected] = rootOf(frontier);
      prev = hash;
      expected += 1;
    }
    if (page.length < 1000) break;
  }
  const head = await store.collection<Head>(AUDIT_HEADS).get(scope);
  const length = expected - 1;
  const root = rootOf(frontier);
  const broken = (reason: string) => ({ scope, ok: false, length, root, roots, brokenAt: { seq: length + 1, id: recordId(scope, length + 1), reason } });
  if ((head?.seq ?? 0) !== length || (head && head.hash !== prev)) return broken('链尾记录缺失');
  if (head?.frontier && rootOf(head.frontier) !== root) return broken('审计树的根与记录不符');
  for (const c of completed) {
    const stored = await store.collection<NodeDoc>(AUDIT_NODES).get(nodeId(scope, c.level, c.index));
    if (stored?.hash !== c.hash) return broken(`审计树第 ${c.level} 层第 ${c.index + 1} 个节点与记录不符`);
  }
  return { scope, ok: true, length, root, roots };
}
