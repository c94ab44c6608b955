import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MatterView } from '../../../../types/matters';
import { LimitedTextArea } from '../../../components/Limited';
import { WarningBox } from '../../../components/MatterParts';
import { useAction } from '../../../hooks/useAction';
import { confirmFirst } from '../../../services/confirm';
import { mattersApi } from '../../../services/matters';
import { MATTER_REASON } from '../../../../common/limits';

/** The 镇管理员's decision on a plan: file it, or return it with a reason the village will read. */
export default function Decide({ m, onDone }: { m: MatterView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  // Two writes, each with its message under its own button; either one stops both buttons.
  const approval = useAction();
  const giveBack = useAction();
  const busy = approval.busy || giveBack.busy;

  async function approve() {
    approval.setError(null);
    const sure = await confirmFirst({
      title: '审核同意并备案？',
      content: '备案后村里就可以公开决议，并按方案筹资筹劳。',
      confirmText: '同意备案',
      cancelText: '取消',
    });
    if (!sure) return;
    await approval.run(() => mattersApi.file(m.villageId, m.id, 'approve'), { done: '已备案', failed: '没有备案成功，请稍后再试。', onDone: () => onDone() });
  }

  async function sendBack() {
    giveBack.setError(null);
    // A return ends the matter: the village hears why, so the reason is required.
    if (reason.trim().length < MATTER_REASON.min) return giveBack.setError('退回时请写明原因，村里会看到。');
    const sure = await confirmFirst({
      title: '退回这个方案？',
      content: '退回后这个议题终止，村里要调整方案后重新提议。',
      confirmText: '退回',
      cancelText: '取消',
    });
    if (!sure) return;
    await giveBack.run(() => mattersApi.file(m.villageId, m.id, 'return', reason.trim()), {
      done: '已退回',
      failed: '没有退回成功，请稍后再试。',
      onDone: () => onDone(),
    });
  }

  return (
    <View className="filings__decide">
      <Button type="primary" size="large" block loading={approval.busy} disabled={busy} onClick={approve}>
        审核同意并备案
      </Button>
      <WarningBox text={approval.error} />
      <Text className="matter-parts__label">或者退回</Text>
      <LimitedTextArea
        value={reason}
        onChange={setReason}
        placeholder="退回原因（必填，村里会看到）"
        maxLength={MATTER_REASON.max}
        autoSize
        name="returnReason"
      />
      <Button size="large" block loading={giveBack.busy} disabled={busy} onClick={sendBack}>
        退回村里
      </Button>
      <WarningBox text={giveBack.error} />
    </View>
  );
}
