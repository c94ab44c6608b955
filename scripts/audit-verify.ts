/**
 * `npm run audit:verify [-- --db path/to/sunlit.db]`: recomputes every village's audit hash chain
 * in the local database and names the first broken link. Exits 1 if any chain is broken.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteDocStore } from '../cloudfunctions/adapters/local/sqlite-docstore';
import { AUDIT_HEADS, verifyChain } from '../cloudfunctions/core/audit/chain';
import { INDEXES } from '../cloudfunctions/core/collections';

async function main(): Promise<number> {
  const flag = process.argv.indexOf('--db');
  const root = resolve(__dirname, '..');
  const file = flag > 0 ? resolve(process.argv[flag + 1]) : join(resolve(process.env.DATA_DIR ?? join(root, '.data')), 'sunlit.db');
  if (!existsSync(file)) {
    console.error(`找不到数据库：${file}（先运行 npm start，或用 --db 指定）`);
    return 2;
  }
  const store = new SqliteDocStore(file, INDEXES);
  try {
    const heads = await store.collection(AUDIT_HEADS).find({ limit: 1000 });
    let broken = 0;
    for (const head of heads) {
      const report = await verifyChain(store, head._id);
      if (report.ok) {
        console.log(`✓ ${report.scope}：${report.length} 条记录，链完整`);
      } else {
        broken += 1;
        const b = report.brokenAt!;
        console.log(`✗ ${report.scope}：第 ${b.seq} 条记录（${b.id}）${b.reason}`);
      }
    }
    if (heads.length === 0) console.log('还没有审计记录。');
    return broken ? 1 : 0;
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
