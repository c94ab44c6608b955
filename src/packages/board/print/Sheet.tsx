import { Text, View } from '@tarojs/components';
import type { HeadLinkView } from '../../../../types/village';
import HeadStamp from '../../../components/HeadStamp';
import { DISCLOSURE_CATEGORIES } from '../../../services/categories';
import { dateText, now } from '../../../services/china-time';
import type { Board } from './board';
import Entry from './Entry';

/** The A4 sheet: a header with the quarter's counts, every category's items, and the 监委会's footer. */
export default function Sheet({ board, head }: { board: Board; head: HeadLinkView | null }) {
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
        <Text className="print-sheet__meta">公开日期：{lastPublished ? dateText(lastPublished) : '尚未公开'}　　审核：村务监督委员会</Text>
        <Text className="print-sheet__meta">
          本季度应公开 {c.required} 项，已公开 {c.published + c.late} 项{c.missing > 0 ? `，逾期未公开 ${c.missing} 项` : ''}
          {c.pending > 0 ? `，待公开 ${c.pending} 项` : ''}。
        </Text>
      </View>
      {DISCLOSURE_CATEGORIES.map((category) => {
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
