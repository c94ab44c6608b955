import { View } from '@tarojs/components';
import { ASSET_NOTE } from '../../../../common/limits';
import { DateField } from '../../../components/DateField';
import { chinaDay } from '../../../services/china-time';
import { Caution, PickField, TextField } from './fields';
import { choicesOf, DECISION_LABEL, type DecisionForm, NO_DECISION_TEXT } from './forms';

/** The meeting that approved the contract, or none: then the page says plainly it will be warned of. */
export default function DecisionFields({ value, onChange }: { value: DecisionForm; onChange: (next: DecisionForm) => void }) {
  const set = (patch: Partial<DecisionForm>) => onChange({ ...value, ...patch });
  return (
    <View>
      <PickField label="哪个会议同意的" choices={choicesOf(DECISION_LABEL)} value={value.body} onPick={(body) => set({ body })} />
      {value.body === 'none' && <Caution text={NO_DECISION_TEXT} />}
      {(value.body === 'representatives' || value.body === 'villagers') && (
        <View>
          <DateField label="开会日期" required value={value.date} onChange={(date) => set({ date })} end={chinaDay()} />
          <TextField
            label="会议记录要点"
            multiline
            value={value.note}
            onChange={(note) => set({ note })}
            limit={ASSET_NOTE}
            placeholder="会议记录要点，如 到会 35 人，同意 32 人"
          />
        </View>
      )}
    </View>
  );
}
