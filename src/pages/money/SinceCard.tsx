import { Text, View } from '@tarojs/components';
import type { MoneyView } from '../../../types/finance';
import type { PlainSegment } from '../../../types/plain';
import { PlainText } from '../../components/PlainAccount';
import { formatChinaTime } from '../../services/china-time';
import { monthText } from '../../services/finance';
import { formatFen } from '../../services/money';

interface Props {
  m: MoneyView;
  latestMonth: string;
  onPick: (month: string) => void;
  /** What changed, in plain words (the 明白账's `since`), each number linked; null until it is known. */
  words: PlainSegment[] | null;
}

/**
 * For a villager far away: what the village has now, what changed since they last looked in
 * plain words, and each month published since, to open.
 */
export default function SinceCard({ m, latestMonth, onPick, words }: Props) {
  return (
    <>
      <View className="card" aria-label="余额">
        <Text style={{ display: 'block', color: '#595959' }}>村集体账上现有（截至{monthText(latestMonth)}底）</Text>
        <Text className="money__balance">{m.balanceFen === null ? '—' : `${formatFen(m.balanceFen)} 元`}</Text>
      </View>

      <View className="card money__since" aria-label="自上次查看以来">
        <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>
          {m.lastViewedAt ? `自上次查看（${formatChinaTime(m.lastViewedAt)}）以来` : '最近公示的月份'}
        </Text>
        {words && m.sinceLastView.length > 0 && (
          <View className="money__since-words" aria-label="有什么变化">
            <PlainText villageId={m.villageId} segments={words} />
          </View>
        )}
        {m.sinceLastView.length === 0 ? (
          <Text style={{ display: 'block' }}>没有新公示的月份。</Text>
        ) : (
          m.sinceLastView.map((s) => (
            <Text key={s.month} style={{ display: 'block', marginTop: '4px' }} onClick={() => onPick(s.month)}>
              新公示：{monthText(s.month)}，收入 {formatFen(s.incomeFen)} 元，支出 {formatFen(s.expenseFen)} 元 ›
            </Text>
          ))
        )}
      </View>
    </>
  );
}
