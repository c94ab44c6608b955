import { C } from '../../cloudfunctions/core/collections';
import { type AssetLine, assetLines, assetsXlsx, day, type ResourceLine, resourcesXlsx, TITLE_ROWS } from '../helpers/assets-file';
import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();

// The test host's clock is 2026-11-23 (Beijing).
const ACC = 'yangjia-accountant';
const V = 'yangjia';
/** The Excel line of the file's n-th entry (1-based): below two title rows and the column names. */
const line = (n: number) => TITLE_ROWS + 1 + n;

const file = async (register: 'assets' | 'resources', fileBase64: string, fileName = '台账.xlsx') => ({ villageId: V, register, fileName, fileBase64 });
const preview = async (data: unknown, persona = ACC) => host.ok('assets', 'previewImport', data, persona);
const commit = (data: unknown, persona = ACC) => host.send('assets', 'commitImport', data, persona);
const village = () => host.ok('assets', 'village', { villageId: V });

beforeAll(async () => {
  await host.ok(
    'assets',
    'addAsset',
    {
      villageId: V,
      name: '村委会办公楼',
      use: 'public',
      kind: 'building',
      location: '村中心',
      acquiredOn: '2010-05-01',
      originalFen: 50_000_000,
      state: 'in_use',
      keeper: '杨会计',
    },
    ACC,
  );
});

