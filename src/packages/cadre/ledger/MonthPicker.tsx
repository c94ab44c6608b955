import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { monthText } from '../../../services/finance';
import { MONTH_STATE_TEXT, type MonthEntry } from '../../../services/ledger-form';
import { MONTHS_SHOWN } from './helpers';

/** The newest months, the chosen one always among them; older ones on request. */
export default function MonthPicker({
  months,
  current,
  selected,
  onPick,
}: {
  months: MonthEntry[];
  current: string | null;
  selected: string;
  onPick: (m: string) => void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? months : months.filter((m, i) => i < MONTHS_SHOWN || m.month === selected);
  return (
    <View className="card">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        选择月份
      </Text>
      <View className="ledger__months" aria-label="选择月份">
        {shown.map((m) => (
          <Button key={m.month} type={m.month === selected ? 'primary' : 'default'} aria-pressed={m.month === selected} onClick={() => onPick(m.month)}>
            {`${monthText(m.month)}${m.month === current ? '（本月）' : ''} ${MONTH_STATE_TEXT[m.state]}`}
          </Button>
        ))}
      </View>
      {months.length > shown.length && (
        <Button size="large" block fill="none" onClick={() => setAll(true)}>
          显示更早的月份
        </Button>
      )}
    </View>
  );
}
