import { Text } from '@tarojs/components';
import { useState } from 'react';
import { ASSET_CHANGE_REASON } from '../../../../common/limits';
import { DateField } from '../../../components/DateField';
import { useAction } from '../../../hooks/useAction';
import { assetsApi } from '../../../services/assets';
import { confirmFirst } from '../../../services/confirm';
import { type ContractStepProps, FormCard, TextField } from './fields';
import { reasonProblem } from './forms';

/** 解除: the contract ends early on a day within its term, for a reason kept on the record. */
export default function TerminateCard({ villageId, contract, onSaved, onCancel }: ContractStepProps) {
  const [on, setOn] = useState('');
  const [reason, setReason] = useState('');
  const saving = useAction();

  async function save() {
    if (!on) return saving.refuse('请选择解除日期。');
    const why = reasonProblem(reason, '解除的原因');
    if (why) return saving.refuse(why);
    const sure = await confirmFirst({
      title: '解除合同？',
      content: `${contract.subject.name}的合同从 ${on} 起解除，之后不再收租，解除后不能撤回。`,
      confirmText: '确定解除',
      cancelText: '不解除',
    });
    if (!sure) return;
    await saving.run(() => assetsApi.terminateContract(villageId, contract.id, on, reason.trim()), {
      done: '合同已解除',
      failed: '没有解除成功，请稍后再试。',
      alsoToast: true,
      onDone: onSaved,
    });
  }

  return (
    <FormCard
      label={`解除合同：${contract.subject.name}`}
      title={`解除合同：${contract.subject.name}`}
      error={saving.error}
      busy={saving.busy}
      send="解除合同"
      onSend={save}
      onCancel={onCancel}
    >
      <Text className="cadre-assets__hint">解除后这份合同不再产生应收租金，{contract.subject.name}会空出来，可以重新发包或出租。已欠的钱仍要催收。</Text>
      <DateField label="解除日期" required value={on} onChange={setOn} start={contract.startOn} end={contract.endOn} />
      <TextField label="解除的原因" required multiline value={reason} onChange={setReason} limit={ASSET_CHANGE_REASON} placeholder="为什么解除" />
    </FormCard>
  );
}