describe('导入资产台账', () => {
  const bad: AssetLine[] = [
    ['村委会办公楼二号', '房屋', '否', '村中心', day('2012-06-01'), 850_000, '正常使用', '杨会计'],
    [null, '机器设备', '是', '仓库', '2018-03', 32_000, '在用', '杨会计'],
    ['收割机', '飞机库', '是', '仓库', '2019年5月', 120_000, '出租', '张三'],
    ['旧粮仓', '房屋', '是', '村北', '去年', 45_000, '闲置', '杨会计'],
    ['文化广场', '基础设施', '否', '村中心', '2016-09-01', '一万元', '在用', ''],
    ['村委会办公楼二号', '房屋', '否', '村东', '2013-01-01', 1000, '在用', ''],
    ['村委会办公楼', '房屋', '否', '村中心', '2010-05-01', 500_000, '在用', ''],
    ['抽水泵', '机器设备', '是', '机井房', '2030-01-01', 5000, '在用', ''],
    ['路灯', '基础设施', '否', '主街', 2015.1, 12_000.123, '在用', ''],
    ['健身器材', '其他', '否', '广场', day('2020-10-01'), 8000, '正常使用', '杨会计'],
  ];

  it('shows exactly the bad rows, by their Excel line, with why; and importing it writes nothing', async () => {
    const data = await file('assets', await assetsXlsx(bad));
    const p = await preview(data);
    expect(p).toMatchObject({ register: 'assets', rows: 10, ok: 2, already: 0, headerRow: TITLE_ROWS + 1 });
    expect(p.problems).toEqual([
      { line: line(2), message: '没有写资产名称。' },
      { line: line(3), message: '资产类别“飞机库”不认识，应为房屋建筑、机器设备、基础设施、交通工具或其他。' },
      { line: line(4), message: '购建日期“去年”看不懂，请写成 2010-05-01 或 2010年5月。' },
      { line: line(5), message: '原值“一万元”看不懂，应为数字，如 12,500.00。' },
      { line: line(6), message: '和第 4 行的资产重名：每项资产的名称要不同，可加上位置或编号区分。' },
      { line: line(7), message: '资产台账里已经有“村委会办公楼”，不能重复登记。' },
      { line: line(8), message: '购建日期 2030-01-01 还没到。' },
      { line: line(9), message: '购建日期“2015.1”分不清是 1 月还是 10 月，请写成 2015-01 或 2015-10；原值“12000.123”超过两位小数（记到分为止）。' },
    ]);
    // The title, a numbered blank row, the 合计 line and the signature are read as what they are.
    expect(p.skipped).toEqual([
      { line: 1, message: '标题：杨家村集体资产台账' },
      { line: 2, message: '标题：填报单位：杨家村股份经济合作社 单位：元、亩' },
      { line: line(11), message: '空行：11' },
      { line: line(12), message: '不是一项资产：合计 1573000.123' },
      { line: line(13), message: '不是一项资产：制表人：杨秀梅 审核人：杨建国' },
    ]);
    expect(p.columns).toContainEqual({ field: '原值（元）', header: '账面原值（元）' });

    const before = await storeDigest(host.store);
    const res = await commit(data);
    expect(res.body.error).toEqual({ code: 'INVALID_ARGUMENT', message: `有 8 行不对，没有导入任何一行。第 ${line(2)} 行：没有写资产名称。` });
    expect(await storeDigest(host.store)).toBe(before);
  });

  it('adds every row of a clean file, read as the register keeps it, with one audit record; the same file twice adds nothing', async () => {
    const lines: AssetLine[] = [
      ['仓库一号', '房屋及建筑物', '经营性', '村西', day('2012-06-01'), '85,000.50', '出租', '杨会计', '租给合作社'],
      ['旋耕机', '农机具', '是', '农机棚', '2018年3月', 32_000, '正常使用', '杨会计'],
      ['村道路灯', '基础设施', '非经营性', '主街', 201905, '12000', '在用', ''],
      ['旧拖拉机', '运输工具', '否', '农机棚', '2001/7/9', 8000, '已报废', ''],
      ['老磨坊', '房屋', '是', '村北', '2009.05.01', '１５０００', '闲置', '王五'],
    ];
    const data = await file('assets', await assetsXlsx(lines), '杨家村资产台账.xlsx');
    const p = await preview(data);
    expect(p).toMatchObject({ rows: 5, ok: 5, problems: [], already: 0 });
    expect(p.sample[0]).toEqual({
      villageId: V,
      name: '仓库一号',
      kind: 'building',
      use: 'operating',
      location: '村西',
      acquiredOn: '2012-06-01',
      originalFen: 8_500_050,
      state: 'leased',
      keeper: '杨会计',
      note: '租给合作社',
    });
    expect(await host.ok('assets', 'commitImport', data, ACC)).toEqual({ register: 'assets', added: 5 });

    const got = (await village()).assets.filter((a: { name: string }) => lines.some((l) => l[0] === a.name));
    expect(got.map((a: Record<string, unknown>) => [a.name, a.kind, a.use, a.acquiredOn, a.originalFen, a.state, a.keeper, a.contractId])).toEqual(
      expect.arrayContaining([
        ['仓库一号', 'building', 'operating', '2012-06-01', 8_500_050, 'leased', '杨会计', null],
        ['旋耕机', 'equipment', 'operating', '2018-03-01', 3_200_000, 'in_use', '杨会计', null],
        ['村道路灯', 'facility', 'public', '2019-05-01', 1_200_000, 'in_use', '', null],
        ['旧拖拉机', 'vehicle', 'public', '2001-07-09', 800_000, 'scrapped', '', null],
        ['老磨坊', 'building', 'operating', '2009-05-01', 1_500_000, 'idle', '王五', null],
      ]),
    );
    expect(got).toHaveLength(5);

    const audit = await host.ok('identity', 'auditList', { villageId: V }, 'yangjia-supervisor');
    expect(audit.entries[0]).toMatchObject({ action: 'assets.import', target: 'asset-import:assets:杨家村资产台账.xlsx' });

    const before = await storeDigest(host.store);
    const again = await commit(data);
    expect(again.body.error).toEqual({ code: 'CONFLICT', message: '这个文件已经导入过了，没有重复导入。' });
    expect(await storeDigest(host.store)).toBe(before);
    // Each name is now on the register: another file with them is refused.
    const other = await preview(await file('assets', await assetsXlsx([lines[1]])));
    expect(other.problems).toEqual([{ line: line(1), message: '资产台账里已经有“旋耕机”，不能重复登记。' }]);
  });

  it('finishes an import cut short by importing the same file again, adding only what is missing', async () => {
    const lines = assetLines(6, '续导资产');
    const data = await file('assets', await assetsXlsx(lines));
    await host.ok('assets', 'commitImport', data, ACC);
    // As if the call ran out of time after the first four rows.
    const written = (await village()).assets.filter((a: { name: string }) => a.name.startsWith('续导资产'));
    const lost = written.filter((a: { name: string }) => a.name === '续导资产5号' || a.name === '续导资产6号');
    for (const a of lost) await host.store.collection(C.assets).remove(a.id);
    expect(await preview(data)).toMatchObject({ rows: 6, ok: 2, already: 4, problems: [] });
    expect(await host.ok('assets', 'commitImport', data, ACC)).toEqual({ register: 'assets', added: 2 });
    const names = (await village()).assets.map((a: { name: string }) => a.name).filter((n: string) => n.startsWith('续导资产'));
    expect(names.sort()).toEqual(lines.map((l) => l[0]).sort());
  });

  it('is for the 会计 alone, and says so when the file is the other register', async () => {
    const data = await file('assets', await assetsXlsx(assetLines(2, '别人导')));
    for (const persona of ['yangjia-secretary', 'yangjia-supervisor', 'yangjia-villager', 'doufuli-accountant', undefined]) {
      const res = await host.send('assets', 'previewImport', data, persona);
      expect(['PERMISSION_DENIED', 'UNAUTHENTICATED']).toContain(res.body.error?.code);
      if (persona === 'doufuli-accountant') expect(res.body.error.code).toBe('PERMISSION_DENIED');
    }
    const wrong = await preview({ ...data, register: 'resources' });
    expect(wrong.problems).toEqual([{ line: 1, message: '这像是资产台账，请选“导入资产台账”再导入。' }]);
    expect(wrong.ok).toBe(0);
  });
});

