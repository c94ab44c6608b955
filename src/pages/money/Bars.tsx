import { Text, View } from '@tarojs/components';
import type { CategoryTotal } from '../../../types/finance';
import { formatFen } from '../../services/money';

/**
 * Bars drawn with plain views: the chart libraries for both weapp and H5 cost more than the
 * whole main package of villager pages, and these bars say the same with their numbers beside.
 */
export default function Bars({ list, direction }: { list: CategoryTotal[]; direction: '收入' | '支出' }) {
  const mine = list.filter((c) => c.direction === direction).sort((a, b) => b.amountFen - a.amountFen);
  const max = Math.max(1, ...mine.map((c) => c.amountFen));
  if (mine.length === 0) return <Text style={{ display: 'block', color: '#595959' }}>没有{direction}</Text>;
  return (
    <View className="money__bars" role="list" aria-label={`${direction}按科目`}>
      {mine.map((c) => (
        <View key={c.accountId} className="money__bar-row" role="listitem" aria-label={`${c.account} ${formatFen(c.amountFen)} 元`}>
          <Text className="money__bar-label">{c.account}</Text>
          <View className="money__bar-track">
            <View
              className={`money__bar-fill money__bar-fill--${direction === '收入' ? 'in' : 'out'}`}
              style={{ width: `${Math.max(2, Math.round((c.amountFen / max) * 100))}%` }}
            />
          </View>
          <Text className="money__bar-value">{formatFen(c.amountFen)}</Text>
        </View>
      ))}
    </View>
  );
}
