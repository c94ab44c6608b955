import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MeetingView } from '../../../types/matters';
import { LimitedInput } from '../../components/Limited';
import { useRequest } from '../../hooks/useRequest';
import { mattersApi } from '../../services/matters';
import { bare, RECEIPT_LENGTH, storedReceipt } from './receipts';

/** After a secret vote: every receipt with its choice, so a voter can find their own. */
export default function ReceiptCheck({ x, villageId }: { x: MeetingView; villageId: string }) {
  const list = useRequest(`receipts:${villageId}:${x.id}`, () => mattersApi.receipts(villageId, x.id));
  const [code, setCode] = useState(() => storedReceipt(x.id));
  const [all, setAll] = useState(false);
  const receipts = list.data?.receipts ?? [];
  const wanted = bare(code);
  const found = wanted ? receipts.find((r) => bare(r.receipt) === wanted) : undefined;

  return (
    <View className="matters__check" aria-label="核对回执">
      <Text className="matters__heading">核对回执</Text>
      <Text className="matters__hint">下面公布了这次每一张选票的回执号和选择。输入您的回执号，看看您的票有没有按您投的记上。</Text>
      <View className="matters__input">
        <LimitedInput value={code} onChange={setCode} placeholder="输入回执号，例如 ABCD-EFGH-JKLM-NPQR" maxLength={24} name="receipt" />
      </View>
      {list.error && <Text className="warning-box">{list.error.message}</Text>}
      {list.data &&
        wanted.length > 0 &&
        (found ? (
          <Text className="matters__found">{`✓ 找到了：这张票记的是“${found.choice}”`}</Text>
        ) : wanted.length < RECEIPT_LENGTH ? (
          <Text className="matters__hint">回执号是 16 个字母和数字，请输完整。</Text>
        ) : (
          <Text className="warning-box">没有找到这个回执号。请看看有没有抄错；确实没有，请告诉村务监督委员会。</Text>
        ))}
      {list.data && (
        <View className="matters__actions">
          <Button size="large" block aria-expanded={all} onClick={() => setAll((v) => !v)}>
            {all ? '收起全部回执' : `查看全部回执（${receipts.length} 张）`}
          </Button>
        </View>
      )}
      {all && (
        <View className="matters__receipts" role="list" aria-label="全部回执">
          {receipts.map((r) => (
            <View key={r.receipt} role="listitem" aria-label={`回执 ${r.receipt}：${r.choice}`} className="matters__receipt-row">
              <Text className="matters__receipt-row-code">{r.receipt}</Text>
              <Text className="matters__receipt-row-choice">{r.choice}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
