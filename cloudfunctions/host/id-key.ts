import { generateKeyPairSync, randomBytes } from 'node:crypto';
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

/**
 * The audit signing key (Ed25519, PKCS#8 PEM): AUDIT_SIGNING_KEY if set, else one generated into
 * the data folder on first start. Like the ID key it never goes into the database.
 */
export function loadSigningKey(dataDir: string): string {
  if (process.env.AUDIT_SIGNING_KEY) return process.env.AUDIT_SIGNING_KEY;
  const file = join(dataDir, 'audit-signing.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    writeFileSync(file, pem, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
}
