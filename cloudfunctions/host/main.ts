import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiskFiles } from '../adapters/local/disk-files';
import { SqliteDocStore } from '../adapters/local/sqlite-docstore';
import { C, INDEXES } from '../core/collections';
import { functions } from '../functions/registry';
import { clockFrom, type Clock } from '../ports/clock';
import { isEmpty, seedDemo } from './seed';
import type { VillageCodeDoc } from '../core/village/model';
import type { VillageDoc } from '../core/shared/records';
import { createHost } from './server';
import { loadIdKey, loadSigningKey } from './id-key';

/**
 * `npm start`: the embedded default. SQLite under DATA_DIR (default .data/), the built H5 app
 * from dist/h5, bound to 127.0.0.1 only — the dev personas must never be reachable from a network.
 */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const port = Number(process.env.PORT ?? 10086);
  const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
  const staticDir = resolve(process.env.STATIC_DIR ?? join(root, 'dist', 'h5'));
  const store = new SqliteDocStore(join(dataDir, 'sunlit.db'), INDEXES);
  const idKey = loadIdKey(dataDir);
  const signingKey = loadSigningKey(dataDir);
  // SUNLIT_NOW pins the host's "now" (it then runs on from there): the seed, every function and
  // the timer read this one clock, and the app in the browser takes its time from the answers.
  let clock: Clock;
  try {
    clock = clockFrom(process.env.SUNLIT_NOW);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  if (process.env.SUNLIT_NOW) console.log(`时间从 ${process.env.SUNLIT_NOW} 起算（SUNLIT_NOW）`);

  if (await isEmpty(store)) {
    await seedDemo(store, clock.now(), idKey);
    console.log('数据库为空，已写入演示数据：黄升镇');
  }
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.warn(`未找到 H5 页面（${staticDir}），请先运行 npm run build:h5。接口仍可使用。`);
  }

  const server = createHost({ store, clock, functions, staticDir, idKey, signingKey, files: new DiskFiles(join(dataDir, 'files')) });
  // The hourly timer of production, every minute here so a demo sees deadlines pass.
  const timer = setInterval(() => {
    server
      .runTimers()
      .catch((e: unknown) => console.error(JSON.stringify({ level: 'error', timer: 'tick', error: e instanceof Error ? e.message : String(e) })));
  }, 60_000);
  timer.unref();
  // The codes printed are the ones in this data folder (the demo's, or the scale township's).
  const codes = await store.collection<VillageCodeDoc>(C.villageCodes).find({ limit: 12 });
  const names = new Map((await store.collection<VillageDoc>(C.villages).find({ limit: 1000 })).map((v) => [v._id, v.name]));
  server.listen(port, '127.0.0.1', () => {
    const base = `http://127.0.0.1:${port}`;
    console.log(`阳光村务 本地服务已启动：${base}`);
    console.log('各村二维码对应的页面（一村一码）：');
    for (const c of codes) {
      const name = names.get(c.villageId) ?? c.villageId;
      console.log(`  ${c.enabled ? name : `${name}（已停用的旧码）`}  ${base}/pages/village/index?scene=${c._id}`);
    }
  });

  const stop = () => {
    server.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