describe('导入资源台账', () => {
  it('reads land kinds, states and areas as the platforms write them, and refuses an area past 0.01 亩', async () => {
    const lines: ResourceLine[] = [
      ['东洼一号地', '水浇地', 12.5, '村东', '已发包'],
      ['西塘', '坑塘水面', '8.05', '村西', '自营', '养鱼'],
      ['北岭', '荒山荒沟', 120, '村北', '未发包'],
      ['果园地', '果园', '30.123', '村南', '承包'],
      ['南坡', '月球土', 0, '村南', '发包'],
    ];
    const p = await preview(await file('resources', await resourcesXlsx(lines)));
    expect(p).toMatchObject({ register: 'resources', rows: 5, ok: 3 });
    expect(p.problems).toEqual([
      { line: line(4), message: '面积“30.123”超过两位小数，请保留到 0.01 亩。' },
      { line: line(5), message: '资源类别“月球土”不认识，应为耕地、林地、园地、草地、水面、四荒地或建设用地；面积应大于 0。' },
    ]);
    const good = await file('resources', await resourcesXlsx(lines.slice(0, 3)));
    expect(await host.ok('assets', 'commitImport', good, ACC)).toEqual({ register: 'resources', added: 3 });
    const got = (await village()).resources.filter((r: { name: string }) => ['东洼一号地', '西塘', '北岭'].includes(r.name));
    expect(got.map((r: Record<string, unknown>) => [r.name, r.landKind, r.areaMu100, r.state, r.note]).sort()).toEqual(
      [
        ['东洼一号地', 'arable', 1250, 'contracted', ''],
        ['北岭', 'waste', 12_000, 'uncontracted', ''],
        ['西塘', 'water', 805, 'self_run', '养鱼'],
      ].sort(),
    );
  });

  it('takes a 台账 of 1,200 rows whole, in batches', async () => {
    const kinds = ['耕地', '林地', '园地', '草地', '水面', '四荒地', '建设用地'];
    const lines: ResourceLine[] = Array.from({ length: 1200 }, (_, i) => [`承包地${i + 1}号`, kinds[i % 7], (i % 50) + 0.25, `第${(i % 9) + 1}组`, '未发包']);
    expect(await host.ok('assets', 'commitImport', await file('resources', await resourcesXlsx(lines)), ACC)).toEqual({ register: 'resources', added: 1200 });
    const got = (await village()).resources.filter((r: { name: string }) => /^承包地\d+号$/.test(r.name));
    expect(got).toHaveLength(1200);
  }, 60_000);
});
