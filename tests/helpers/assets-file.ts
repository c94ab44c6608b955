import ExcelJS from 'exceljs';

/**
 * 资产台账 and 资源台账 as county 三资 platforms export them: a title and the filing unit above
 * the column names, the columns under their other names (名称, 是否经营性, 存放地点, 账面原值（元）,
 * 现状, 保管人 …), Chinese values (正常使用, 坑塘水面, 已发包 …), a 合计 line and a signature below.
 */

type Value = string | number | Date | null;

/** 名称, 类别, 是否经营性, 存放地点, 购置日期, 账面原值（元）, 现状, 保管人, 备注 */
export type AssetLine = [name: Value, kind: Value, use: Value, place: Value, acquired: Value, yuan: Value, state: Value, keeper: Value, note?: Value];
/** 地块名称, 地类, 面积（亩）, 坐落, 经营方式, 备注 */
export type ResourceLine = [name: Value, kind: Value, mu: Value, place: Value, state: Value, note?: Value];

export const ASSET_HEADER = ['序号', '名称', '类别', '是否经营性', '存放地点', '购置日期', '账面原值（元）', '现状', '保管人', '备注'];
export const RESOURCE_HEADER = ['序号', '地块名称', '地类', '面积（亩）', '坐落', '经营方式', '备注'];
/** Rows above the column names: the first entry is on line TITLE_ROWS + 2. */
export const TITLE_ROWS = 2;

/** A date cell, as Excel keeps a typed date. */
export const day = (text: string) => new Date(`${text}T00:00:00Z`);

/** A 资产台账 of these lines, each under a 序号. */
export function assetLines(count: number, prefix = '资产'): AssetLine[] {
  const kinds = ['房屋', '机器设备', '基础设施', '车辆', '其他'];
  const states = ['正常使用', '出租', '闲置', '在用'];
  return Array.from({ length: count }, (_, i) => [
    `${prefix}${i + 1}号`,
    kinds[i % kinds.length],
    i % 2 ? '是' : '否',
    `第${(i % 5) + 1}村民小组`,
    `${2000 + (i % 25)}-0${(i % 9) + 1}-15`,
    1000 + i * 10.5,
    states[i % states.length],
    '杨会计',
  ]);
}

async function xlsx(title: string, header: string[], lines: readonly (Value | undefined)[][], footer: Value[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow([title]);
  ws.addRow(['填报单位：杨家村股份经济合作社', null, null, null, null, null, '单位：元、亩']);
  ws.addRow(header);
  lines.forEach((l, i) => {
    ws.addRow([i + 1, ...l]);
  });
  for (const f of footer) ws.addRow(f);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

export function assetsXlsx(lines: AssetLine[]): Promise<string> {
  const total = lines.reduce((s, l) => s + (typeof l[5] === 'number' ? l[5] : 0), 0);
  return xlsx('杨家村集体资产台账', ASSET_HEADER, lines, [
    // A numbered row left blank, as platform templates print them.
    [lines.length + 1],
    ['合计', null, null, null, null, null, total],
    ['制表人：杨秀梅', null, null, null, null, '审核人：杨建国'],
  ]);
}

export function resourcesXlsx(lines: ResourceLine[]): Promise<string> {
  return xlsx('杨家村集体资源台账', RESOURCE_HEADER, lines, [['制表人：杨秀梅']]);
}
