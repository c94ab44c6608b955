/**
 * `npm run seed:scale`: writes the scale township (35 villages × 5 years, see
 * cloudfunctions/host/scale-seed.ts) into a fresh SQLite file, by default .data/scale/sunlit.db,
 * for `npm run bench:server`. `DATA_DIR=.data/scale npm start` opens the app on it.
 *
 * Flags (all optional): --dir <folder> --villages N --years N --tickets N --votes N
 * --voters N --roster-min N --roster-max N --rows N (ledger rows a month) --force
 * --now 2027-03-31T23:59:00+08:00 (the date it ends at; SUNLIT_NOW too, else the machine's)
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteDocStore } from '../cloudfunctions/adapters/local/sqlite-docstore';
import { INDEXES } from '../cloudfunctions/core/collections';
import { loadIdKey } from '../cloudfunctions/host/id-key';
import { FULL_SCALE, seedScale, type ScaleOptions } from '../cloudfunctions/host/scale-seed';
import { clockFrom } from '../cloudfunctions/ports/clock';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    villages: { type: 'string' },
    years: { type: 'string' },
    tickets: { type: 'string' },
    votes: { type: 'string' },
    voters: { type: 'string' },
    'roster-min': { type: 'string' },
    'roster-max': { type: 'string' },
    rows: { type: 'string' },
    now: { type: 'string' },
    force: { type: 'boolean' },
    quiet: { type: 'boolean' },
  },
});

const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const o: ScaleOptions = {
  villages: num(values.villages, FULL_SCALE.villages),
  years: num(values.years, FULL_SCALE.years),
  tickets: num(values.tickets, FULL_SCALE.tickets),
  votes: num(values.votes, FULL_SCALE.votes),
  votersPerVote: num(values.voters, FULL_SCALE.votersPerVote),
  rosterMin: num(values['roster-min'], FULL_SCALE.rosterMin),
  rosterMax: num(values['roster-max'], FULL_SCALE.rosterMax),
  ledgerRowsPerMonth: num(values.rows, FULL_SCALE.ledgerRowsPerMonth),
};
for (const [k, v] of Object.entries(o)) {
  if (!Number.isInteger(v) || v < 0) {
    console.error(`参数 ${k} 应为非负整数，收到 ${v}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const dir = resolve(values.dir ?? join(__dirname, '..', '.data', 'scale'));
  const file = join(dir, 'sunlit.db');
  if (existsSync(file)) {
    if (!values.force) {
      console.error(`${file} 已存在。加 --force 重新生成（会删除原有数据）。`);
      process.exit(1);
    }
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
  const store = new SqliteDocStore(file, INDEXES);
  const now = clockFrom(values.now ?? process.env.SUNLIT_NOW).now();
  const started = Date.now();
  console.log(`生成规模数据：${o.villages} 个村 × ${o.years} 年，写入 ${file}`);
  const batch = async <T>(fn: () => Promise<T>): Promise<T> => {
    store.db.exec('BEGIN');
    try {
      const result = await fn();
      store.db.exec('COMMIT');
      return result;
    } catch (e) {
      store.db.exec('ROLLBACK');
      throw e;
    }
  };
  const counts = await seedScale(store, now, loadIdKey(dir), {
    ...o,
    batch,
    log: values.quiet ? undefined : (line) => console.log(`${line}（${((Date.now() - started) / 1000).toFixed(0)} 秒）`),
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  console.log(`完成，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒`);
  console.log(
    `  村民 ${counts.people}，公开事项 ${counts.disclosures}，账目 ${counts.ledgerRows} 行，监督事项 ${counts.tickets} 条，表决 ${counts.votes} 次（${counts.ballots} 票），三资合同 ${counts.contracts} 份`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
