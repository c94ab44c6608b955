import { C } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { DEMO_VILLAGES, demoRosterSheet, rowOf } from '../../cloudfunctions/host/seed';
import type { RosterPreview } from '../../types/roster';
import { functionsHost } from '../helpers/host';
import { xlsxBase64, type RosterRow } from '../helpers/roster-file';
import { storeDigest } from '../helpers/snapshot';

/**
 * 补充与更新 and 全量替换: the default removes nobody; a replacement names whom it removes and needs
 * the number typed; and one that would remove more than a fifth of the roster, an office holder or
 * the caller is refused by name unless the township admin confirmed that very file.
 */
const host = functionsHost();

const HEADER = demoRosterSheet(DEMO_VILLAGES[0], 0).header;
const rowsOf = (i: number): RosterRow[] => demoRosterSheet(DEMO_VILLAGES[i], i).rows.map((r) => [...r.cells]);
const nameOf = (i: number, n: number) => String(rowsOf(i)[n][0]);
const inRoster = (villageId: string) => host.store.collection(C.people).count({ villageId, inRoster: true });
const send = async (action: string, data: Record<string, unknown>, persona: string) => (await host.send('roster', action, data, persona)).body;
const ok = async (action: string, data: Record<string, unknown>, persona: string) => {
  const body = await send(action, data, persona);
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
  return body.data;
};
/** Written, minus what a refused call may write: the attempt counters and the uploaded file's own row. */
const digest = () => storeDigest(host.store, ['attempts', 'uploads']);

/** Eight people of the village's 32, none of them holding an office: households Y007 and Y008. */
const eightOf = (i: number) => rowsOf(i).slice(8, 16);

describe('an 8-person file into a 32-person village (杨家村)', () => {
  const v = 'yangjia';
  let preview: RosterPreview;

  it('previews both modes: 补充与更新 removes nobody, 全量替换 lists the 24 it would remove by name', async () => {
    preview = await ok('previewImport', { villageId: v, fileName: '八个人.xlsx', fileBase64: await xlsxBase64(eightOf(0), HEADER) }, 'yangjia-secretary');
    expect(preview).toMatchObject({ total: 8, errors: [], added: 0, unchanged: 8, notListed: 24 });
    expect(preview.notListedPeople.map((p) => p.name)).toEqual(expect.arrayContaining([nameOf(0, 1), nameOf(0, 3), nameOf(0, 31)]));
    expect(preview.notListedPeople.find((p) => p.name === nameOf(0, 1))).toMatchObject({ assignedRoles: ['secretary'], isCaller: true });
    expect(preview.modes.merge).toEqual({ needsTownship: null, approval: null, confirmText: null });
    expect(preview.modes.replace.confirmText).toBe('24');
  });

  it('refuses the 全量替换, naming every office holder, even with the number typed, and writes nothing', async () => {
    const refusal = preview.modes.replace.needsTownship as string;
    expect(refusal).toContain('会移出 24 人，超过花名册现有 32 人的五分之一');
    for (const [n, office] of [
      [1, '村党组织书记'],
      [2, '村会计'],
      [3, '村务监督委员会主任'],
      [4, '村委会主任'],
      [rowOf('supervisor-member'), '村务监督委员会委员'],
      [rowOf('finance'), '民主理财小组成员'],
      [rowOf('finance-2'), '民主理财小组成员'],
    ] as const) {
      expect(refusal).toContain(`${nameOf(0, n)}（${office}）`);
    }
    expect(refusal).toContain(`会移出您本人（${nameOf(0, 1)}）`);

    const before = digest();
    const res = await send(
      'commitImport',
      { villageId: v, fileName: '八个人.xlsx', fileBase64: await xlsxBase64(eightOf(0), HEADER), mode: 'replace', confirm: '24' },
      'yangjia-secretary',
    );
    expect(res.error.code).toBe('FAILED_PRECONDITION');
    expect(res.error.message).toContain('要镇管理员确认后才能进行');
    expect(res.error.message).toContain(`${nameOf(0, 3)}（村务监督委员会主任）`);
    expect(digest()).toBe(before);
    expect(await inRoster(v)).toBe(32);
  });

  it('imports the same file by 补充与更新 and removes nobody', async () => {
    const done = await ok('commitImport', { villageId: v, fileName: '八个人.xlsx', fileBase64: await xlsxBase64(eightOf(0), HEADER) }, 'yangjia-secretary');
    expect(done).toEqual({ imported: 8, added: 0, updated: 0, removed: 0, mode: 'merge' });
    expect(await inRoster(v)).toBe(32);
    // The 书记 is still the 书记.
    expect((await host.call('roster', 'list', { villageId: v }, 'yangjia-secretary')).body.ok).toBe(true);
  });
});

