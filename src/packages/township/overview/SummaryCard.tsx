import { Text, View } from '@tarojs/components';
import { dateText } from '../../../services/china-time';
import type { VillageLine } from './helpers';

/** The whole township in three lines: what is missing this quarter, what is overdue, the running totals. */
export default function SummaryCard({ lines, label, dueDate }: { lines: VillageLine[]; label: string; dueDate: string }) {
  const missingTotal = lines.reduce((n, l) => n + (l.counts?.missing ?? 0), 0);
  const behind = lines.filter((l) => (l.counts?.missing ?? 0) > 0).length;
  const overdueTotal = lines.reduce((n, l) => n + (l.tickets?.overdueOpen ?? 0), 0);
  const overdueVillages = lines.filter((l) => (l.tickets?.overdueOpen ?? 0) > 0).length;
  const received = lines.reduce((n, l) => n + (l.tickets?.received ?? 0), 0);
  const closed = lines.reduce((n, l) => n + (l.tickets?.closed ?? 0), 0);
  return (
    <View className="township-overview__summary">
      <Text className="township-overview__summary-line">
        {label}，{dateText(dueDate)} 截止。
        {missingTotal > 0 ? `${behind} 个村共缺 ${missingTotal} 项。` : '没有逾期未公开的项目。'}
      </Text>
      <Text className={`township-overview__summary-line${overdueTotal > 0 ? ' township-overview__alarm' : ''}`}>
        {overdueTotal > 0 ? `全镇超期未答复 ${overdueTotal} 件，在 ${overdueVillages} 个村。` : '全镇超期未答复 0 件。'}
      </Text>
      <Text className="township-overview__summary-line">
        码上监督累计收到 {received} 件，已销号 {closed} 件。
      </Text>
    </View>
  );
}
