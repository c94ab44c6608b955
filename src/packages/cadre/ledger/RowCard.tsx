import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { LedgerRow, MonthState } from '../../../../types/finance';
import Alert from '../../../components/Alert';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { financeApi } from '../../../services/finance';
import { formatFen } from '../../../services/money';
import { openAttachment } from '../../../services/open-file';
import { LEDGER_QUERY } from '../../../../common/limits';

/** One row of the month: its vouchers, the panel's query and the 会计's answer, and deleting it while the month is open. */
export default function RowCard({ villageId, row, state, onChanged }: { villageId: string; row: LedgerRow; state: MonthState; onChanged: () => void }) {
  const [answer, setAnswer] = useState('');
  // Deleting says how it went in a toast; an answer's refusal stays by the answer. Either holds both buttons.
  const removing = useAction();
  const replying = useAction();
  const busy = removing.busy || replying.busy;
  const images = row.vouchers.filter((v) => v.mime !== 'application/pdf');

  async function remove() {
    const sure = await Taro.showModal({
      title: '删除这一笔？',
      content: `${row.date} ${row.direction} ${formatFen(row.amountFen)} 元，${row.summary}`,
      confirmText: '确定删除',
      cancelText: '不删',
    }).catch(() => null);
    if (!sure?.confirm) return;
    await removing.run(() => financeApi.removeRow(villageId, row.id), { done: '已删除', failed: '没有删除成功，请稍后再试。', toast: true, onDone: onChanged });
  }

  async function reply() {
    const text = answer.trim();
    if (text.length < LEDGER_QUERY.min) return replying.setError(`请写下答复（至少 ${LEDGER_QUERY.min} 个字），理财小组会看到。`);
    await replying.run(() => financeApi.answerQuery(villageId, row.id, text), { done: '已答复', failed: '没有答复成功，请稍后再试。', onDone: onChanged });
  }

  return (
    <View className="card ledger__row" aria-label={`账目：${row.date} ${row.summary}`}>
      <View className="ledger__head">
        <Tag type={row.direction === '收入' ? 'success' : 'default'}>{row.direction === '收入' ? '收' : '支'}</Tag>
        <Text className="ledger__row-amount">
          {row.direction} {formatFen(row.amountFen)} 元
        </Text>
      </View>
      <Text className="ledger__row-line">
        {row.date} · {row.account}
      </Text>
      <Text className="ledger__row-line" style={{ fontWeight: 600 }}>
        {row.summary}
      </Text>
      <Text className="ledger__row-line ledger__muted">
        对方：{row.counterparty || '（未填）'}　经手人：{row.handler || '（未填）'}
      </Text>
      {row.adjusts && <Text className="ledger__row-line ledger__muted">调整分录：{row.adjusts.reason}</Text>}
      {row.flags.map((f) => (
        <Text key={f} className="ledger__flag">
          提示：{f}
        </Text>
      ))}
      {row.vouchers.length > 0 && (
        <View className="ledger__vouchers">
          {row.vouchers.map((v, i) => (
            <Button key={v.id} size="normal" onClick={() => openAttachment(v, images)}>
              看凭证 {i + 1}
            </Button>
          ))}
        </View>
      )}
      {row.query && (
        <View className="ledger__query">
          <Text style={{ display: 'block' }}>理财小组质询：{row.query.reason}</Text>
          {row.query.answer !== null ? (
            <Text style={{ display: 'block', marginTop: '8px', color: '#1a1a1a' }}>会计答复：{row.query.answer}</Text>
          ) : (
            <View style={{ marginTop: '8px' }}>
              <LimitedInput value={answer} onChange={setAnswer} placeholder="答复质询" maxLength={LEDGER_QUERY.max} name="answer" />
              {replying.error && <Alert text={replying.error} />}
              <View className="ledger__actions">
                <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={reply}>
                  答复
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
      {state === 'open' && (
        <View className="ledger__row-tools">
          <Button size="normal" disabled={busy} aria-label={`删除：${row.date} ${row.summary}`} onClick={remove}>
            删除
          </Button>
        </View>
      )}
    </View>
  );
}
