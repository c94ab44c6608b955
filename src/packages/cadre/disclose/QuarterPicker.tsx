import { ChoiceCard } from '../../../components/ChoiceRow';
import { quarterText } from '../../../services/labels';

/** The quarters a cadre may draft for; the calendar's own is marked. */
export default function QuarterPicker(props: { options: string[]; quarter: string; calendar: string; onChoose: (key: string) => void }) {
  const { options, quarter, calendar, onChoose } = props;
  const choices = options.map((key) => ({ value: key, label: `${quarterText(key)}${key === calendar ? '（本季度）' : ''}` }));
  return <ChoiceCard title="选择季度" titleClassName="disclose__label" className="disclose__quarters" choices={choices} current={quarter} onPick={onChoose} />;
}
