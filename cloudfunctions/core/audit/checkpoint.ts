import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { SignedHead } from '../../../types/village';
import { readAll, type DocStore } from '../../ports/docstore';
import { C } from '../collections';
import { rootAt, treeHeadOf, type TreeHead } from './chain';

/**
 * Checkpoints: a scope's tree head signed with AUDIT_SIGNING_KEY (Ed25519), a key that is never
 * in the database. Whoever can write the database can rewrite records, relink the chain and
 * recompute the tree, but cannot sign the result; a checkpoint signed earlier then no longer
 * matches the tree, and audit:verify, the township's daily record of heads and every phone that
 * kept a head all see it.
 */
export const AUDIT_CHECKPOINTS = C.auditCheckpoints;

/** What is signed: the scope, the tree's size and root, and when its last record was written. */
export function headMessage(h: Pick<SignedHead, 'scope' | 'size' | 'root' | 'at'>): Buffer {
  return Buffer.from(`sunlit-village/audit-head/v1\n${h.scope}\n${h.size}\n${h.root}\n${h.at ?? ''}`, 'utf8');
}

const privateKeys = new Map<string, KeyObject>();

function privateKeyOf(pem: string): KeyObject {
  let k = privateKeys.get(pem);
  if (!k) {
    k = createPrivateKey(pem);
    if (k.asymmetricKeyType !== 'ed25519') throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM)');
    privateKeys.set(pem, k);
  }
  return k;
}

/** The public half, as 32 raw bytes in base64: what phones and audit:verify check signatures with. */
export function publicKeyOf(privatePem: string): string {
  const jwk = createPublicKey(privateKeyOf(privatePem)).export({ format: 'jwk' }) as { x: string };
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function signHead(privatePem: string, h: TreeHead): SignedHead {
  const head = { scope: h.scope, size: h.size, root: h.root, at: h.at };
  return { ...head, signature: sign(null, headMessage(head), privateKeyOf(privatePem)).toString('base64'), publicKey: publicKeyOf(privatePem) };
}

/** Whether `h` was signed by the holder of the private key whose public half is `publicKey`. */
export function verifyHead(h: SignedHead, publicKey: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') }, format: 'jwk' });
    return verify(null, headMessage(h), key, Buffer.from(h.signature, 'base64'));
  } catch {
    return false;
  }
}

interface CheckpointDoc extends SignedHead {
  _id: string;
  [k: string]: unknown;
}

/** The log no longer extends what was signed before: someone rewrote the scope's history. */
export class HistoryRewritten extends Error {
  constructor(
    readonly scope: string,
    readonly signed: SignedHead,
    readonly now: string,
  ) {
    super(`the audit log of ${scope} does not extend its checkpoint at size ${signed.size}`);
  }
}

/**
 * The scope's current head, signed. Signed when first asked for at a size and kept, so every
 * size anyone was shown stays on record; the same size always signs the same way (Ed25519 is
 * deterministic and the time is the last record's), so two callers at once write one document.
 * Before signing a new size it checks that the log still gives the last checkpoint's root at
 * that checkpoint's size: a rewritten log is never signed (HistoryRewritten). Null without a
 * signing key.
 */
export async function signedHeadOf(store: DocStore, signingKey: string | undefined, scope: string): Promise<SignedHead | null> {
  if (!signingKey) return null;
  const head = await treeHeadOf(store, scope);
  if (head.size === 0) return null;
  const checkpoints = store.collection<CheckpointDoc>(AUDIT_CHECKPOINTS);
  const id = `${scope}:${String(head.size).padStart(10, '0')}`;
  const kept = await checkpoints.get(id);
  const plain = (d: CheckpointDoc): SignedHead => {
    const { _id, ...signed } = d;
    return signed;
  };
  if (kept) {
    if (kept.root !== head.root) throw new HistoryRewritten(scope, plain(kept), head.root);
    return plain(kept);
  }
  const [last] = await checkpoints.find({ where: { scope }, orderBy: [['size', 'desc']], limit: 1 });
  if (last && last.size < head.size && (await rootAt(store, scope, last.size)) !== last.root) throw new HistoryRewritten(scope, plain(last), head.root);
  const signed = signHead(signingKey, head);
  await checkpoints.set(id, { ...signed });
  return signed;
}

/** Every checkpoint of a scope, oldest first. */
export async function checkpointsOf(store: DocStore, scope: string): Promise<SignedHead[]> {
  const all = await readAll(store.collection<CheckpointDoc>(AUDIT_CHECKPOINTS), { where: { scope }, orderBy: [['size', 'asc']] });
  return all.map(({ _id, ...h }) => h);
}
