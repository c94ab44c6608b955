import type { Block } from '../../../types/disclosure';
import type { DisclosureCategory } from '../../../types/village';
import { ASSET_KIND_LABEL, ASSET_STATE_LABEL, ASSET_USE_LABEL, CONTRACT_KIND_LABEL, LAND_KIND_LABEL, RESOURCE_STATE_LABEL } from '../../../types/assets';
import { TABLE_ROWS } from '../../../common/limits';
import { formatFenPlain as yuan } from '../../../common/money';
import type { Ports } from '../../ports';
import { authorize, callerInVillage } from '../caller/api';
import { C } from '../collections';
import { type CatalogItemDoc, type ItemDoc, itemKeyOf, requiredIn, saveDraft, townshipCatalog } from '../disclosure/api';
import { fail } from '../shared/errors';
import { findAll } from '../shared/paging';
import { addDays, addMonths, chinaDay, parseQuarterKey, quarterKey, quarterLabel, quarterOf } from '../shared/time';
import type { AssetDoc, ContractDoc, ReceiptDoc, ResourceDoc } from './model';
import { assetsPolicy } from './policy';
import { loadRegisters } from './reads';
import { allocate, installmentsOf, owingOf, pricePerMu, termText } from './rules';
import { effectiveEnd } from './views';

// 生成本季度三资公开: the catalog's 资产 and 资源 items drafted from the registers in one action, as
// finance drafts the 财务 items from the ledger. The drafts then go through the usual review.

interface Span {
  label: string;
  start: string;
  end: string;
  /** The day the figures are taken at: the quarter's last day, or today within the quarter. */
  asOf: string;
  today: string;
}

/** A contract's figures for the quarter: rent falling due in it, received in it, and owed at its end. */
interface Money {
  dueFen: number;
  receivedFen: number;
  arrearsFen: number;
}

