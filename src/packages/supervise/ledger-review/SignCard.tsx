import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MonthView } from '../../../../types/finance';
import type { Action } from '../../../hooks/useAction';
import { confirmFirst } from '../../../services/confirm';
import { financeApi } from '../../../services/finance';

/**
 * Signing the month. The page holds `signing`: a refusal (a query unanswered, books off by how
 * much) has to stay in view while the panel acts on it, and goes when they choose another month
 * or send a query.
 */
export default function SignCard({ villageId, view, signing, onSigned }: { villageId: string; view: MonthView; signing: Action; onSigned: () => void }) {
  const left = view.signing.needed - view.signing.signatures.length;

  async function sign() {
    // Whether this signature completes the count decides what it does: say which before asking.
    const more = left - 1;
    const sure = await confirmFirst(
      more > 0
        ? { title: '签字？', content: `您签字后还需 ${more} 人签字，够数后本月账目向全村公示。签字不能撤回。`, confirmText: '签字' }
        : { title: '签字公示？', content: '签字后本月账目马上向全村公示，签字不能撤回，这个月也不能再改。', confirmText: '签字公示' },
    );
    if (!sure) return;
    await signing.run(() => financeApi.sign(villageId, view.month), {
      done: (after) => ({ title: after.state === 'published' ? '已签字，本月账目已公示' : `已签字，${after.signing.summary}`, duration: 2500 }),
      failed: '没有签字成功，请稍后再试。',
      onDone: () => onSigned(),
    });
  }

  return (
    <View className="card">
      <Text className="ledger-review__note" style={{ marginTop: 0 }}>
        每一笔都核对过、质询都有答复、账是平的，才能签字。{view.signing.needed > 1 ? `${view.signing.body}过半数成员签字后` : '签字后'}
        本月账目向全村公示，不能再改。
      </Text>
      {signing.error && (
        <View className="warning-box" role="alert">
          {signing.error}
        </View>
      )}
      <Button type="primary" size="large" block loading={signing.busy} disabled={signing.busy} onClick={sign}>
        {left > 1 ? '签字' : '签字公示'}
      </Button>
    </View>
  );
}
