import { Text, View } from '@tarojs/components';
import type { Award, ContractView, Decision } from '../../../types/assets';
import { dateText } from '../../services/china-time';
import { formatFen } from '../../services/money';
import { muText } from '../../services/assets';

// The plain words the page says a contract in: money in 元, days as 2031年10月31日.

export const yuan = (fen: number) => `${formatFen(fen)} 元`;

/** 村民代表会议 2026年10月20日：同意公开竞价发包 / 一事一议“…” */
export function decisionText(d: Decision | null): string {
  if (!d) return '没有记录集体决议';
  if (d.kind === 'matter') return `一事一议“${d.title}”`;
  return `${d.body === 'representatives' ? '村民代表会议' : '村民会议'} ${dateText(d.date)}：${d.note}`;
}

/** The award in a line: 公开竞价（3人出价） or 协商. */
export const awardText = (a: Award) => (a.method === 'auction' ? `公开竞价（${a.bids.length}人出价）` : '协商');

/** What it lets: the land with its area and kind, or the asset's name. */
export function subjectText(c: ContractView): string {
  return c.subject.areaMu100 !== null ? `${c.subject.name}（${muText(c.subject.areaMu100)}）` : c.subject.name;
}

/** One label and its value on a row; the aria-label reads both as one phrase. */
export function Line({ label, value, strong }: { label: string; value: string; strong?: 'bad' | 'good' }) {
  return (
    <View className="label-line" aria-label={`${label}：${value}`}>
      <Text className="label-line__label">{label}</Text>
      <Text className={`label-line__value${strong ? ` village-assets__${strong}` : ''}`}>{value}</Text>
    </View>
  );
}
