import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BindRequestView } from '../../../../types/identity';
import Alert from '../../../components/Alert';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { dateText } from '../../../services/china-time';
import { identityApi } from '../../../services/identity';
import { REFUSAL_NOTE } from '../../../../common/limits';

/** One request: who it says they are, and the two answers a member can give after meeting them. */
export default function Request({ r, villageId, onDone }: { r: BindRequestView; villageId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();

  async function decide(approve: boolean) {
    if (approve) {
      const { confirm } = await Taro.showModal({ title: '确认认证', content: `已当面核对${r.name}本人和身份证，确认这个微信是${r.name}本人的？` });
      if (!confirm) return;
    } else if (note.trim().length < REFUSAL_NOTE.min) {
      return setError('请写明为什么不确认，申请的人会看到。');
    }
    await run(() => identityApi.decideBind(villageId, r.id, approve, approve ? undefined : note.trim()), {
      done: approve ? '已确认' : '已退回',
      failed: '没有处理成功，请稍后再试。',
      onDone,
    });
  }

  return (
    <View className="card" aria-label={`认证申请：${r.name}`}>
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>{r.name}</Text>
      <Text style={{ display: 'block' }}>
        身份证 {r.idMasked} · 户号 {r.householdNo} · {r.relation} · {dateText(r.requestedOn)} 申请
      </Text>
      {r.bound && (
        <View className="warning-box" role="alert">
          注意：这位村民已经有一个微信认证过了。确认这一个之前，请先问清楚是不是换了手机。
        </View>
      )}
      <Text style={{ display: 'block', margin: '8px 0', color: '#595959' }}>请看过本人和身份证再确认：名字和号码别人也可能知道。</Text>
      {error && <Alert text={error} />}
      <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={() => decide(true)}>
        当面核对无误，确认
      </Button>
      <LimitedInput value={note} onChange={setNote} placeholder="不确认的原因（例如：本人说没有申请）" maxLength={REFUSAL_NOTE.max} name="note" />
      <Button size="large" block disabled={busy} onClick={() => decide(false)}>
        不是本人，退回
      </Button>
    </View>
  );
}
