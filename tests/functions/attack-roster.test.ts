import { C } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { DEMO_VILLAGES, demoRosterSheet, rowOf } from '../../cloudfunctions/host/seed';
import { functionsHost } from '../helpers/host';
import { xlsxBase64, type RosterRow } from '../helpers/roster-file';
import { storeDigest } from '../helpers/snapshot';

/**
 * The attack: the 书记 imports the roster, and the roster decides who votes and who sits on the
 * 监委会 that watches him. Before, importing an 8-person file into a 32-person village took the
 * 会计 and the whole 监委会 off the roster with one tap on “确认导入 8 人”. Here the 书记 tries every
 * way through the import to get rid of the 监委会 (or of the villagers who would vote him down) —
 * a full replacement, a small one that removes only them, taking their vote by moving their 户籍,
 * approving his own import, reusing a confirmation for another file — and every test fails if he
 * succeeds: they stay on the roster, keep their vote and can still do their work.
 */
jest.setTimeout(60000);

const V = 'yangjia';
const SECRETARY = 'yangjia-secretary';
const HEADER = demoRosterSheet(DEMO_VILLAGES[0], 0).header;
const rows = (): RosterRow[] => demoRosterSheet(DEMO_VILLAGES[0], 0).rows.map((r) => [...r.cells]);
/** The roster rows of the 监委会主任 and the 监委会委员. */
const SUPERVISION = [rowOf('supervisor'), rowOf('supervisor-member')];
const names = SUPERVISION.map((n) => String(rows()[n][0]));

const host = functionsHost();

const send = async (action: string, data: Record<string, unknown>, persona = SECRETARY) => (await host.send('roster', action, data, persona)).body;
const written = () => storeDigest(host.store, ['attempts', 'uploads']);

/** The 监委会 is still on the roster, still counts in the village's votes, and can still do its work. */
async function supervisionIntact(): Promise<void> {
  const people = await host.store.collection<PersonDoc>(C.people).find({ where: { villageId: V, inRoster: true }, limit: 100 });
  for (const name of names) expect(people.find((p) => p.name === name)).toMatchObject({ inRoster: true });
  for (const p of people.filter((x) => names.includes(x.name))) expect(p.hukouHere).not.toBe(false);
  expect((await host.call('identity', 'bindRequests', { villageId: V }, 'yangjia-supervisor')).body.ok).toBe(true);
  expect((await host.call('roster', 'list', { villageId: V }, 'yangjia-supervisor-member')).body.ok).toBe(true);
}

it('cannot take the 监委会 off the roster with a small 全量替换 that removes only them, even typing the number', async () => {
  const without = rows().filter((_, n) => !SUPERVISION.includes(n));
  const fileBase64 = await xlsxBase64(without, HEADER);
  const before = written();
  const res = await send('commitImport', { villageId: V, fileName: '花名册.xlsx', fileBase64, mode: 'replace', confirm: '2' });
  expect(res.error.code).toBe('FAILED_PRECONDITION');
  for (const name of names) expect(res.error.message).toContain(name);
  expect(written()).toBe(before);
  await supervisionIntact();
});

it('cannot lock the village out with an 8-person 全量替换', async () => {
  const fileBase64 = await xlsxBase64(rows().slice(8, 16), HEADER);
  const res = await send('commitImport', { villageId: V, fileName: '花名册.xlsx', fileBase64, mode: 'replace', confirm: '24' });
  expect(res.error.message).toContain('会移出 24 人');
  await supervisionIntact();
  // The 书记 themself is not locked out either.
  expect((await host.call('roster', 'list', { villageId: V }, SECRETARY)).body.ok).toBe(true);
});

it('cannot take their vote by writing their 户籍 as elsewhere in a 补充与更新', async () => {
  const header = [...HEADER, '户籍在本村'];
  const moved = rows().map((r, n) => [...r, SUPERVISION.includes(n) ? '否' : '是']);
  const before = written();
  const res = await send('commitImport', { villageId: V, fileName: '花名册.xlsx', fileBase64: await xlsxBase64(moved, header) });
  expect(res.error.code).toBe('FAILED_PRECONDITION');
  expect(res.error.message).toContain('不再参加本村村民会议表决');
  for (const name of names) expect(res.error.message).toContain(name);
  expect(written()).toBe(before);
  await supervisionIntact();
});

it('cannot confirm his own import, nor slip a flag past the input check', async () => {
  const fileBase64 = await xlsxBase64(
    rows().filter((_, n) => !SUPERVISION.includes(n)),
    HEADER,
  );
  const asked = await send('requestApproval', { villageId: V, fileName: '花名册.xlsx', fileBase64, mode: 'replace', reason: '两人已迁出本村' });
  expect(asked.data.state).toBe('pending');
  for (const who of [SECRETARY, 'yangjia-director', 'yangjia-accountant']) {
    const res = await send('decideApproval', { townshipId: 'huangsheng', approvalId: asked.data.id, approve: true }, who);
    expect(res.error.code).toBe('PERMISSION_DENIED');
  }
  const flagged = await send('commitImport', { villageId: V, fileName: '花名册.xlsx', fileBase64, mode: 'replace', confirm: '2', approved: true });
  expect(flagged.error.code).toBe('INVALID_ARGUMENT');
  const forged = await send('commitImport', { villageId: V, fileName: '花名册.xlsx', fileBase64, mode: 'replace', confirm: '2', approvalId: asked.data.id });
  expect(forged.error.code).toBe('INVALID_ARGUMENT');
  await supervisionIntact();
});

it('cannot use a confirmation the township gave for one file to import another', async () => {
  // The township confirms removing the 会计 alone (she has moved to town, say)…
  const accountantGone = await xlsxBase64(
    rows().filter((_, n) => n !== 2),
    HEADER,
  );
  const asked = await send('requestApproval', { villageId: V, fileName: '花名册.xlsx', fileBase64: accountantGone, mode: 'replace', reason: '会计已迁出本村' });
  const ok = await host.call('roster', 'decideApproval', { townshipId: 'huangsheng', approvalId: asked.data.id, approve: true }, 'township-admin');
  expect(ok.body.ok).toBe(true);
  // …and the 书记 brings a file that also drops the 监委会, under the same name.
  const worse = await xlsxBase64(
    rows().filter((_, n) => n !== 2 && !SUPERVISION.includes(n)),
    HEADER,
  );
  const res = await send('commitImport', { villageId: V, fileName: '花名册.xlsx', fileBase64: worse, mode: 'replace', confirm: '3' });
  expect(res.error.code).toBe('FAILED_PRECONDITION');
  await supervisionIntact();
  // The confirmed file itself goes in, once, removing exactly the 会计.
  const done = await send('commitImport', { villageId: V, fileName: '花名册.xlsx', fileBase64: accountantGone, mode: 'replace', confirm: '1' });
  expect(done.data).toMatchObject({ removed: 1 });
  await supervisionIntact();
});
