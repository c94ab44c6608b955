import type { AssetKind, AssetRegister, AssetState, AssetUse, LandKind, ResourceState } from '../../../types/assets';
import { ASSET_KIND_LABEL, ASSET_STATE_LABEL, ASSET_USE_LABEL, LAND_KIND_LABEL, RESOURCE_STATE_LABEL } from '../../../types/assets';
import { calendarDayOf } from '../shared/time';

/**
 * How the 资产台账 and 资源台账 that county 三资 platforms export are read: each column under its
 * many names (资产名称 or 名称, 原值 or 账面原值（元）…), and each Chinese value to the register's
 * enum (正常使用 is 在用, 坑塘水面 is 水面, 已发包 is 发包 …). Pure rules; importing.ts applies them.
 */

export type Cell = string | number | null;

export interface ColumnSpec {
  field: string;
  /** The column as the preview and the messages name it. */
  label: string;
  names: string[];
  /** Units a header may carry in brackets, each with the decimal places of the stored integer. */
  units?: Record<string, number>;
  required: boolean;
}

const YUAN = { '': 2, 元: 2, 人民币元: 2, 万元: 6 };
const MU = { '': 2, 亩: 2 };

export const ASSET_COLUMNS: ColumnSpec[] = [
  { field: 'name', label: '资产名称', names: ['资产名称', '名称', '资产名', '固定资产名称'], required: true },
  { field: 'kind', label: '资产类别', names: ['资产类别', '类别', '资产类型', '类型', '资产分类', '分类'], required: true },
  { field: 'use', label: '经营性质', names: ['经营性质', '是否经营性', '是否经营性资产', '资产性质', '经营属性', '性质'], required: true },
  { field: 'location', label: '坐落位置', names: ['坐落位置', '位置', '存放地点', '坐落', '地点', '所在位置', '存放位置', '坐落地点'], required: false },
  {
    field: 'acquiredOn',
    label: '购建日期',
    names: ['购建日期', '购置日期', '取得日期', '购建时间', '购置时间', '取得时间', '建成日期', '建成时间', '入账日期'],
    required: true,
  },
  { field: 'originalFen', label: '原值（元）', names: ['原值', '账面原值', '原价', '资产原值', '账面价值', '原值金额'], units: YUAN, required: true },
  { field: 'state', label: '使用状态', names: ['使用状态', '状态', '现状', '使用情况', '资产状态', '使用现状'], required: true },
  { field: 'keeper', label: '管理人', names: ['管理人', '保管人', '使用人', '责任人', '管理责任人', '使用部门', '管理部门', '保管部门'], required: false },
  { field: 'note', label: '备注', names: ['备注', '说明'], required: false },
];

export const RESOURCE_COLUMNS: ColumnSpec[] = [
  { field: 'name', label: '资源名称', names: ['资源名称', '名称', '地块名称', '地块名', '资源名'], required: true },
  { field: 'landKind', label: '资源类别', names: ['资源类别', '土地类别', '地类', '资源类型', '类别', '土地类型', '地类名称', '土地用途'], required: true },
  { field: 'areaMu100', label: '面积（亩）', names: ['面积', '亩数', '土地面积', '资源面积', '面积亩'], units: MU, required: true },
  { field: 'location', label: '坐落', names: ['坐落', '坐落位置', '位置', '地块位置', '所在位置', '坐落地点', '四至'], required: false },
  { field: 'state', label: '发包状态', names: ['发包状态', '经营方式', '状态', '使用状态', '利用状态', '经营状况', '利用方式', '发包情况'], required: true },
  { field: 'note', label: '备注', names: ['备注', '说明'], required: false },
];

export const COLUMNS_OF: Record<AssetRegister, ColumnSpec[]> = { assets: ASSET_COLUMNS, resources: RESOURCE_COLUMNS };

/** A header or value as compared: full-width folded, no spaces, no "*" or "（必填）" marks, no colon. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]/g, '')
    .replace(/\((必填|选填|可选)\)/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** A header's name and the unit in its brackets: 原值（万元） → 原值, 万元. */
function headerParts(text: string): { name: string; unit: string } {
  const f = fold(text);
  const m = /^(.+?)\(([^()]*)\)$/.exec(f);
  return m ? { name: m[1], unit: m[2] } : { name: f, unit: '' };
}

