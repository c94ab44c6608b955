import Taro from '@tarojs/taro';
import type { SignedHead } from '../../types/village';
import { verifyExtends } from './merkle';
import { villageApi } from './village';

/**
 * Every phone that opens a village is a witness of its history. It keeps the last signed head it
 * checked (size and Merkle root of the village's audit log); next time it asks for a proof that
 * the log now extends that head. Nobody who can only write the database can make that proof for
 * a rewritten past. A failure is said to the villager in plain words and reported to the township.
 */
const HELD = 'heldHistoryHeads';

export type HistoryState =
  /** First visit from this phone: the head is kept for next time. */
  | 'first'
  /** The log extends the head kept last time. */
  | 'ok'
  /** No signed head to check (a local host without its key, or nothing recorded yet). */
  | 'unchecked'
  /** The past was changed: the log does not extend what this phone saw, or the service found so itself. */
  | 'rewritten';

function heldHeads(): Record<string, SignedHead> {
  const v: unknown = Taro.getStorageSync(HELD);
  return v && typeof v === 'object' ? (v as Record<string, SignedHead>) : {};
}

function keep(head: SignedHead): void {
  Taro.setStorageSync(HELD, { ...heldHeads(), [head.scope]: head });
}

export function heldHead(villageId: string): SignedHead | null {
  return heldHeads()[villageId] ?? null;
}

function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i += 1) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The head's Ed25519 signature, checked with the browser's own crypto where it has Ed25519
 * (H5 on current browsers); null where it cannot be checked here (the mini-program has no
 * WebCrypto), and then the consistency proof is what binds it.
 */
async function signatureHolds(h: SignedHead): Promise<boolean | null> {
  const subtle = typeof globalThis.crypto !== 'undefined' ? globalThis.crypto.subtle : undefined;
  if (!subtle || typeof atob !== 'function') return null;
  try {
    const key = await subtle.importKey('raw', fromBase64(h.publicKey), { name: 'Ed25519' }, false, ['verify']);
    const message = new TextEncoder().encode(`sunlit-village/audit-head/v1\n${h.scope}\n${h.size}\n${h.root}\n${h.at ?? ''}`);
    return await subtle.verify({ name: 'Ed25519' }, key, fromBase64(h.signature), message);
  } catch {
    return null;
  }
}

/** Checks the village's history against what this phone kept; reports a rewrite to the township. */
export async function checkHistory(villageId: string): Promise<HistoryState> {
  const held = heldHead(villageId);
  const res = await villageApi.history(villageId, held?.size);
  if (res.rewritten) return 'rewritten';
  const head = res.head;
  if (!head) return 'unchecked';
  let fine = (await signatureHolds(head)) !== false && head.scope === villageId;
  if (held) {
    fine = fine && held.publicKey === head.publicKey && res.proof !== null && verifyExtends(held.size, head.size, held.root, head.root, res.proof);
  }
  if (!fine) {
    // The kept head stays: it is the evidence, and the next visit warns again.
    if (held) await villageApi.historyAlarm(villageId, held).catch(() => undefined);
    return 'rewritten';
  }
  keep(head);
  return held ? 'ok' : 'first';
}
