import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The ID-hash key: ID_HASH_KEY if set, else one generated into the data folder on first start. */
export function loadIdKey(dataDir: string): string {
  if (process.env.ID_HASH_KEY) return process.env.ID_HASH_KEY;
  const file = join(dataDir, 'id-hash.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
