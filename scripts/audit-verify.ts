/**
 * `npm run audit:verify [-- --db path/to/sunlit.db] [-- --files path/to/files] [-- --public-key <base64>]`
 *
 * Checks the local database against what was signed outside it:
 * - every audit chain link by link, and its Merkle tree against the records (every stored node);
 * - every signed checkpoint: its signature (with the audit key's public half: the key file in the
 *   data folder, AUDIT_SIGNING_KEY, or --public-key) and that the records still give its root;
 * - every village head the township chain recorded, against the village's records;
 * - every published version: all of its fields against its chain record (through any redaction),
 *   its attachment files against their SHA-256, and every publication record against a version.
 * Exits 1 if anything does not hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiskFiles } from '../cloudfunctions/adapters/local/disk-files';
import { SqliteDocStore } from '../cloudfunctions/adapters/local/sqlite-docstore';
import { AUDIT, AUDIT_HEADS, verifyChain, type AuditRecord } from '../cloudfunctions/core/audit/chain';
import { checkpointsOf, publicKeyOf, verifyHead } from '../cloudfunctions/core/audit/checkpoint';
import { INDEXES } from '../cloudfunctions/core/collections';
import { checkPublications } from '../cloudfunctions/core/disclosure/integrity';
import type { AuditAction } from '../types/audit';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The public key to check signatures with, and where it came from. */
function publicKey(dataDir: string): { key: string; from: string } | null {
  if (arg('public-key')) return { key: arg('public-key') as string, from: '--public-key' };
  if (process.env.AUDIT_SIGNING_KEY) return { key: publicKeyOf(process.env.AUDIT_SIGNING_KEY), from: 'AUDIT_SIGNING_KEY' };
  const file = join(dataDir, 'audit-signing.key');
  if (existsSync(file)) return { key: publicKeyOf(readFileSync(file, 'utf8')), from: file };
  return null;
}

async function main(): Promise<number> {
  const root = resolve(__dirname, '..');
  const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
  const file = arg('db') ? resolve(arg('db') as string) : join(dataDir, 'sunlit.db');
  if (!existsSync(file)) {
    console.error(`找不到数据库：${file}（先运行 npm start，或用 --db 指定）`);
    return 2;
  }
  const dir = resolve(file, '..');
  const filesDir = arg('files') ? resolve(arg('files') as string) : join(dir, 'files');
  const store = new SqliteDocStore(file, INDEXES);
  const files = existsSync(filesDir) ? new DiskFiles(filesDir) : null;
  const key = publicKey(dir);
  let problems = 0;
  const bad = (line: string) => {
    problems += 1;
    console.log(`✗ ${line}`);
  };
  try {
    if (!key) console.log('! 没有找到审计签名密钥（数据目录里的 audit-signing.key、AUDIT_SIGNING_KEY 或 --public-key），不核对签名。');
    else console.log(`用公钥 ${key.key}（来自 ${key.from}）核对签名。`);
    const heads = await store.collection(AUDIT_HEADS).find({ limit: 10000 });
    if (heads.length === 0) console.log('还没有审计记录。');
    // What the township chains say each village's tree was, day by day.
    const recordedHeads = new Map<string, { size: number; root: string; seq: number; scope: string }[]>();
    for (const h of heads.filter((x) => x._id.startsWith('township:'))) {
      for (let skip = 0; ; skip += 1000) {
        const page = await store
          .collection<AuditRecord>(AUDIT)
          .find({ where: { scope: h._id, action: 'audit.villageHead' satisfies AuditAction }, orderBy: [['seq', 'asc']], skip, limit: 1000 });
        for (const r of page) {
          const [, village, size, rootHex] = r.target.split(':');
          recordedHeads.set(village, [...(recordedHeads.get(village) ?? []), { size: Number(size), root: rootHex, seq: r.seq, scope: h._id }]);
        }
        if (page.length < 1000) break;
      }
    }
    for (const head of heads) {
      const scope = head._id;
      const checkpoints = await checkpointsOf(store, scope);
      const recorded = recordedHeads.get(scope) ?? [];
      const report = await verifyChain(store, scope, { nodes: true, rootsAt: [...checkpoints.map((c) => c.size), ...recorded.map((r) => r.size)] });
      if (report.ok) console.log(`✓ ${scope}：${report.length} 条记录，链完整，审计树与记录相符`);
      else {
        // A chain that does not hold says where it breaks; a report without that is itself a failure.
        const at = report.brokenAt;
        bad(at ? `${scope}：第 ${at.seq} 条记录（${at.id}）${at.reason}` : `${scope}：链不完整，且没有说明断在哪里`);
      }
      for (const c of checkpoints) {
        if (key && !verifyHead(c, key.key)) bad(`${scope}：第 ${c.size} 条处的签名检查点不是这把密钥签的（或被改过）`);
        else if (report.roots[c.size] !== undefined && report.roots[c.size] !== c.root)
          bad(`${scope}：记录与第 ${c.size} 条处签名的历史对不上——签名之后有记录被改写`);
        else if (c.size > report.length) bad(`${scope}：签名时有 ${c.size} 条记录，现在只剩 ${report.length} 条`);
      }
      if (checkpoints.length) console.log(`  签名检查点 ${checkpoints.length} 个已核对`);
      for (const r of recorded) {
        if (report.roots[r.size] !== r.root) bad(`${scope}：镇里审计链第 ${r.seq} 条记下的本村历史（第 ${r.size} 条）与现在的记录对不上`);
      }
      if (!scope.includes(':')) {
        const pubs = await checkPublications(store, files, scope);
        for (const p of pubs.problems) bad(`${scope}：${p}`);
        if (pubs.versions) console.log(`  公开内容 ${pubs.versions} 个版本已逐项核对${files ? '（含附件文件）' : ''}`);
      }
    }
    return problems ? 1 : 0;
  } finally {
    store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
