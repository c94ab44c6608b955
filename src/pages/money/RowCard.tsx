import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { LedgerRow } from '../../../types/finance';
import { useAsk } from '../../components/AskBox';
import { LimitedTextArea } from '../../components/Limited';
import TagLine from '../../components/TagLine';
import { formatFen } from '../../services/money';
import { openAttachment } from '../../services/open-file';
import { TICKET_TEXT } from '../../../common/limits';

/** One entry of the month, its vouchers, what deserves a second look, and 问一问 for a question about it. */
export default function RowCard({ row, villageId, picked }: { row: LedgerRow; villageId: string; picked: boolean }) {
  // A one-line question box: a refusal is said in a toast rather than kept on the card.
  const { asking, setAsking, text, setText, ask } = useAsk(villageId, { type: 'ledger', month: row.month, rowId: row.id });
  return (
    <View className={`card${picked ? ' money__row--picked' : ''}`} aria-label={`账目：${row.date} ${row.summary}`}>
      <TagLine type={row.direction === '收入' ? 'success' : 'default'} tag={row.direction}>
        <Text style={{ fontSize: '18px', fontWeight: 600 }}>{formatFen(row.amountFen)} 元</Text>
        <Text style={{ color: '#595959' }}>{row.date}</Text>
      </TagLine>
      <Text style={{ display: 'block', marginTop: '4px' }}>
        {row.account} · {row.summary}
        {row.counterparty ? ` · ${row.counterparty}` : ''}
      </Text>
      {row.adjusts && <Text style={{ display: 'block', color: '#ad6800' }}>调整分录：{row.adjusts.reason}</Text>}
      {row.flags.map((f) => (
        <Text key={f} style={{ display: 'block', color: '#a8071a' }}>
          ⚠ 值得留意：{f}
        </Text>
      ))}
      {row.vouchers.map((v) => (
        <Text key={v.id} style={{ display: 'block', color: '#1677ff' }} onClick={() => openAttachment(v, row.vouchers)}>
          凭证：{v.name} ›
        </Text>
      ))}
      {asking ? (
        <View>
          <LimitedTextArea value={text} onChange={setText} placeholder="想问这一笔什么？" maxLength={TICKET_TEXT.max} />
          <Button type="primary" size="large" block disabled={text.trim().length < TICKET_TEXT.min} onClick={ask}>
            提交问题
          </Button>
        </View>
      ) : (
        <Button size="normal" onClick={() => setAsking(true)}>
          问一问这笔
        </Button>
      )}
    </View>
  );
}
