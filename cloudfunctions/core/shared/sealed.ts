import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';

/**
 * Values the service needs but a copy of the database must not reveal (a person's birth month
 * and the day they turn 18; who filed an anonymous report), sealed with a key derived from
 * ID_HASH_KEY — which is never in the database.
 *
 * AES-256-GCM, bound to the document it belongs to (additional data), so a sealed value cannot
 * be moved to another person. The nonce is derived from the key, the document and the value
 * (a synthetic IV, as in AES-SIV): the same value of the same person seals the same way, so a
 * re-import can tell "unchanged", while two people with the same birthday seal differently.
 */
const VERSION = 'v1';
const derived = new Map<string, { enc: Buffer; iv: Buffer }>();

function keysFor(idKey: string, purpose: string): { enc: Buffer; iv: Buffer } {
  if (!idKey) throw new Error('ID_HASH_KEY is not set: sealed values can be neither written nor read');
  const name = `${purpose}\0${idKey}`;
  let k = derived.get(name);
  if (!k) {
    const okm = Buffer.from(hkdfSync('sha256', idKey, 'sunlit-village', `sealed:${purpose}`, 64));
    k = { enc: okm.subarray(0, 32), iv: okm.subarray(32) };
    derived.set(name, k);
  }
  return k;
}

export function seal(idKey: string, purpose: string, bindTo: string, value: unknown): string {
  const { enc, iv: ivKey } = keysFor(idKey, purpose);
  const plain = Buffer.from(JSON.stringify(value), 'utf8');
  const iv = createHmac('sha256', ivKey).update(bindTo).update('\0').update(plain).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', enc, iv);
  cipher.setAAD(Buffer.from(bindTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The sealed value; throws if it was changed, moved to another document, or sealed with another key. */
export function unseal<T>(idKey: string, purpose: string, bindTo: string, sealed: string): T {
  const { enc } = keysFor(idKey, purpose);
  if (!sealed.startsWith(`${VERSION}.`)) throw new Error('not a sealed value');
  const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', enc, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(bindTo, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as T;
}
