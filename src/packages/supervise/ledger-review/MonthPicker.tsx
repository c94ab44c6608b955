import { Text } from '@tarojs/components';
import { ChoiceCard } from '../../../components/ChoiceRow';
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
  const choices = shown.map((m) => ({ value: m.month, label: `${monthText(m.month)} · ${STATE_TEXT[m.state]}` }));
  return (
    <ChoiceCard
      title="选择月份"
      titleClassName="ledger-review__note"
      className="ledger-review__months"
      buttonClassName="ledger-review__month"
      choices={choices}
      current={month}
      onPick={onChoose}
    >
      {shown.length < list.length && (
        <Text className="ledger-review__link" onClick={onShowAll}>
          显示更早的月份 ›
        </Text>
      )}
    </ChoiceCard>
  );
}
