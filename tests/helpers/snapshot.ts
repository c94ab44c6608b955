import { createHash } from 'node:crypto';
import type { SqliteDocStore } from '../../cloudfunctions/adapters/local/sqlite-docstore';

/**
 * A digest of every row of every table: equal before and after means nothing was written.
 * `except` names collections left out, such as `attempts`, where a refused call is counted.
 */
export function storeDigest(store: SqliteDocStore, except: string[] = []): string {
  const skip = new Set(except.map((c) => `c_${c}`));
  const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).filter(
    (t) => !skip.has(t.name),
  );
  const h = createHash('sha256');
  for (const { name } of tables) {
    const rows = store.db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all();
    h.update(name).update(JSON.stringify(rows));
  }
  return h.digest('hex');
}
