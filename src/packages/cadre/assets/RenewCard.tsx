import { Text } from '@tarojs/components';
import { useState } from 'react';
import { PAY_SCHEDULE_LABEL } from '../../../../types/assets';
import { DateField } from '../../../components/DateField';
import { useAction } from '../../../hooks/useAction';
import { assetsApi } from '../../../services/assets';
import AwardFields from './AwardFields';
import DecisionFields from './DecisionFields';
import { type ContractStepProps, FormCard, PickField, TextField } from './fields';
import { type AwardForm, choicesOf, type RenewForm, renewFormOf, renewInputOf, withTopBid } from './forms';

/** 续签: the same party for a new term from the day after this one ends, awarded and approved again. */
export default function RenewCard({ villageId, contract, onSaved, onCancel }: ContractStepProps) {
  const [form, setForm] = useState<RenewForm>(() => renewFormOf(contract));
  const saving = useAction();
  const set = (patch: Partial<RenewForm>) => setForm((f) => ({ ...f, ...patch }));
  const setAward = (award: AwardForm) => setForm((f) => withTopBid({ ...f, award }, award));

  async function save() {
    const input = renewInputOf(form, villageId, contract.id);
    if (typeof input === 'string') return saving.refuse(input);
    await saving.run(() => assetsApi.renewContract(input), { done: '已续签', failed: '没有续签成功，请稍后再试。', alsoToast: true, onDone: onSaved });
  }

  return (
    <FormCard
      label={`续签：${contract.subject.name}`}
      title={`续签：${contract.subject.name}`}
      error={saving.error}
      busy={saving.busy}
      send="续签"
      onSend={save}
      onCancel={onCancel}
    >
      <Text className="cadre-assets__hint">
        仍由 {contract.counterparty.name} 承包，新合同从 {contract.endOn} 的第二天开始。续签也要重新定价、重新经会议同意。
      </Text>
      <DateField label="新的结束日期" required value={form.endOn} onChange={(endOn) => set({ endOn })} start={contract.endOn} />
      <AwardFields value={form.award} onChange={setAward} />
      <TextField label="每年价款（元）" required money value={form.price} onChange={(price) => set({ price })} limit={{ max: 20 }} />
      <PickField label="付款方式" choices={choicesOf(PAY_SCHEDULE_LABEL)} value={form.schedule} onPick={(schedule) => set({ schedule })} />
      <DecisionFields villageId={villageId} value={form.decision} onChange={(decision) => set({ decision })} />
    </FormCard>
  );
}