export interface ColumnMatch {
  /** The cell index of each field found. */
  index: Record<string, number>;
  /** Decimal places each number column is stored to (元 is 2, 万元 is 6). */
  places: Record<string, number>;
  columns: { field: string; header: string }[];
  /** Two columns that mean one thing: which counts is not ours to guess. */
  doubled: string[];
}

export function matchColumns(specs: ColumnSpec[], cells: readonly Cell[]): ColumnMatch {
  const out: ColumnMatch = { index: {}, places: {}, columns: [], doubled: [] };
  cells.forEach((cell, i) => {
    const header = cell === null ? '' : String(cell).trim();
    if (!header) return;
    const { name, unit } = headerParts(header);
    const spec = specs.find((s) => s.names.includes(name) && (s.units ? unit in s.units : unit === ''));
    if (!spec) return;
    if (spec.field in out.index) {
      out.doubled.push(`“${String(cells[out.index[spec.field]]).trim()}”和“${header}”都是${spec.label}，请删掉一列`);
      return;
    }
    out.index[spec.field] = i;
    if (spec.units) out.places[spec.field] = spec.units[unit];
    out.columns.push({ field: spec.label, header });
  });
  return out;
}

export const missingOf = (specs: ColumnSpec[], m: ColumnMatch) => specs.filter((s) => s.required && !(s.field in m.index));

/** The names a missing column may go by, for the message that asks for it. */
export function missingText(missing: ColumnSpec[]): string {
  return missing
    .map(
      (s) =>
        `${s.label}（也可以叫${s.names
          .filter((n) => n !== s.label)
          .slice(0, 3)
          .join('、')}）`,
    )
    .join('、');
}

function table<T extends string>(labels: Record<T, string>, more: Record<T, string[]>): Map<string, T> {
  const out = new Map<string, T>();
  for (const [value, names] of Object.entries(more) as [T, string[]][]) for (const n of [labels[value], ...names]) out.set(fold(n), value);
  return out;
}

const ASSET_KINDS = table<AssetKind>(ASSET_KIND_LABEL, {
  building: ['房屋', '房屋建筑物', '房屋及建筑物', '房屋和建筑物', '建筑物', '房产', '厂房', '办公用房', '房屋类'],
  equipment: ['设备', '机械设备', '机器', '机械', '农机具', '农业机械', '办公设备', '电子设备', '通用设备', '专用设备'],
  facility: ['设施', '构筑物', '公共设施', '公益设施', '水利设施', '农田水利设施', '道路', '桥梁'],
  vehicle: ['车辆', '运输工具', '运输设备', '交通运输设备'],
  other: ['其它', '其他资产', '家具', '办公家具', '图书'],
});
const ASSET_USES = table<AssetUse>(ASSET_USE_LABEL, {
  operating: ['经营性资产', '经营', '经营用', '是'],
  public: ['非经营性资产', '非经营', '公益性', '公益', '公益性资产', '否'],
});
const ASSET_STATES = table<AssetState>(ASSET_STATE_LABEL, {
  in_use: ['正常使用', '使用中', '在使用', '正常', '自用', '使用'],
  leased: ['出借', '出租出借', '已出租', '出租中', '已出借', '租赁', '外租', '承包', '已承包'],
  idle: ['未使用', '停用', '空置', '闲置中', '未用'],
  scrapped: ['已报废', '毁损', '报损'],
});
const LAND_KINDS = table<LandKind>(LAND_KIND_LABEL, {
  arable: ['水田', '旱地', '水浇地', '基本农田', '一般耕地', '耕地资源'],
  forest: ['有林地', '山林', '林场', '灌木林地', '疏林地', '林地资源'],
  orchard: ['果园', '茶园', '桑园', '其他园地'],
  grass: ['牧草地', '草场', '天然牧草地', '人工牧草地', '其他草地'],
  water: ['坑塘水面', '坑塘', '水塘', '鱼塘', '池塘', '养殖水面', '水库水面', '水库', '河流水面', '湖泊水面', '水域'],
  waste: ['四荒', '荒地', '荒山', '荒沟', '荒丘', '荒滩', '荒坡', '荒山荒沟', '荒山荒坡', '荒山荒沟荒丘荒滩', '未利用地'],
  construction: ['集体建设用地', '经营性建设用地', '集体经营性建设用地', '工矿用地', '商服用地'],
});
const RESOURCE_STATES = table<ResourceState>(RESOURCE_STATE_LABEL, {
  contracted: ['已发包', '承包', '已承包', '出租', '已出租', '租赁', '流转', '已流转', '发包经营', '承包经营', '租赁经营'],
  uncontracted: ['未承包', '未出租', '未流转', '闲置', '未利用', '空闲', '待发包'],
  self_run: ['集体自营', '自用', '村集体经营', '集体经营', '自主经营'],
});

