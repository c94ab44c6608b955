import { createHash } from 'node:crypto';

/**
 * A village's history as a Merkle-tree log, as Certificate Transparency keeps certificates
 * (RFC 9162 §2.1): the leaves are the audit records' hashes in order; a tree head (size, root)
 * commits to every record so far; a consistency proof shows that a later head extends an
 * earlier one — that nothing before it was changed, dropped or reordered. A phone that kept an
 * earlier head can check the proof with a few hashes, without trusting whoever runs the database.
 *
 * Hashes are hex strings. Subtrees are named by level (0 = a leaf) and index: node (k, i) covers
 * leaves [i·2^k, (i+1)·2^k). Only perfect, aligned subtrees are ever stored or asked for.
 */

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest('hex');
const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** The tree's hash of one leaf: the audit record's own hash, domain-separated from inner nodes. */
export function leafHash(recordHash: string): string {
  return sha256(LEAF, Buffer.from(recordHash, 'hex'));
}

export function nodeHash(left: string, right: string): string {
  return sha256(NODE, Buffer.from(left, 'hex'), Buffer.from(right, 'hex'));
}

/** The root of an empty tree. */
export const EMPTY_ROOT = sha256();

/** The perfect subtrees that make up the first `size` leaves, largest (leftmost) first. */
export interface FrontierNode {
  level: number;
  index: number;
  hash: string;
}

/**
 * Adds a leaf to the frontier; returns the new frontier and every subtree the leaf completed
 * (level ≥ 1), which the log stores so later proofs can be built from point reads.
 */
export function appendLeaf(frontier: FrontierNode[], size: number, leaf: string): { frontier: FrontierNode[]; completed: FrontierNode[] } {
  const next = [...frontier, { level: 0, index: size, hash: leaf }];
  const completed: FrontierNode[] = [];
  while (next.length >= 2 && next[next.length - 1].level === next[next.length - 2].level) {
    const right = next.pop() as FrontierNode;
    const left = next.pop() as FrontierNode;
    const merged = { level: left.level + 1, index: left.index >> 1, hash: nodeHash(left.hash, right.hash) };
    next.push(merged);
    completed.push(merged);
  }
  return { frontier: next, completed };
}

/** The tree head's root from its frontier: the subtrees folded right to left. */
export function rootOf(frontier: FrontierNode[]): string {
  if (frontier.length === 0) return EMPTY_ROOT;
  let h = frontier[frontier.length - 1].hash;
  for (let i = frontier.length - 2; i >= 0; i -= 1) h = nodeHash(frontier[i].hash, h);
  return h;
}

/** The largest power of two smaller than n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Reads a perfect aligned subtree's hash (level 0: a leaf hash). */
export type SubtreeReader = (level: number, index: number) => Promise<string>;

/** The Merkle tree hash of leaves [start, start + n), from perfect subtrees. */
export async function rangeHash(start: number, n: number, read: SubtreeReader): Promise<string> {
  if (n === 0) return EMPTY_ROOT;
  if ((n & (n - 1)) === 0 && start % n === 0) return read(Math.log2(n), start / n);
  const k = split(n);
  return nodeHash(await rangeHash(start, k, read), await rangeHash(start + k, n - k, read));
}

/** RFC 9162 §2.1.4.1: the proof that the tree of size n extends the tree of size m. */
export async function consistencyProof(m: number, n: number, read: SubtreeReader): Promise<string[]> {
  if (m <= 0 || m > n) throw new Error(`no consistency proof from ${m} to ${n}`);
  const sub = async (m0: number, start: number, n0: number, whole: boolean): Promise<string[]> => {
    if (m0 === n0) return whole ? [] : [await rangeHash(start, n0, read)];
    const k = split(n0);
    if (m0 <= k) return [...(await sub(m0, start, k, whole)), await rangeHash(start + k, n0 - k, read)];
    return [...(await sub(m0 - k, start + k, n0 - k, false)), await rangeHash(start, k, read)];
  };
  return sub(m, 0, n, true);
}

/** RFC 9162 §2.1.4.2: whether `proof` shows the tree (n, second) extends the tree (m, first). */
export function verifyConsistency(m: number, n: number, first: string, second: string, proof: string[]): boolean {
  if (m === n) return proof.length === 0 && first === second;
  if (m <= 0 || m > n || proof.length === 0) return false;
  const path = (m & (m - 1)) === 0 ? [first, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!(fn & 1)) {
        while (!(fn & 1) && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr === first && sr === second && sn === 0;
}
