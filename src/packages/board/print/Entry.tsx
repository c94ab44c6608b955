import { Text, View } from '@tarojs/components';
import type { PublishedItem, QuarterView } from '../../../../types/disclosure';
import Blocks from '../../../components/Blocks';
import { dateText } from '../../../services/china-time';
import { formatFen } from '../../../services/money';

/** One numbered item on paper: its latest version in full, or a line saying it is not published yet. */
export default function Entry({ n, entry, item }: { n: number; entry: QuarterView['entries'][number]; item: PublishedItem | undefined }) {
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
        {dateText(v.approvedAt)} 经村务监督委员会审核公开 · 第 {v.version} 版{entry.status === 'late' ? ' · 逾期公开' : ''}
        {entry.required ? '' : ' · 专项公开'}
      </Text>
      {v.version > 1 && v.reason && <Text className="print-item__reason">更正原因：{v.reason}</Text>}
      {v.amountFen !== null && <Text className="print-item__amount">金额：{formatFen(v.amountFen)} 元</Text>}
      <Blocks blocks={v.body} />
      {v.attachments.length > 0 && <Text className="print-item__meta">另有附件 {v.attachments.length} 个，扫码查看。</Text>}
    </View>
  );
}
