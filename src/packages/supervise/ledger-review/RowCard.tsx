import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { LedgerRow } from '../../../../types/finance';
import { StillNeeded } from '../../../components/FormHints';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { dateText } from '../../../services/china-time';
import { financeApi } from '../../../services/finance';
import { formatFen } from '../../../services/money';
import { openAttachment } from '../../../services/open-file';
import { LEDGER_QUERY } from '../../../../common/limits';

/** One row as the panel checks it, with its vouchers, and a query the 会计 must answer. */
export default function RowCard({ villageId, row, canQuery, onQueried }: { villageId: string; row: LedgerRow; canQuery: boolean; onQueried: () => void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const sending = useAction();
  const waiting = row.query !== null && row.query.answer === null;

  async function send() {
    await sending.run(() => financeApi.queryRow(villageId, row.id, reason.trim()), {
      done: '已提交质询，等待会计答复',
      failed: '质询没有提交成功，请稍后再试。',
      onDone: () => {
        onQueried();
        setAsking(false);
        setReason('');
      },
    });
  }

  return (
    <View className="card" aria-label={`账目：${row.date} ${row.summary}`}>
      <View className="ledger-review__row-head">
        <View style={{ flexShrink: 0 }}>
          <Tag type={row.direction === '收入' ? 'success' : 'primary'}>{row.direction}</Tag>
        </View>
        <Text>
          {dateText(row.date)} · {row.account}
        </Text>
      </View>
      <Text className="ledger-review__amount">{formatFen(row.amountFen)} 元</Text>
      <Text className="ledger-review__detail">摘要：{row.summary}</Text>
      <Text className="ledger-review__detail">
        {row.direction === '收入' ? '付款方' : '收款方'}：{row.counterparty}
      </Text>
      <Text className="ledger-review__detail">经手人：{row.handler}</Text>
      {row.vouchers.length > 0 ? (
        <Text className="ledger-review__link" onClick={() => openAttachment(row.vouchers[0], row.vouchers)}>
          查看凭证 {row.vouchers.length} 张 ›
        </Text>
      ) : (
        <Text className="ledger-review__detail">凭证：0 张</Text>
      )}
      {row.adjusts && <Text className="ledger-review__flag">调整分录：{row.adjusts.reason}</Text>}
      {row.flags.map((f) => (
        <Text key={f} className="ledger-review__flag">
          提示：{f}
        </Text>
      ))}

      {row.query && (
        <View className="ledger-review__query">
          <Text style={{ display: 'block' }}>质询：{row.query.reason}</Text>
          {row.query.answer === null ? (
            <Text className="ledger-review__waiting">等待会计答复</Text>
          ) : (
            <Text className="ledger-review__answer">会计答复：{row.query.answer}</Text>
          )}
        </View>
      )}

      {canQuery && !waiting && !asking && (
        <View className="ledger-review__actions">
          <Button size="large" block onClick={() => setAsking(true)}>
            {row.query ? '继续质询' : '质询'}
          </Button>
        </View>
      )}
      {canQuery && asking && (
        <View className="ledger-review__actions">
          <LimitedInput value={reason} onChange={setReason} placeholder="质询原因（会计需要答复）" maxLength={LEDGER_QUERY.max} name="queryReason" />
          {sending.error && (
            <View className="warning-box" role="alert">
              {sending.error}
            </View>
          )}
          <StillNeeded items={[reason.trim().length < LEDGER_QUERY.min && `写质询原因（至少 ${LEDGER_QUERY.min} 个字）`]} />
          <Button type="primary" size="large" block loading={sending.busy} disabled={sending.busy || reason.trim().length < LEDGER_QUERY.min} onClick={send}>
            提交质询
          </Button>
          <Button size="large" block onClick={() => setAsking(false)}>
            取消
          </Button>
        </View>
      )}
    </View>
  );
}
