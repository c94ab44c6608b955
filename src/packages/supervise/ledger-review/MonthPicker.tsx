import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { monthText } from '../../../services/finance';
import type { MonthEntry } from '../../../services/ledger-form';
import { MONTHS_SHOWN, STATE_TEXT } from './helpers';

/**
 * The newest months, each with where it stands; older ones on request, or when one of them is
 * chosen. The page keeps `allMonths`: the picker is drawn again after the skeleton of each month.
 */
export default function MonthPicker({
  list,
  month,
  allMonths,
  onShowAll,
  onChoose,
}: {
  list: MonthEntry[];
  month: string | null;
  allMonths: boolean;
  onShowAll: () => void;
  onChoose: (month: string) => void;
}) {
  const chosenIndex = month ? list.findIndex((m) => m.month === month) : -1;
  const shown = allMonths || chosenIndex >= MONTHS_SHOWN ? list : list.slice(0, MONTHS_SHOWN);
  return (
    <View className="card">
      <Text className="ledger-review__note" style={{ marginTop: 0 }}>
        选择月份
      </Text>
      <View className="ledger-review__months" aria-label="选择月份">
        {shown.map((m) => (
          <Button
            key={m.month}
            className="ledger-review__month"
            type={m.month === month ? 'primary' : 'default'}
            aria-pressed={m.month === month}
            onClick={() => onChoose(m.month)}
          >
            {monthText(m.month)} · {STATE_TEXT[m.state]}
          </Button>
        ))}
      </View>
      {shown.length < list.length && (
        <Text className="ledger-review__link" onClick={onShowAll}>
          显示更早的月份 ›
        </Text>
      )}
    </View>
  );
}
