import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { PublishedItem, QuarterView } from '../../../../types/disclosure';
import type { DisclosureCategory, HeadLinkView, VillageView } from '../../../../types/village';
import Blocks from '../../../components/Blocks';
import HeadStamp from '../../../components/HeadStamp';
import PageShell from '../../../components/PageShell';
import PrintToolbar from '../../../components/PrintToolbar';
import { useRequest } from '../../../hooks/useRequest';
import { dateText, now } from '../../../services/china-time';
import { disclosureApi } from '../../../services/disclosure';
import { formatFen } from '../../../services/money';
import { isQuarterKey } from '../../../services/quarters';
import { villageApi } from '../../../services/village';
import './index.scss';

const CATEGORIES: DisclosureCategory[] = ['党务', '村务', '财务', '资金', '资产', '资源'];

/** A quarter has up to a few dozen items: fetch a few at a time rather than all at once. */
const AT_ONCE = 6;

interface Board {
  village: VillageView;
  view: QuarterView;
  items: Map<string, PublishedItem>;
  /** The 监督电话 in full: the sheet is for villagers who cannot tap a masked number to call it. */
  hotline: string | null;
}

async function inBatches<T, R>(list: T[], work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += AT_ONCE) out.push(...(await Promise.all(list.slice(i, i + AT_ONCE).map(work))));
  return out;
}

async function loadBoard(villageId: string, quarterParam: string | undefined): Promise<Board> {
  const [village, given] = await Promise.all([
    villageApi.get(villageId),
    isQuarterKey(quarterParam) ? disclosureApi.quarter(villageId, quarterParam) : Promise.resolve(null),
  ]);
  // Without a quarter, print the one the village's home page shows.
  const view = given ?? (await disclosureApi.quarter(villageId, village.quarter.key));
  const published = view.entries.filter((e) => e.version > 0);
  const [items, hotline] = await Promise.all([
    inBatches(published, (e) => disclosureApi.item({ villageId, quarter: view.quarter, itemId: e.itemId })),
    village.supervisor?.phoneMasked ? villageApi.supervisorPhone(villageId).then((p) => p.hotline) : Promise.resolve(null),
  ]);
  return { village, view, items: new Map(items.map((i) => [i.itemId, i])), hotline };
}

function Entry({ n, entry, item }: { n: number; entry: QuarterView['entries'][number]; item: PublishedItem | undefined }) {
  if (!item) {
    return (
      <View className="print-item print-item--missing">
        <View className="print-item__title">
          <Text className="print-item__no">{n}.</Text>
          <Text>{entry.title}</Text>
          <Text className="print-item__missing">（本项尚未公开）</Text>
        </View>
      </View>
    );
  }
  const v = item.latest;
  return (
    <View className="print-item">
      <View className="print-item__title">
        <Text className="print-item__no">{n}.</Text>
        <Text>{v.title}</Text>
      </View>
      <Text className="print-item__meta">
        {dateText(v.approvedAt)} 经村务监督委员会审核公开 · 第 {v.version} 版
        {entry.status === 'late' ? ' · 逾期公开' : ''}
        {entry.required ? '' : ' · 专项公开'}
      </Text>
      {v.version > 1 && v.reason && <Text className="print-item__reason">更正原因：{v.reason}</Text>}
      {v.amountFen !== null && <Text className="print-item__amount">金额：{formatFen(v.amountFen)} 元</Text>}
      <Blocks blocks={v.body} />
      {v.attachments.length > 0 && <Text className="print-item__meta">另有附件 {v.attachments.length} 个，扫码查看。</Text>}
    </View>
  );
}

function Sheet({ board, head }: { board: Board; head: HeadLinkView | null }) {
  const { village, view, items, hotline } = board;
  const published = view.entries.filter((e) => e.publishedAt).map((e) => e.publishedAt as string);
  const lastPublished = published.sort().pop();
  const c = view.completeness;
  return (
    <View className="print-sheet">
      <View className="print-sheet__header">
        <View className="print-sheet__title" role="heading" aria-level={1}>
          <Text>
            {village.name}
            {view.label}村务公开
          </Text>
        </View>
        <Text className="print-sheet__place">
          {village.county}
          {village.townshipName}
          {village.name}
        </Text>
        <Text className="print-sheet__meta">
          公开日期：{lastPublished ? dateText(lastPublished) : '尚未公开'}　　审核：村务监督委员会
        </Text>
        <Text className="print-sheet__meta">
          本季度应公开 {c.required} 项，已公开 {c.published + c.late} 项
          {c.missing > 0 ? `，逾期未公开 ${c.missing} 项` : ''}
          {c.pending > 0 ? `，待公开 ${c.pending} 项` : ''}。
        </Text>
      </View>
      {CATEGORIES.map((category) => {
        const entries = view.entries.filter((e) => e.category === category);
        return (
          <View key={category} className="print-category">
            <View className="print-category__title" role="heading" aria-level={2}>
              <Text>{category}</Text>
              <Text className="print-category__count">（{entries.length} 项）</Text>
            </View>
            {entries.length === 0 && <Text className="print-item__missing">（本季度没有此类公开事项）</Text>}
            {entries.map((e, i) => (
              <Entry key={e.itemId} n={i + 1} entry={e} item={items.get(e.itemId)} />
            ))}
          </View>
        );
      })}
      <View className="print-sheet__footer">
        <Text className="print-sheet__footer-line">
          村务监督委员会主任：{village.supervisor?.name ?? '（暂缺）'}
          {hotline ? `　监督电话：${hotline}` : ''}
        </Text>
        <Text className="print-sheet__footer-line print-sheet__scan">扫码查看详情和历史版本</Text>
        <Text className="print-sheet__footer-line print-sheet__small">
          微信扫公开栏上的本村二维码，打开“阳光村务”。公开后如有更正，以小程序中的最新版本为准。本页打印于 {dateText(now().toISOString())}。
        </Text>
        {head && <HeadStamp head={head} />}
      </View>
    </View>
  );
}

/** 公开栏打印: one village's quarter on A4 paper, for the physical notice board. */
export default function BoardPrintPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const board = useRequest(`board:${villageId}:${params.quarter ?? ''}`, () => loadBoard(villageId, params.quarter));
  // The history's head is drawn apart (a code is made for each new head): the sheet does not wait
  // for it, but printing does, so the paper always carries it.
  const head = useRequest(`head-link:${villageId}`, () => villageApi.headLink(villageId));

  return (
    <View className="print-page">
      <PrintToolbar ready={!!board.data && !head.loading} pdf={() => disclosureApi.boardPdf(villageId, board.data?.view.quarter ?? '')} />
      <PageShell loading={board.loading} error={board.error} onRetry={board.reload}>
        {board.data && <Sheet board={board.data} head={head.data ?? null} />}
      </PageShell>
    </View>
  );
}
