import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceCard } from '../../../components/ChoiceRow';
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
  const choices = shown.map((m) => ({ value: m.month, label: `${monthText(m.month)}${m.month === current ? '（本月）' : ''} ${MONTH_STATE_TEXT[m.state]}` }));
  return (
    <ChoiceCard title="选择月份" titleClassName="ledger__label" className="ledger__months" choices={choices} current={selected} onPick={onPick}>
      {months.length > shown.length && (
        <Button size="large" block fill="none" onClick={() => setAll(true)}>
          显示更早的月份
        </Button>
      )}
    </ChoiceCard>
  );
}
