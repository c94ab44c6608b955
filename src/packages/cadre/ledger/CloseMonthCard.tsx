import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Alert from '../../../components/Alert';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { confirmFirst } from '../../../services/confirm';
import { financeApi } from '../../../services/finance';
import { gapText } from '../../../services/ledger-form';
import { formatFen, parseYuan } from '../../../services/money';
import { ApiCallError } from '../../../services/transport';
import type { Loaded } from './helpers';

const FIRST_MONTH = '这是系统里第一个结账的月份';

/** Closing a past month on the balance from the bank statement and the cash box; the first month also takes its 月初余额. */
export default function CloseMonthCard({ villageId, data, first, onClosed }: { villageId: string; data: Loaded; first: boolean; onClosed: () => void }) {
  const [closing, setClosing] = useState('');
  const [opening, setOpening] = useState('');
  // The server is the judge of which month is the first; its message asks for 月初余额.
  const [askOpening, setAskOpening] = useState(false);
  const action = useAction();
  const { setError } = action;
  const needOpening = first || askOpening;
  const { view } = data;

  const typed = parseYuan(closing);
  const openingTyped = parseYuan(opening);
  const openingFen = data.expectedOpeningFen ?? (needOpening && openingTyped.ok ? openingTyped.fen : null);
  const live = typed.ok && openingFen !== null ? gapText(openingFen + view.incomeFen - view.expenseFen, typed.fen) : null;

  async function close() {
    if (!typed.ok) return setError(closing.trim() ? `月末余额：${typed.message}` : '请填写月末余额（银行存款加库存现金）。');
    // Books that do not add up cannot be closed (the server refuses them too): say so, rather than ask.
    if (live && openingFen !== null) {
      const computed = openingFen + view.incomeFen - view.expenseFen;
      return setError(
        `账不平，不能结账：按收支算出的月末余额是 ${formatFen(computed)} 元，填写的是 ${formatFen(typed.fen)} 元，${live}请按银行对账单和库存现金核对月末余额，或检查本月有没有漏记、记错的账。`,
      );
    }
    const sure = await confirmFirst({
      title: '结账？',
      content: '结账后这个月不能再记账，交民主理财小组审核签字；要改须重新打开并写明原因，已有的签字随之作废。',
      confirmText: '结账',
    });
    if (!sure) return;
    let openingInput: number | undefined;
    if (needOpening) {
      if (!openingTyped.ok) return setError(opening.trim() ? `月初余额：${openingTyped.message}` : `${FIRST_MONTH}，请填写月初余额。`);
      openingInput = openingTyped.fen;
    }
    await action.run(
      async () => {
        try {
          await financeApi.closeMonth(villageId, view.month, typed.fen, openingInput);
        } catch (e) {
          // Only the server's "first month" answer asks for it: a refused break also names 月初余额.
          if (e instanceof ApiCallError && e.message.startsWith(FIRST_MONTH)) setAskOpening(true);
          throw e;
        }
      },
      { done: '已结账', failed: '没有结账成功，请稍后再试。', onDone: onClosed },
    );
  }

  return (
    <View className="card" aria-label="月末结账">
      <Text className="ledger__label" style={{ marginTop: 0 }}>
        月末结账
      </Text>
      <Text className="ledger__hint">月末余额按银行对账单和库存现金填写。结账后这个月不能再记账，由民主理财小组审核签字后向村民公示。</Text>
      {needOpening && (
        <View>
          <Text className="ledger__label">月初余额（元）</Text>
          <Text className="ledger__hint">这是系统里第一个结账的月份，请按上月末的银行存款和库存现金填写。以后每月的月初余额会自动接上月。</Text>
          <LimitedInput value={opening} onChange={setOpening} type="digit" placeholder="月初余额（元）" maxLength={20} name="opening" />
        </View>
      )}
      <Text className="ledger__label">月末余额（元）</Text>
      <LimitedInput value={closing} onChange={setClosing} type="digit" placeholder="月末余额（元，按银行对账单和现金）" maxLength={20} name="closing" />
      {live && <Text className="ledger__gap-hint">注意：{live}</Text>}
      {action.error && <Alert text={action.error} />}
      <View className="ledger__actions">
        <Button type="primary" size="large" block loading={action.busy} disabled={action.busy} onClick={close}>
          结账
        </Button>
      </View>
    </View>
  );
}
