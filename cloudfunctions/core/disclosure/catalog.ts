import type { DisclosureCategory } from '../../../types/village';

export const CATEGORIES: readonly DisclosureCategory[] = ['党务', '村务', '财务', '资金', '资产', '资源'];

/** The default 6 × 4 catalog of required items (DOMAIN.md); a township may edit its copy. */
export const DEFAULT_CATALOG: Record<DisclosureCategory, readonly string[]> = {
  党务: ['党组织设置与班子分工', '党员发展与组织关系转接', '党费收缴与使用', '三会一课与主题党日'],
  村务: ['重大事项决策与四议两公开执行', '低保特困救助评定与发放', '惠农补贴与各类补助发放', '宅基地审批、征地补偿与村级工程项目'],
  财务: ['月度收支明细', '季度收支汇总', '村干部报酬与误工补贴', '招待费、办公费等非生产性开支'],
  资金: ['集体资金存量与银行存款', '上级专项资金拨付与使用', '一事一议筹资筹劳与财政奖补', '债权债务'],
  资产: ['固定资产台账', '资产出租出借与承包收益', '资产处置与变动', '经营性资产收益分配'],
  资源: ['土地林地水面等资源台账', '资源发包租赁合同与收益', '资源流转与变更', '资源收益分配'],
};

/** Quarter keys (`2026Q3`) sort as strings, so a catalog item's life is a range of keys. */
export const FIRST_QUARTER = '2000Q1';

export interface CatalogItemDoc {
  _id: string;
  townshipId: string;
  category: DisclosureCategory;
  title: string;
  /** Position in the catalog, so lists keep the familiar order. */
  order: number;
  retired: boolean;
  /** First quarter the item is required for: an item added today is not owed for past quarters. */
  since?: string;
  /** First quarter it is no longer required for; earlier quarters still owe it, and keep it. */
  retiredFrom?: string | null;
  [k: string]: unknown;
}

/** Whether a quarter's disclosure must include this item. */
export function requiredIn(item: CatalogItemDoc, quarter: string): boolean {
  const since = item.since ?? FIRST_QUARTER;
  if (quarter < since) return false;
  if (item.retired && item.retiredFrom && quarter >= item.retiredFrom) return false;
  if (item.retired && !item.retiredFrom) return false;
  return true;
}

/** The township's copy of the default catalog, with stable ids (`<township>:<category#>-<item#>`). */
export function defaultCatalogFor(townshipId: string): CatalogItemDoc[] {
  return CATEGORIES.flatMap((category, ci) =>
    DEFAULT_CATALOG[category].map((title, ii) => ({
      _id: `${townshipId}:${ci + 1}-${ii + 1}`,
      townshipId,
      category,
      title,
      order: ci * 100 + ii,
      retired: false,
      since: FIRST_QUARTER,
      retiredFrom: null,
    })),
  );
}
