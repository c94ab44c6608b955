import { Text, View } from '@tarojs/components';
import type { Stage } from '../../../../types/matters';
import { ASSET_NOTE } from '../../../../common/limits';
import { DateField } from '../../../components/DateField';
import { useRequest } from '../../../hooks/useRequest';
import { chinaDay } from '../../../services/china-time';
import { mattersApi } from '../../../services/matters';
import { Caution, PickField, TextField } from './fields';
import { choicesOf, DECISION_LABEL, type DecisionForm, NO_DECISION_TEXT } from './forms';

/** Only a matter the village has voted through and published may stand for a contract (the server checks it too). */
const PASSED: ReadonlySet<Stage> = new Set<Stage>(['决议公开', '实施结果公开']);

/** The passed 一事一议 matters of the village, read only once the 会计 says the contract rests on one. */
function MatterPick({ villageId, value, onPick }: { villageId: string; value: DecisionForm['matter']; onPick: (m: { id: string; title: string }) => void }) {
  const list = useRequest(`assets-matters:${villageId}`, () => mattersApi.list(villageId));
  if (list.loading) return <Text className="cadre-assets__hint">正在读本村的一事一议……</Text>;
  if (list.error) return <Caution text="没能读到本村的一事一议，请稍后再试，或选开会的决议。" />;
  const passed = (list.data?.matters ?? []).filter((m) => PASSED.has(m.stage) && m.status !== 'stopped');
  if (passed.length === 0) return <Caution text="本村还没有表决通过并公开决议的一事一议事项。" />;
  return (
    <PickField
      label="哪个一事一议事项"
      choices={passed.map((m) => ({ value: m.id, label: m.title }))}
      value={value?.id ?? null}
      onPick={(id) => onPick({ id, title: passed.find((m) => m.id === id)?.title ?? '' })}
    />
  );
}

/** The meeting or 一事一议 that approved the contract, or none: then the page says plainly it will be warned of. */
export default function DecisionFields({ villageId, value, onChange }: { villageId: string; value: DecisionForm; onChange: (next: DecisionForm) => void }) {
  const set = (patch: Partial<DecisionForm>) => onChange({ ...value, ...patch });
  return (
    <View>
      <PickField label="哪个会议同意的" choices={choicesOf(DECISION_LABEL)} value={value.body} onPick={(body) => set({ body })} />
      {value.body === 'none' && <Caution text={NO_DECISION_TEXT} />}
      {value.body === 'matter' && <MatterPick villageId={villageId} value={value.matter} onPick={(matter) => set({ matter })} />}
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
