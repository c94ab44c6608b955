import Database from 'better-sqlite3';
import { appendLeaf, leafHash, type FrontierNode } from '../../cloudfunctions/core/audit/merkle';
import { versionDigest } from '../../cloudfunctions/core/disclosure/rules';
import { digestOf } from '../../cloudfunctions/core/shared/digest';

/** The database as its operator sees it: rows of JSON, rewritten in place. */
export class Operator {
  readonly db: Database.Database;
  constructor(file: string) {
    this.db = new Database(file);
  }
  rows<T>(table: string, where = '1 = 1', ...params: unknown[]): (T & { _id: string })[] {
    return this.db
      .prepare(`SELECT id, data FROM c_${table} WHERE ${where}`)
      .all(...params)
      .map((r) => ({ ...JSON.parse((r as { data: string }).data), _id: (r as { id: string }).id }));
  }
  put(table: string, doc: { _id: string; [k: string]: unknown }): void {
    const { _id, ...data } = doc;
    this.db
      .prepare(`INSERT INTO c_${table} (id, rev, data) VALUES (?, 1, ?) ON CONFLICT(id) DO UPDATE SET rev = rev + 1, data = excluded.data`)
      .run(_id, JSON.stringify(data));
  }
  remove(table: string, where: string, ...params: unknown[]): void {
    this.db.prepare(`DELETE FROM c_${table} WHERE ${where}`).run(...params);
  }
  close(): void {
    this.db.close();
  }
}

type Rec = { _id: string; scope: string; seq: number; at: string; actor: unknown; action: string; target: string; digest: string; prev: string; hash: string };

/**
 * Multiplies a version's amount by ten and makes everything stored agree again without any key:
 * the digest, the publication record, every later link of the chain, the Merkle tree and its head.
 */
export function rewriteAmount(op: Operator, versionId: string, V: string): void {
  const [v] = op.rows<Record<string, unknown>>('disclosure_versions', 'id = ?', versionId);
  const forged: { _id: string; [k: string]: unknown } = { ...v, amountFen: (v.amountFen as number) * 10 };
  forged.digest = versionDigest(forged as never);
  op.put('disclosure_versions', forged);
  const records = op.rows<Rec>('audit', `json_extract(data, '$.scope') = ?`, V).sort((a, b) => a.seq - b.seq);
  const from = records.findIndex((r) => r.target === `version:${v.itemKey}:v${v.version}`);
  records[from].digest = digestOf({ digest: forged.digest as string, version: v.version });
  for (let i = from; i < records.length; i += 1) {
    const r = records[i];
    r.prev = i === 0 ? '0'.repeat(64) : records[i - 1].hash;
    r.hash = digestOf({ scope: r.scope, seq: r.seq, at: r.at, actor: r.actor, action: r.action, target: r.target, digest: r.digest, prev: r.prev });
    op.put('audit', r);
  }
  let frontier: FrontierNode[] = [];
  op.remove('audit_nodes', `json_extract(data, '$.scope') = ?`, V);
  for (const [i, r] of records.entries()) {
    const step = appendLeaf(frontier, i, leafHash(r.hash));
    frontier = step.frontier;
    for (const c of step.completed) op.put('audit_nodes', { _id: `${V}:${c.level}:${c.index}`, scope: V, level: c.level, index: c.index, hash: c.hash });
  }
  op.put('audit_heads', { _id: V, seq: records.length, hash: records[records.length - 1].hash, frontier });
}
