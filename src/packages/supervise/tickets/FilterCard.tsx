import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import ChoiceRow, { type Choice } from '../../../components/ChoiceRow';
import { AGES, CATEGORIES, KINDS, ONLY_TEXT, STATES, type TicketFilter } from './filter';

function Filter<T>({ label, choices, value, onChange }: { label: string; choices: Choice<T>[]; value: T; onChange: (v: T) => void }) {
  return (
    <View className="tickets__filter">
      <Text className="tickets__filter-label">{label}</Text>
      <ChoiceRow className="tickets__choices" label={`按${label}筛选`} buttonClassName="tickets__choice" choices={choices} current={value} onPick={onChange} />
    </View>
  );
}

/** The 只看 chip a link brought, then state, kind, (for reports) category and age. */
export default function FilterCard({ f }: { f: TicketFilter }) {
  return (
    <View className="card">
      {f.only && (
        // The whole line is the tap target; the ✕ names what tapping does for screen readers.
        <View className="tickets__only" role="button" aria-label={`只看：${ONLY_TEXT[f.only]}，点一下不再只看`} onClick={f.dropOnly}>
          <Text className="tickets__only-text">只看：{ONLY_TEXT[f.only]}</Text>
          <Button className="tickets__only-x" fill="none" aria-label={`不再只看${ONLY_TEXT[f.only]}`}>
            ✕
          </Button>
        </View>
      )}
      <Filter label="状态" choices={STATES} value={f.state} onChange={f.setState} />
      <Filter label="类型" choices={KINDS} value={f.kind} onChange={f.chooseKind} />
      {f.kind === 'report' && <Filter label="类别" choices={CATEGORIES} value={f.category} onChange={f.setCategory} />}
      <Filter label="时长" choices={AGES} value={f.days} onChange={f.setDays} />
    </View>
  );
}
