import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MonthSigning } from '../../../../types/finance';
import Alert from '../../../components/Alert';
import { LimitedInput } from '../../../components/Limited';
import Signing from '../../../components/Signing';
import { useAction } from '../../../hooks/useAction';
import { financeApi } from '../../../services/finance';
import { LEDGER_CHANGE_REASON } from '../../../../common/limits';

/** A closed month waits for the panel's signatures; until then the 会计 may open it again, saying why. */
export default function ReopenCard({
  villageId,
  month,
  signing,
  onReopened,
}: {
  villageId: string;
  month: string;
  signing: MonthSigning;
  onReopened: () => void;
}) {
  const [reason, setReason] = useState('');
  const action = useAction();

  async function reopen() {
    const text = reason.trim();
    if (text.length < LEDGER_CHANGE_REASON.min) return action.setError(`请写明重新打开的原因（至少 ${LEDGER_CHANGE_REASON.min} 个字），会留在记录里。`);
    await action.run(() => financeApi.reopenMonth(villageId, month, text), { done: '已重新打开', failed: '没有打开成功，请稍后再试。', onDone: onReopened });
  }

  return (
    <View className="card" aria-label="重新打开">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        已结账，等待民主理财小组审核签字
      </Text>
      <Signing signing={signing} state="closed" />
      <Text className="ledger__hint">
        结账后发现记错了，可以重新打开这个月修改，改好后再结账。签字公示以后就不能再打开了。
        {signing.signatures.length > 0 ? `重新打开后，已有的 ${signing.signatures.length} 个签字作废，要重新签字。` : ''}
      </Text>
      <LimitedInput value={reason} onChange={setReason} placeholder="重新打开的原因" maxLength={LEDGER_CHANGE_REASON.max} name="reopenReason" />
      {action.error && <Alert text={action.error} />}
      <View className="ledger__actions">
        <Button size="large" block loading={action.busy} disabled={action.busy} onClick={reopen}>
          重新打开
        </Button>
      </View>
    </View>
  );
}
