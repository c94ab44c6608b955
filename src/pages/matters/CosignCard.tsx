import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MatterView } from '../../../types/matters';
import { useAction } from '../../hooks/useAction';
import { confirmFirst } from '../../services/confirm';
import { mattersApi } from '../../services/matters';

/** 村民联名: how many have signed, and the one tap to add one's own name. */
export default function CosignCard({ m, villageId, onChanged }: { m: MatterView; villageId: string; onChanged: (m: MatterView) => void }) {
  const c = m.cosign;
  const signing = useAction();
  if (!c) return null;

  async function sign() {
    const sure = await confirmFirst({ title: '联名提议？', content: `您的名字会记在“${m.title}”的联名人里，联名后不能撤回。`, confirmText: '确认联名' });
    if (!sure) return;
    await signing.run(() => mattersApi.cosign(villageId, m.id), {
      // The toast depends on the answer (enough names moves the matter on): three seconds either way.
      done: (next) => ({ title: next.status === 'cosigning' ? '已联名' : '已联名，人数够了，交给两委商议', duration: 3000 }),
      failed: '联名没有成功，请稍后再试。',
      onDone: (next) => onChanged(next),
    });
  }

  return (
    <View className="card" aria-label="村民联名">
      <Text className="matters__heading">村民联名</Text>
      <Text className="matters__big">{c.progress}</Text>
      <Text className="matters__hint">{`联名人数够了，议题就交给村两委商议。要求是：${c.basis}。`}</Text>
      <View className="matters__actions">
        <Button type="primary" size="large" block loading={signing.busy} disabled={c.mine || signing.busy} onClick={sign}>
          {c.mine ? '您已联名' : '我也联名'}
        </Button>
      </View>
      {signing.error && <Text className="warning-box">{signing.error}</Text>}
    </View>
  );
}
