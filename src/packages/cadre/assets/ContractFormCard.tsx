import { useState } from 'react';
import { CONTRACT_KIND_LABEL, PAY_SCHEDULE_LABEL } from '../../../../types/assets';
import { ASSET_NOTE } from '../../../../common/limits';
import { DateField } from '../../../components/DateField';
import { useAction } from '../../../hooks/useAction';
import { assetsApi } from '../../../services/assets';
import AwardFields from './AwardFields';
import CounterpartyFields from './CounterpartyFields';
import DecisionFields from './DecisionFields';
import { FormCard, PickField, TextField } from './fields';
import { type AwardForm, type ContractForm, choicesOf, contractInputOf, emptyContract, withTopBid } from './forms';

export interface Subject {
  type: 'asset' | 'resource';
  id: string;
  name: string;
}

/** Lets an asset or a piece of land: to whom, for how long, for how much, how it was awarded and who approved it. */
export default function ContractFormCard({
  villageId,
  subject,
  onSaved,
  onCancel,
}: {
  villageId: string;
  subject: Subject;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<ContractForm>(() => emptyContract(subject.type));
  const saving = useAction();
  const set = (patch: Partial<ContractForm>) => setForm((f) => ({ ...f, ...patch }));
  // A bid typed in moves the winner and the price with it; either can still be changed by hand.
  // A villager picked from the roster stays picked only while the winner keeps their name.
  const setAward = (award: AwardForm) =>
    setForm((f) => {
      const next = withTopBid({ ...f, award }, award);
      return next.counterparty === f.counterparty ? next : { ...next, personId: null };
    });

  async function save() {
    const input = contractInputOf(form, villageId, { type: subject.type, id: subject.id });
    if (typeof input === 'string') return saving.refuse(input);
    await saving.run(() => assetsApi.addContract(input), { done: '合同已登记', failed: '没有保存成功，请稍后再试。', alsoToast: true, onDone: onSaved });
  }

  return (
    <FormCard
      label={`登记合同：${subject.name}`}
      title={`登记合同：${subject.name}`}
      error={saving.error}
      busy={saving.busy}
      send="登记合同"
      onSend={save}
      onCancel={onCancel}
    >
      <PickField label="合同类别" choices={choicesOf(CONTRACT_KIND_LABEL)} value={form.kind} onPick={(kind) => set({ kind })} />
      <AwardFields value={form.award} onChange={setAward} />
      <CounterpartyFields villageId={villageId} value={form} onChange={set} />
      <DateField label="开始日期" required value={form.startOn} onChange={(v) => set({ startOn: v })} />
      <DateField label="结束日期" required value={form.endOn} onChange={(v) => set({ endOn: v })} start={form.startOn || undefined} />
      <TextField label="每年价款（元）" required money value={form.price} onChange={(v) => set({ price: v })} limit={{ max: 20 }} />
      <PickField label="付款方式" choices={choicesOf(PAY_SCHEDULE_LABEL)} value={form.schedule} onPick={(schedule) => set({ schedule })} />
      <TextField label="押金（元）" money value={form.deposit} onChange={(v) => set({ deposit: v })} limit={{ max: 20 }} placeholder="押金（元，没有可不填）" />
      <DecisionFields villageId={villageId} value={form.decision} onChange={(decision) => set({ decision })} />
      <TextField label="备注" multiline value={form.note} onChange={(v) => set({ note: v })} limit={ASSET_NOTE} placeholder="备注（可不填）" />
    </FormCard>
  );
}
