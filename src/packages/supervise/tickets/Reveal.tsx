import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Alert from '../../../components/Alert';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { ticketsApi } from '../../../services/disclosure';
import { TICKET_TEXT } from '../../../../common/limits';

/**
 * 镇纪委 only: who sent an anonymous report, when checking it needs that. The reason is required
 * and goes into the township's audit record with who asked; the page says so before anything is
 * shown, and asks once more, because it cannot be taken back.
 */
export default function Reveal({ villageId, ticketId }: { villageId: string; ticketId: string }) {
  const [reason, setReason] = useState('');
  const [who, setWho] = useState<{ name: string | null; verified: boolean } | null>(null);
  const look = useAction();

  async function reveal() {
    if (reason.trim().length < TICKET_TEXT.min) {
      look.setError(`请写明为什么需要查看（至少 ${TICKET_TEXT.min} 个字），会记录在案。`);
      return;
    }
    const sure = await Taro.showModal({
      title: '查看匿名反映人',
      content: '查看后会留下记录（谁、何时、为什么），不能撤回。确定要查看吗？',
      confirmText: '确定查看',
      cancelText: '取消',
    }).catch(() => null);
    if (!sure?.confirm) return;
    await look.run(() => ticketsApi.reveal(villageId, ticketId, reason.trim()), { failed: '没有查到，请稍后再试。', onDone: setWho });
  }

  if (who) {
    return (
      <View className="ticket__reveal" aria-label="匿名反映人">
        <Text className="ticket__line">{who.name ? `反映人：${who.name}（已认证村民）` : '提交时没有认证村民身份，查不到是谁。'}本次查看已记录。</Text>
      </View>
    );
  }
  return (
    <View className="ticket__reveal" aria-label="查看匿名反映人">
      <Text className="ticket__note">镇纪委核查需要时，可以查看这条匿名反映是谁提交的。查看会留下记录。</Text>
      <LimitedInput value={reason} onChange={setReason} placeholder="查看原因（必填，会记录在案）" maxLength={TICKET_TEXT.max} name="revealReason" />
      {look.error && <Alert text={look.error} />}
      <Button size="large" block loading={look.busy} disabled={look.busy} onClick={reveal}>
        查看反映人
      </Button>
    </View>
  );
}
