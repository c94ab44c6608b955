import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CloudBaseDocStore } from '../../cloudfunctions/adapters/cloudbase/docstore';
import { C } from '../../cloudfunctions/core/collections';
import { seedDemo } from '../../cloudfunctions/host/seed';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import { startCloudBaseEmulator, type CloudBaseEmulator } from '../emulator/cloudbase/server';
import { pointSdkAt, sdkDatabase } from '../emulator/cloudbase/sdk-env';
import { TEST_ID_KEY, TEST_SIGNING_KEY } from '../helpers/host';
import { readPdf, squeezed } from '../helpers/pdf';

/**
 * The built functions carry @cloudbase/node-sdk inside them (scripts/lib/function-bundle.ts),
 * with the parts the project never calls left out. These tests run a bundle the way the cloud
 * would: copied on its own into an empty directory (so no node_modules can lend it anything),
 * loaded by a fresh node process that the platform's environment points at the CloudBase
 * emulator, and called.
 */
const ROOT = resolve(__dirname, '..', '..');
const OUT = join(ROOT, 'dist', 'cloudfunctions');
const run = promisify(execFile);

let emu: CloudBaseEmulator;
let restoreSdk: () => void;
let dir: string;

beforeAll(async () => {
  if (!existsSync(join(OUT, 'village', 'index.js'))) throw new Error('Build first: npm run build:functions (npm test does it).');
  emu = await startCloudBaseEmulator({ collections: [...Object.values(C), PERSONAS], latencyMs: 0 });
  restoreSdk = pointSdkAt(emu);
  await seedDemo(new CloudBaseDocStore(sdkDatabase() as never), new Date('2026-11-23T02:00:00Z'), TEST_ID_KEY);
  dir = mkdtempSync(join(tmpdir(), 'sv-bundle-'));
}, 120_000);

afterAll(async () => {
  restoreSdk?.();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Calls `exports.main` of a copy of the built function `name`, in a node process of its own. */
async function invokeCopy(name: string, events: unknown[], context: Record<string, unknown> = {}): Promise<unknown[]> {
  const copy = join(dir, name);
  cpSync(join(OUT, name), copy, { recursive: true });
  const script = `
    const { main } = require(${JSON.stringify(join(copy, 'index.js'))});
    (async () => {
      const out = [];
      for (const e of ${JSON.stringify(events)}) out.push(await main(e, ${JSON.stringify(context)}));
      process.stdout.write(JSON.stringify(out));
      process.exit(0);
    })().catch((e) => { console.error(e); process.exit(1); });`;
  // (No NODE_OPTIONS: jest's would load its hooks into the child. Undefined values are left out.)
  const env = { ...process.env, ID_HASH_KEY: TEST_ID_KEY, AUDIT_SIGNING_KEY: TEST_SIGNING_KEY, NODE_OPTIONS: undefined };
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: dir, env, timeout: 60_000 });
  return JSON.parse(stdout) as unknown[];
}

it('answers the home of a scanned code from a bundle on its own, through the bundled SDK to the database', async () => {
  const databaseRequests = () => [...emu.requests].filter(([k]) => k.startsWith('database.')).reduce((n, [, v]) => n + v, 0);
  const before = databaseRequests();
  const [home] = (await invokeCopy('village', [{ action: 'home', data: { code: 'hs-yangjia' } }])) as {
    ok: boolean;
    data: { village: { id: string; name: string; quarter: { key: string } }; disclosed: { quarter: string } };
  }[];
  expect(home.ok).toBe(true);
  expect(home.data.village).toMatchObject({ id: 'yangjia', name: '杨家村' });
  expect(home.data.disclosed.quarter).toBe(home.data.village.quarter.key);
  expect(databaseRequests()).toBeGreaterThan(before);
}, 90_000);

it('draws a poster through the bundled SDK: a WeChat open API, an upload to storage and its temporary address', async () => {
  const [poster] = (await invokeCopy('village', [{ action: 'poster', data: { villageId: 'dajiang' } }])) as { ok: boolean; data: { imageUrl: string } }[];
  expect(poster.ok).toBe(true);
  expect(emu.requests.get('wx.openApi:/wxa/getwxacodeunlimit')).toBeGreaterThan(0);
  const png = Buffer.from(await (await fetch(poster.data.imageUrl)).arrayBuffer());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
}, 90_000);

it('makes a poster PDF from a bundle on its own: pdf-lib, fontkit and the font load from the files beside index.js', async () => {
  // The platform's context for a call from the township admin's phone (WX_OPENID), as the emulator's functions pass it.
  const context = { environment: JSON.stringify({ WX_OPENID: 'dev-openid-township-admin', WX_APPID: 'wx-emulated-app', TCB_ENV: emu.envId }) };
  const [made] = (await invokeCopy('village', [{ action: 'posterPdf', data: { villageId: 'yangjia' } }], context)) as {
    ok: boolean;
    data: { url: string; fileName: string };
  }[];
  expect(made).toMatchObject({ ok: true, data: { fileName: '杨家村一村一码海报.pdf' } });
  const pdf = Buffer.from(await (await fetch(made.data.url)).arrayBuffer());
  expect(squeezed((await readPdf(pdf)).pages[0].text)).toContain('杨家村村务公开');
  for (const f of ['pdf-lib.js', 'fontkit.js', 'fonts/noto-sans-sc.json', 'fonts/OFL.txt']) expect(existsSync(join(OUT, 'village', f))).toBe(true);
}, 90_000);

it('lists no SDK for the cloud to install, and cloudbaserc.json installs dependencies only where a function lists some', () => {
  const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string; installDependency?: boolean }[] };
  for (const name of readdirSync(OUT)) {
    const pkg = JSON.parse(readFileSync(join(OUT, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(pkg.dependencies ?? {}).not.toHaveProperty(['@cloudbase/node-sdk']);
    const entry = rc.functions.find((f) => f.name === name);
    expect(entry).toBeDefined();
    expect(entry?.installDependency ?? true).toBe(Object.keys(pkg.dependencies ?? {}).length > 0);
  }
});

it('keeps exceljs out of the finance bundle, in a file of its own that loads on the first spreadsheet', async () => {
  const bundle = readFileSync(join(OUT, 'finance', 'index.js'), 'utf8');
  // (Booleans, not toContain: a failure would print the whole bundle.)
  expect(bundle.includes('import("./exceljs.js")')).toBe(true);
  // A name only exceljs has: the library itself is not in the bundle.
  expect(bundle.includes('WorkbookWriter')).toBe(false);
  // Loaded the way the bundle loads it, from a copy with no node_modules around it.
  const copy = join(dir, 'finance-chunk');
  cpSync(join(OUT, 'finance'), copy, { recursive: true });
  const script = `import(${JSON.stringify(join(copy, 'exceljs.js'))}).then((m) => process.stdout.write(typeof m.default.Workbook))`;
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: dir });
  expect(stdout).toBe('function');
}, 60_000);