/** A value by its table, after folding; 房屋类 reads as 房屋. */
function lookup<T>(t: Map<string, T>, text: string): T | null {
  const f = fold(text);
  return t.get(f) ?? t.get(f.replace(/类$/, '')) ?? null;
}

export const assetKindOf = (text: string) => lookup(ASSET_KINDS, text);
export const assetUseOf = (text: string) => lookup(ASSET_USES, text);
export const assetStateOf = (text: string) => lookup(ASSET_STATES, text);
export const landKindOf = (text: string) => lookup(LAND_KINDS, text);
export const resourceStateOf = (text: string) => lookup(RESOURCE_STATES, text);

/** A cell as text, as the 会计 wrote it. */
export const textOf = (v: Cell): string => (v === null ? '' : String(v).trim());

/**
 * A number cell or text as platforms write it ("12,500.00", "１２５００", "¥860元") as an integer
 * of `places` decimals, split on the point and never multiplied as a float.
 */
export type Decimal = { kind: 'blank' } | { kind: 'ok'; value: number } | { kind: 'bad' } | { kind: 'precise' };

export function decimalOf(v: Cell, places: number): Decimal {
  if (v === null) return { kind: 'blank' };
  // A number cell holds a binary float: eight decimals show what was typed (0.1 + 0.2 → 0.3).
  let t = typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(8).replace(/0+$/, '').replace(/\.$/, '') : 'x') : v;
  t = t
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(人民币|rmb)/i, '')
    .replace(/[¥]/g, '')
    .replace(/(元|亩)$/, '');
  if (t === '' || /^[-—–]+$/.test(t)) return { kind: 'blank' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return { kind: 'bad' };
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > places) return { kind: 'precise' };
  const whole = m[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
  // Past 15 digits an integer is no longer exact, and no village owns that much.
  if (whole.length + places > 15) return { kind: 'bad' };
  return { kind: 'ok', value: Number(whole) * 10 ** places + Number(fraction.padEnd(places, '0') || '0') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A 购建日期 as 台账 write it: a date cell, an Excel serial, 2010-05-01, 2010/5/1, 2010.5.1,
 * 2010年5月1日, 20100501, or only the month (2010-05, 2010年5月, 201005), read as its first day.
 * YYYY-MM-DD, not yet checked to be a calendar day; null when it is no date; 'ambiguous' for a
 * number like 2010.1, which Excel also shows for 2010.10.
 */
export function dayOf(v: Cell): string | 'ambiguous' | null {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v > 10_000 && v < 80_000) return calendarDayOf(new Date(Date.UTC(1899, 11, 30) + v * 86_400_000));
    const n = /^(\d{4})\.(\d{1,2})$/.exec(String(v));
    if (n) return n[2] === '1' ? 'ambiguous' : `${n[1]}-${pad(Number(n[2]))}-01`;
  }
  const t = textOf(v).normalize('NFKC').replace(/\s+/g, '');
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})[-./年](\d{1,2})月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-01`;
  return null;
}

/** A row below the entries that is a total or a signature line, not an entry. */
const FOOTER = /^(合计|总计|共计|小计|本页合计|制表|填表|填报|审核|审批|负责人|单位负责人|主管会计|记账|复核|说明|注[:：]|备注[:：]|日期|签字|签名|盖章)/;

export function isFooter(firstText: string): boolean {
  return FOOTER.test(firstText.normalize('NFKC').replace(/\s+/g, ''));
}