function spanOf(quarter: string, today: string): Span {
  const q = parseQuarterKey(quarter);
  if (!q) throw fail.invalid('季度格式应为 2026Q3 这样');
  const start = `${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = addDays(addMonths(start, 3), -1);
  return { label: quarterLabel(q), start, end, asOf: end < today ? end : today, today };
}

const within = (day: string, s: Span) => day >= s.start && day <= s.end;
const overlaps = (c: ContractDoc, s: Span) => c.startOn <= s.end && effectiveEnd(c) >= s.start;
/** 1250 hundredths of a 亩 → 12.5 */
const mu = (areaMu100: number) => (areaMu100 / 100).toFixed(2).replace(/\.?0+$/, '');
const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function moneyOf(c: ContractDoc, receipts: ReceiptDoc[], s: Span): Money {
  const due = installmentsOf({ ...c, endOn: effectiveEnd(c) });
  const mine = receipts.filter((r) => r.contractId === c._id);
  const paidBy = sumOf(mine.filter((r) => r.date <= s.asOf).map((r) => r.amountFen));
  return {
    dueFen: sumOf(due.filter((i) => within(i.due, s)).map((i) => i.amountFen)),
    receivedFen: sumOf(mine.filter((r) => within(r.date, s)).map((r) => r.amountFen)),
    arrearsFen: owingOf(allocate(due, paidBy), paidBy, s.asOf).arrearsFen,
  };
}

/** A table, or the sentence saying there is nothing to list (if any); never more rows than a draft takes. */
function tableOr(columns: string[], rows: string[][], none?: string): Block[] {
  if (!rows.length) return none ? [{ type: 'paragraph', text: none }] : [];
  const shown = rows.slice(0, TABLE_ROWS.max);
  const more: Block[] =
    rows.length > shown.length ? [{ type: 'paragraph', text: `只列出前 ${shown.length} 行，共 ${rows.length} 行；完整台账见“集体的资产与资源”。` }] : [];
  return [{ type: 'table', columns, rows: shown }, ...more];
}

const asOfWords = (s: Span) => (s.asOf < s.today ? `以下为截至 ${s.asOf} 的台账（状态按 ${s.today} 的登记）。` : `以下为截至 ${s.asOf} 的台账。`);

interface Drafted {
  category: DisclosureCategory;
  /** The default catalog's title and place, by which the township's copy is found (catalog.ts). */
  catalogTitle: string;
  code: string;
  title: string;
  body: Block[];
  amountFen?: number;
}

function assetItems(assets: AssetDoc[], contracts: ContractDoc[], receipts: ReceiptDoc[], names: Map<string, string>, s: Span): Drafted[] {
  const held = assets.filter((a) => a.acquiredOn <= s.asOf).sort((a, b) => a.acquiredOn.localeCompare(b.acquiredOn) || a.name.localeCompare(b.name, 'zh-CN'));
  const count = (state: AssetDoc['state']) => held.filter((a) => a.state === state).length;
  const let_ = contracts.filter((c) => c.subject.type === 'asset' && overlaps(c, s)).sort((a, b) => a.startOn.localeCompare(b.startOn));
  const money = let_.map((c) => moneyOf(c, receipts, s));
  return [
    {
      category: '资产',
      catalogTitle: '固定资产台账',
      code: '5-1',
      title: `固定资产台账（${s.label}）`,
      body: [
        {
          type: 'paragraph',
          text: `${asOfWords(s)}本村登记固定资产 ${held.length} 项，原值合计 ${yuan(sumOf(held.map((a) => a.originalFen)))} 元：在用 ${count('in_use')} 项，出租 ${count('leased')} 项，闲置 ${count('idle')} 项，报废 ${count('scrapped')} 项。`,
        },
        ...tableOr(
          ['名称', '类别', '经营性质', '坐落位置', '购建日期', '原值（元）', '状态', '管理人'],
          held.map((a) => [
            a.name,
            ASSET_KIND_LABEL[a.kind],
            ASSET_USE_LABEL[a.use],
            a.location,
            a.acquiredOn,
            yuan(a.originalFen),
            ASSET_STATE_LABEL[a.state],
            a.keeper,
          ]),
          '本村还没有登记固定资产。',
        ),
      ],
      amountFen: sumOf(held.map((a) => a.originalFen)),
    },
    {
      category: '资产',
      catalogTitle: '资产出租出借与承包收益',
      code: '5-2',
      title: `${s.label}资产出租出借与承包收益`,
      body: [
        {
          type: 'paragraph',
          text: let_.length
            ? `本季度出租、承包的资产 ${let_.length} 项，本季应收 ${yuan(sumOf(money.map((m) => m.dueFen)))} 元，实收 ${yuan(sumOf(money.map((m) => m.receivedFen)))} 元；截至 ${s.asOf} 欠款 ${yuan(sumOf(money.map((m) => m.arrearsFen)))} 元。每份合同的竞价和决议记录见“集体的资产与资源”。`
            : '本季度没有出租、出借或承包的资产。',
        },
        ...tableOr(
          ['资产', '承租方', '方式', '起止日期', '年租金（元）', '本季应收（元）', '本季实收（元）', '欠款（元）'],
          let_.map((c, i) => [
            names.get(c.subject.id) ?? '',
            c.counterparty.name,
            CONTRACT_KIND_LABEL[c.kind],
            `${c.startOn} 至 ${effectiveEnd(c)}`,
            yuan(c.priceFenPerYear),
            yuan(money[i].dueFen),
            yuan(money[i].receivedFen),
            yuan(money[i].arrearsFen),
          ]),
        ),
      ],
      amountFen: sumOf(money.map((m) => m.receivedFen)),
    },
  ];
}

function resourceItems(resources: ResourceDoc[], contracts: ContractDoc[], receipts: ReceiptDoc[], s: Span): Drafted[] {
  const land = [...resources].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const byId = new Map(land.map((r) => [r._id, r]));
  const area = (state: ResourceDoc['state']) => mu(sumOf(land.filter((r) => r.state === state).map((r) => r.areaMu100)));
  // Who holds each piece on the day the figures are taken at.
  const holder = new Map(
    contracts.filter((c) => c.subject.type === 'resource' && c.startOn <= s.asOf && effectiveEnd(c) >= s.asOf).map((c) => [c.subject.id, c]),
  );
  const let_ = contracts.filter((c) => c.subject.type === 'resource' && overlaps(c, s)).sort((a, b) => a.startOn.localeCompare(b.startOn));
  const money = let_.map((c) => moneyOf(c, receipts, s));
  const rows = let_.map((c, i) => {
    const r = byId.get(c.subject.id);
    return [
      r?.name ?? '',
      r ? LAND_KIND_LABEL[r.landKind] : '',
      r ? mu(r.areaMu100) : '',
      c.counterparty.name,
      `${c.startOn} 至 ${effectiveEnd(c)}`,
      termText(c.startOn, c.endOn),
      yuan(c.priceFenPerYear),
      r && r.areaMu100 > 0 ? yuan(pricePerMu(c.priceFenPerYear, r.areaMu100)) : '',
      yuan(money[i].dueFen),
      yuan(money[i].receivedFen),
      yuan(money[i].arrearsFen),
      c.award.method === 'auction' ? '公开竞价' : '协商',
    ];
  });
  return [
    {
      category: '资源',
      catalogTitle: '土地林地水面等资源台账',
      code: '6-1',
      title: `土地林地水面等资源台账（${s.label}）`,
      body: [
        {
          type: 'paragraph',
          text: `${asOfWords(s)}本村登记资源 ${land.length} 块，共 ${mu(sumOf(land.map((r) => r.areaMu100)))} 亩：发包 ${area('contracted')} 亩，未发包 ${area('uncontracted')} 亩，自营 ${area('self_run')} 亩。`,
        },
        ...tableOr(
          ['名称', '地类', '面积（亩）', '坐落', '状态', '承包方', '合同到期'],
          land.map((r) => {
            const c = holder.get(r._id);
            return [
              r.name,
              LAND_KIND_LABEL[r.landKind],
              mu(r.areaMu100),
              r.location,
              RESOURCE_STATE_LABEL[r.state],
              c?.counterparty.name ?? '',
              c ? effectiveEnd(c) : '',
            ];
          }),
          '本村还没有登记土地、林地、水面等资源。',
        ),
      ],
    },
    {
      category: '资源',
      catalogTitle: '资源发包租赁合同与收益',
      code: '6-2',
      title: `${s.label}资源发包租赁合同与收益`,
      body: [
        {
          type: 'paragraph',
          text: let_.length
            ? `本季度发包、租赁的资源合同 ${let_.length} 份，本季应收 ${yuan(sumOf(money.map((m) => m.dueFen)))} 元，实收 ${yuan(sumOf(money.map((m) => m.receivedFen)))} 元；截至 ${s.asOf} 欠款 ${yuan(sumOf(money.map((m) => m.arrearsFen)))} 元。每份合同的竞价和决议记录见“集体的资产与资源”。`
            : '本季度没有发包、租赁的资源合同。',
        },
        ...tableOr(
          [
            '资源',
            '地类',
            '面积（亩）',
            '承包方',
            '起止日期',
            '年限',
            '年价款（元）',
            '每亩每年（元）',
            '本季应收（元）',
            '本季实收（元）',
            '欠款（元）',
            '定价方式',
          ],
          rows,
        ),
      ],
      amountFen: sumOf(money.map((m) => m.receivedFen)),
    },
  ];
}

/** The township's copy of an item: by its title (a township may reorder), else by its default place. */
function catalogItemOf(catalog: CatalogItemDoc[], townshipId: string, d: Drafted): CatalogItemDoc | null {
  const byTitle = catalog.find((c) => c.category === d.category && c.title === d.catalogTitle);
  return byTitle ?? catalog.find((c) => c._id === `${townshipId}:${d.code}` && c.category === d.category) ?? null;
}

/**
 * Drafts the quarter's 固定资产台账, 资产出租出借与承包收益, 土地林地水面等资源台账 and
 * 资源发包租赁合同与收益 from the registers: all of them or none. An item the township's catalog
 * does not ask for this quarter is left out.
 */
export async function draftDisclosure(ports: Ports, input: { villageId: string; quarter: string }): Promise<{ drafted: { itemId: string; title: string }[] }> {
  const ctx = await callerInVillage(ports, input.villageId);
  // Who first: the checks below name drafts under review, which only the 两委 may see.
  authorize(ctx, assetsPolicy.draftDisclosure);
  const now = ports.clock.now();
  if (input.quarter > quarterKey(quarterOf(now))) throw fail.invalid('还没到这个季度，不能提前起草。');
  const s = spanOf(input.quarter, chinaDay(now));
  const townshipId = ctx.village.townshipId;
  const [r, receipts, catalog] = await Promise.all([
    loadRegisters(ports, input.villageId),
    findAll(ports.store.collection<ReceiptDoc>(C.assetReceipts), { villageId: input.villageId }),
    townshipCatalog(ports, townshipId),
  ]);
  const names = new Map(r.assets.map((a) => [a._id, a.name]));
  const items = [...assetItems(r.assets, r.contracts, receipts, names, s), ...resourceItems(r.resources, r.contracts, receipts, s)]
    .map((d) => ({ d, item: catalogItemOf(catalog, townshipId, d) }))
    .filter((x): x is { d: Drafted; item: CatalogItemDoc } => !!x.item && requiredIn(x.item, input.quarter));
  if (!items.length) throw fail.precondition(`${s.label}的公开目录里没有资产、资源的台账和合同项目，请在“起草季度公开”里逐项填写。`);
  // Check every item first, so the action drafts all of them or none.
  for (const { item } of items) {
    const current = await ports.store
      .collection<ItemDoc>(C.disclosureItems)
      .get(itemKeyOf({ villageId: input.villageId, quarter: input.quarter, itemId: item._id }));
    if (current?.state === 'submitted') throw fail.precondition(`“${current.draft.title}”正在等待监委会审核，审核后再生成。`);
  }
  const drafted: { itemId: string; title: string }[] = [];
  for (const { d, item } of items) {
    await saveDraft(ports, { villageId: input.villageId, quarter: input.quarter, itemId: item._id, title: d.title, body: d.body, amountFen: d.amountFen });
    drafted.push({ itemId: item._id, title: d.title });
  }
  return { drafted };
}
