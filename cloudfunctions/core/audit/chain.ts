import type { Role } from '../../../types/roles';
import type { DocStore, Transaction } from '../../ports/docstore';
import { digestOf } from '../shared/digest';

export const AUDIT = 'audit';
export const AUDIT_HEADS = 'audit_heads';

export interface Actor {
  openid: string | null;
  personId?: string | null;
  roles: Role[];
}

export interface AuditRecord {
  _id: string;
  /** A village id, or `township:<id>` for township-level changes. */
  scope: string;
  seq: number;
  at: string;
  actor: Actor;
  action: string;
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
  [k: string]: unknown;
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
  entry: { actor: Actor; action: string; target: string; change: unknown; at: string },
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
  await tx.set(AUDIT_HEADS, scope, { seq, hash: record.hash });
  return record;
}

export interface ChainReport {
  scope: string;
  ok: boolean;
  length: number;
  /** The first record that does not hold, and why. */
  brokenAt?: { seq: number; id: string; reason: string };
}

/** Recomputes every link of a scope's chain, a page at a time (the store returns ≤ 1000 rows). */
export async function verifyChain(store: DocStore, scope: string): Promise<ChainReport> {
  const records = store.collection<AuditRecord>(AUDIT);
  let prev = GENESIS;
  let expected = 1;
  for (;;) {
    const page = await records.find({
      where: { scope },
      orderBy: [['seq', 'asc']],
      skip: expected - 1,
      limit: 1000,
    });
    for (const r of page) {
      const fail = (reason: string): ChainReport => ({
        scope,
        ok: false,
        length: expected - 1,
        brokenAt: { seq: expected, id: r._id, reason },
      });
      if (r.seq !== expected || r._id !== recordId(scope, expected)) return fail('记录缺失或顺序被改动');
      if (r.prev !== prev) return fail('与上一条记录的链接不符');
      const { _id, hash, ...body } = r;
      if (linkHash(body) !== hash) return fail('记录内容被改动');
      prev = hash;
      expected += 1;
    }
    if (page.length < 1000) break;
  }
  const head = await store.collection<Head>(AUDIT_HEADS).get(scope);
  const length = expected - 1;
  if ((head?.seq ?? 0) !== length || (head && head.hash !== prev)) {
    return { scope, ok: false, length, brokenAt: { seq: length + 1, id: recordId(scope, length + 1), reason: '链尾记录缺失' } };
  }
  return { scope, ok: true, length };
}
