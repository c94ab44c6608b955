import { C } from '../../cloudfunctions/core/collections';
import { verifyChain } from '../../cloudfunctions/core/audit/chain';
import { DEMO_VILLAGES, demoRosterSheet, PERSONA_ROLES } from '../../cloudfunctions/host/seed';
import { functionsHost } from '../helpers/host';
import { csvText, rosterRows, testId, xlsxBase64 } from '../helpers/roster-file';
import { storeDigest } from '../helpers/snapshot';

const SECRETARY = 'yangjia-secretary';
/** 杨家村 gets the first 2,000 test people; files for 豆腐李村 start here, so nobody is on both. */
const DOUFULI = 4000;

const host = functionsHost();

const inRoster = (villageId: string) => host.store.collection(C.people).count({ villageId, inRoster: true });
const everyone = (villageId: string) => host.store.collection(C.people).count({ villageId });

describe('roster import (花名册)', () => {
  it('shows exactly the three bad rows of a 2,000-person roster, imports nothing, then imports all once fixed', async () => {
    // The village's current 32 people (its cadres among them) plus 1,968 more.
    const rows = [...demoRosterSheet(DEMO_VILLAGES[0], 0).rows.map((r) => [...r.cells]), ...rosterRows(1968)];
    expect(rows).toHaveLength(2000);
    const good = rows.map((r) => [...r]);
    rows[99][2] = `${String(rows[99][2]).slice(0, 17)}${String(rows[99][2])[17] === '0' ? '1' : '0'}`; // wrong check digit
    rows[500][1] = rows[10][1];
    rows[500][2] = rows[10][2]; // duplicate ID
    rows[1501][3] = 'NOHEAD'; // household without a head
    const fileName = '杨家村花名册.xlsx';

    const preview = await host.send('roster', 'previewImport', { villageId: 'yangjia', fileName, fileBase64: await xlsxBase64(rows) }, SECRETARY);
    expect(preview.body.ok).toBe(true);
    expect(preview.body.data.total).toBe(2000);
    expect(preview.body.data.errors.map((e: { row: number }) => e.row)).toEqual([101, 502, 1503]);
    expect(preview.body.data.errors[0].message).toContain('校验位');
    expect(preview.body.data.errors[1].message).toContain('与第 12 行的身份证号重复');
    expect(preview.body.data.errors[2].message).toContain('户号 NOHEAD 没有户主');

    const before = storeDigest(host.store);
    const refused = await host.send('roster', 'commitImport', { villageId: 'yangjia', fileName, fileBase64: await xlsxBase64(rows) }, SECRETARY);
    expect(refused.body.error.code).toBe('FAILED_PRECONDITION');
    expect(refused.body.error.message).toContain('没有导入任何人');
    expect(storeDigest(host.store)).toBe(before);

    const seeded = await inRoster('yangjia');
    const fixed = await xlsxBase64(good);
    const done = await host.send('roster', 'commitImport', { villageId: 'yangjia', fileName, fileBase64: fixed }, SECRETARY);
    expect(done.body).toMatchObject({ ok: true });
    expect(done.body.data).toEqual({ imported: 2000, added: 2000 - seeded, updated: 0, removed: 0, mode: 'merge' });
    expect(await inRoster('yangjia')).toBe(2000);

    const again = await host.send('roster', 'commitImport', { villageId: 'yangjia', fileName, fileBase64: fixed }, SECRETARY);
    expect(again.body.data).toMatchObject({ imported: 2000, added: 0, updated: 0, removed: 0 });
    expect(await everyone('yangjia')).toBe(2000);
    expect((await verifyChain(host.store, 'yangjia')).ok).toBe(true);
  }, 60000);

  it('updates a person by ID on re-import and keeps their account binding and roles', async () => {
    const sheet = demoRosterSheet(DEMO_VILLAGES[2], 2);
    const rows = sheet.rows.map((r) => [...r.cells]);
    rows[5][0] = '改名后';
    const fileBase64 = Buffer.from(`\uFEFF${csvText(rows, sheet.header)}`, 'utf8').toString('base64');
    const res = await host.send('roster', 'commitImport', { villageId: 'dajiang', fileName: '花名册.CSV', fileBase64 }, 'dajiang-secretary');
    expect(res.body.data).toMatchObject({ imported: 32, added: 0, updated: 1, removed: 0 });
    expect(await host.store.collection(C.people).count({ villageId: 'dajiang', name: '改名后' })).toBe(1);
    expect(await everyone('dajiang')).toBe(32);
    // The 书记 is still bound and still the 书记 after the import.
    const list = await host.call('roster', 'list', { villageId: 'dajiang' }, 'dajiang-secretary');
    expect(list.body.ok).toBe(true);
    expect(list.body.data.people.filter((p: { verified: boolean }) => p.verified)).toHaveLength(PERSONA_ROLES.length);
  });

  it('explains an ID column Excel turned into numbers', async () => {
    const rows = rosterRows(4, DOUFULI);
    rows[1][2] = Number(testId(DOUFULI + 1).slice(0, 15));
    const res = await host.send(
      'roster',
      'previewImport',
      { villageId: 'doufuli', fileName: 'a.xlsx', fileBase64: await xlsxBase64(rows) },
      'doufuli-secretary',
    );
    expect(res.body.data.errors).toEqual([expect.objectContaining({ row: 3, column: '身份证号', message: expect.stringContaining('存成了数字') })]);
  });

  it('names a missing column instead of guessing', async () => {
    const res = await host.send(
      'roster',
      'previewImport',
      { villageId: 'doufuli', fileName: 'a.xlsx', fileBase64: await xlsxBase64([['张三']], ['姓名']) },
      'doufuli-secretary',
    );
    expect(res.body.data.errors[0].message).toContain('身份证号');
  });

  it('copes with a blank header cell in an .xlsx', async () => {
    const header = ['姓名', '性别', '身份证号', '户号', '与户主关系', '', '备注'];
    const res = await host.send(
      'roster',
      'previewImport',
      {
        villageId: 'doufuli',
        fileName: 'a.xlsx',
        fileBase64: await xlsxBase64(
          rosterRows(4, DOUFULI).map((r) => r.slice(0, 5)),
          header,
        ),
      },
      'doufuli-secretary',
    );
    expect(res.body.data).toMatchObject({ total: 4, errors: [] });
  });

  it('refuses a file that is not a spreadsheet, writing nothing', async () => {
    const before = storeDigest(host.store);
    const res = await host.send(
      'roster',
      'commitImport',
      { villageId: 'doufuli', fileName: 'a.xlsx', fileBase64: Buffer.from('not a zip').toString('base64') },
      'doufuli-secretary',
    );
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.message).toContain('文件打不开');
    expect(storeDigest(host.store)).toBe(before);
  });
});

describe('who may touch a roster', () => {
  const file = async () => ({ villageId: 'diquan', fileName: 'r.xlsx', fileBase64: await xlsxBase64(rosterRows(4)) });

  it('asks a visitor to open the app in WeChat', async () => {
    const res = await host.send('roster', 'previewImport', await file());
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a villager', async () => {
    const res = await host.call('roster', 'list', { villageId: 'diquan' }, 'diquan-villager');
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('refuses the 书记 of another village', async () => {
    const res = await host.send('roster', 'commitImport', await file(), 'doufuli-secretary');
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('lets the 监委会主任 read the roster, with ID numbers masked', async () => {
    const res = await host.call('roster', 'list', { villageId: 'diquan' }, 'diquan-supervisor');
    expect(res.body.ok).toBe(true);
    expect(res.body.data.total).toBe(32);
    for (const p of res.body.data.people) expect(p.idMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });
});
