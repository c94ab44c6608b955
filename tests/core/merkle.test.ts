import { createHash } from 'node:crypto';
import {
  appendLeaf,
  consistencyProof,
  EMPTY_ROOT,
  leafHash,
  rangeHash,
  rootOf,
  verifyConsistency,
  type FrontierNode,
} from '../../cloudfunctions/core/audit/merkle';

/** RFC 9162's definition, written out directly: MTH(D[n]) by recursion over the leaf data. */
function mth(leaves: string[]): string {
  const h = (...b: Buffer[]) => createHash('sha256').update(Buffer.concat(b)).digest();
  const rec = (d: Buffer[]): Buffer => {
    if (d.length === 0) return h();
    if (d.length === 1) return h(Buffer.from([0]), d[0]);
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return h(Buffer.from([1]), rec(d.slice(0, k)), rec(d.slice(k)));
  };
  return rec(leaves.map((l) => Buffer.from(l, 'hex'))).toString('hex');
}

const records = Array.from({ length: 70 }, (_, i) => createHash('sha256').update(`record ${i}`).digest('hex'));

/** A log built the way the audit chain builds it: frontier plus every completed subtree stored. */
function build(n: number) {
  let frontier: FrontierNode[] = [];
  const stored = new Map<string, string>();
  for (let i = 0; i < n; i += 1) {
    const step = appendLeaf(frontier, i, leafHash(records[i]));
    frontier = step.frontier;
    for (const c of step.completed) stored.set(`${c.level}:${c.index}`, c.hash);
  }
  const read = async (level: number, index: number) => (level === 0 ? leafHash(records[index]) : (stored.get(`${level}:${index}`) as string));
  return { root: rootOf(frontier), read, frontier };
}

describe('the audit log as a Merkle tree (RFC 9162)', () => {
  it('has the root the RFC defines, at every size, from a frontier of at most log2(n) subtrees', async () => {
    expect(build(0).root).toBe(EMPTY_ROOT);
    for (let n = 1; n <= 70; n += 1) {
      const log = build(n);
      expect(log.root).toBe(mth(records.slice(0, n)));
      expect(log.frontier.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n + 1)));
      expect(await rangeHash(0, n, log.read)).toBe(log.root);
    }
  });

  it('proves every later tree extends every earlier one, and the proof checks', async () => {
    for (let n = 1; n <= 40; n += 1) {
      const later = build(n);
      for (let m = 1; m <= n; m += 1) {
        const proof = await consistencyProof(m, n, later.read);
        expect(proof.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)) + 1);
        expect(verifyConsistency(m, n, mth(records.slice(0, m)), later.root, proof)).toBe(true);
      }
    }
  });

  it('fails the check when any earlier record was changed, the later root is another, or the proof is cut', async () => {
    const n = 37;
    const later = build(n);
    for (const m of [1, 4, 13, 32, 36]) {
      const proof = await consistencyProof(m, n, later.read);
      const changed = records.slice(0, m).map((r, i) => (i === Math.floor(m / 2) ? createHash('sha256').update('rewritten').digest('hex') : r));
      expect(verifyConsistency(m, n, mth(changed), later.root, proof)).toBe(false);
      expect(verifyConsistency(m, n, mth(records.slice(0, m)), mth(records.slice(0, n - 1)), proof)).toBe(false);
      expect(verifyConsistency(m, n, mth(records.slice(0, m)), later.root, proof.slice(0, -1))).toBe(false);
    }
    // A smaller tree never "extends" a larger one: a rollback has no proof.
    await expect(consistencyProof(10, 5, later.read)).rejects.toThrow();
  });
});