describe('a 全量替换 that removes two people who hold no office (豆腐李村)', () => {
  const v = 'doufuli';
  // Household Y012's two 子女 (rows 30 and 31) have moved away.
  const file = async () => xlsxBase64(rowsOf(1).slice(0, 30), HEADER);

  it('needs no township, but asks for the number of people removed to be typed', async () => {
    const preview: RosterPreview = await ok('previewImport', { villageId: v, fileName: '花名册.xlsx', fileBase64: await file() }, 'doufuli-accountant');
    expect(preview.notListedPeople.map((p) => p.name).sort()).toEqual([nameOf(1, 30), nameOf(1, 31)].sort());
    expect(preview.modes.replace).toEqual({ needsTownship: null, approval: null, confirmText: '2' });

    const before = digest();
    for (const confirm of [undefined, '3', '确认']) {
      const res = await send(
        'commitImport',
        { villageId: v, fileName: '花名册.xlsx', fileBase64: await file(), mode: 'replace', ...(confirm ? { confirm } : {}) },
        'doufuli-accountant',
      );
      expect(res.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('请在确认框里输入要移出的人数“2”') });
    }
    expect(digest()).toBe(before);
  });

  it('removes exactly them once “２” is typed (full-width is fine), keeping their records', async () => {
    const done = await ok(
      'commitImport',
      { villageId: v, fileName: '花名册.xlsx', fileBase64: await file(), mode: 'replace', confirm: '２' },
      'doufuli-accountant',
    );
    expect(done).toMatchObject({ imported: 30, removed: 2, mode: 'replace' });
    expect(await inRoster(v)).toBe(30);
    expect(await host.store.collection(C.people).count({ villageId: v })).toBe(32);
  });
});

