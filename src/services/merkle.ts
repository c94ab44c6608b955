import { sha256 } from '@noble/hashes/sha256';

/**
 * The phone's side of the village's Merkle-tree log (RFC 9162): checking that the log it sees now
 * extends the head it kept last time. Written for the phone from the RFC, not shared with the
 * server: the point is that the phone checks for itself.
 */

function bytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

function node(left: string, right: string): string {
  const buf = new Uint8Array(65);
  buf[0] = 1;
  buf.set(bytes(left), 1);
  buf.set(bytes(right), 33);
  return hex(sha256(buf));
}

/** RFC 9162 §2.1.4.2: whether `proof` shows the tree (n, second) extends the tree (m, first). */
export function verifyExtends(m: number, n: number, first: string, second: string, proof: string[]): boolean {
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
      fr = node(c, fr);
      sr = node(c, sr);
      while (!(fn & 1) && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = node(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr === first && sr === second && sn === 0;
}