describe('the township admin confirms one import (大姜村)', () => {
  const v = 'dajiang';
  // One file, kept: an .xlsx written again carries a new creation time, and so other bytes.
  let file: string;
  const eight = async () => (file ??= await xlsxBase64(eightOf(2), HEADER));
  let approvalId: string;

  it('takes a request with a reason, and the import waits for the decision', async () => {
    const asked = await ok(
      'requestApproval',
      { villageId: v, fileName: '八个人.xlsx', fileBase64: await eight(), mode: 'replace', reason: '村里换届后按镇里核定的名单重建花名册' },
      'dajiang-secretary',
    );
    expect(asked).toMatchObject({ state: 'pending', expiresAt: null });
    approvalId = asked.id;
    expect(approvalId).toMatch(/^dajiang:replace:[0-9a-f]{64}$/);
    const res = await send(
      'commitImport',
      { villageId: v, fileName: '八个人.xlsx', fileBase64: await eight(), mode: 'replace', confirm: '24' },
      'dajiang-secretary',
    );
    expect(res.error.message).toContain('已经请镇里确认了，请等镇管理员处理');
    // The township admin is told.
    const inbox = (await host.call('identity', 'inbox', {}, 'township-admin')).body.data.messages;
    expect(inbox[0].text).toContain('大姜村请镇里确认一次花名册导入（全量替换');
  });

  it('shows the township admin who would be removed, by name and office', async () => {
    const { approvals } = await ok('approvals', { townshipId: 'huangsheng' }, 'township-admin');
    const item = approvals.find((a: { id: string }) => a.id === approvalId);
    expect(item).toMatchObject({
      villageName: '大姜村',
      mode: 'replace',
      state: 'pending',
      rosterSize: 32,
      fileRows: 8,
      requestReason: '村里换届后按镇里核定的名单重建花名册',
    });
    expect(item.requestedBy).toBe(`村党组织书记 ${nameOf(2, 1)}`);
    expect(item.removing).toHaveLength(24);
    expect(item.removing.find((p: { name: string }) => p.name === nameOf(2, 3))).toMatchObject({ assignedRoles: ['supervisor_chair'] });
    expect(item.reasons.join('')).toContain('担任职务的人');
  });

  it('lets only the township admin decide, and a refusal must say why', async () => {
    for (const who of ['dajiang-secretary', 'dajiang-supervisor', 'township-discipline']) {
      expect((await send('decideApproval', { townshipId: 'huangsheng', approvalId, approve: true }, who)).error.code).toMatch(
        /PERMISSION_DENIED|UNAUTHENTICATED/,
      );
    }
    expect((await send('decideApproval', { townshipId: 'huangsheng', approvalId, approve: false }, 'township-admin')).error.code).toBe('INVALID_ARGUMENT');
  });

  it('binds the approval to the file: another file is still refused', async () => {
    await ok('decideApproval', { townshipId: 'huangsheng', approvalId, approve: true, note: '已电话核实，同意' }, 'township-admin');
    const other = eightOf(2);
    other[0] = [...other[0]];
    other[0][5] = '第1组';
    const res = await send(
      'commitImport',
      { villageId: v, fileName: '八个人.xlsx', fileBase64: await xlsxBase64(other, HEADER), mode: 'replace', confirm: '24' },
      'dajiang-secretary',
    );
    expect(res.error.code).toBe('FAILED_PRECONDITION');
    // The confirmed file itself still needs the number typed.
    expect(
      (await send('commitImport', { villageId: v, fileName: '八个人.xlsx', fileBase64: await eight(), mode: 'replace' }, 'dajiang-secretary')).error.message,
    ).toContain('输入要移出的人数“24”');
  });

  it('lets the confirmed file in once, and only once', async () => {
    const done = await ok(
      'commitImport',
      { villageId: v, fileName: '八个人.xlsx', fileBase64: await eight(), mode: 'replace', confirm: '24' },
      'dajiang-secretary',
    );
    expect(done).toMatchObject({ removed: 24, mode: 'replace' });
    expect(await inRoster(v)).toBe(8);
    const { approvals } = await ok('approvals', { townshipId: 'huangsheng' }, 'township-admin');
    expect(approvals.find((a: { id: string }) => a.id === approvalId).state).toBe('used');
    // The village's own record holds the request, the township's decision and the import, in that order.
    const audit = await host.store.collection('audit').find({ where: { scope: v }, orderBy: [['seq', 'desc']], limit: 3 });
    expect(audit.map((r) => r.action).reverse()).toEqual(['roster.requestApproval', 'roster.approveImport', 'roster.commitImport']);
  });

  it('refuses a used approval, and one past its 72 hours', async () => {
    // Put everyone back (by the township admin's own hand: the 书记 is no longer on the roster).
    const people = host.store.collection<PersonDoc>(C.people);
    for (const p of await people.find({ where: { villageId: v }, limit: 100 })) await people.update(p._id, { inRoster: true });
    let res = await send(
      'commitImport',
      { villageId: v, fileName: '八个人.xlsx', fileBase64: await eight(), mode: 'replace', confirm: '24' },
      'dajiang-secretary',
    );
    expect(res.error.message).toContain('每次确认只能导入一次');

    const again = await ok(
      'requestApproval',
      { villageId: v, fileName: '八个人.xlsx', fileBase64: await eight(), mode: 'replace', reason: '再导入一次' },
      'dajiang-secretary',
    );
    expect(again).toMatchObject({ id: approvalId, state: 'pending' });
    await ok('decideApproval', { townshipId: 'huangsheng', approvalId, approve: true }, 'township-admin');
    host.clock.advance(73 * 3600 * 1000);
    res = await send('commitImport', { villageId: v, fileName: '八个人.xlsx', fileBase64: await eight(), mode: 'replace', confirm: '24' }, 'dajiang-secretary');
    expect(res.error.message).toContain('镇里的确认已经过期');
    expect(await inRoster(v)).toBe(32);
  });
});
