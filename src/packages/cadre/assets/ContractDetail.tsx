import { Text, View } from '@tarojs/components';
import type { ContractView } from '../../../../types/assets';
import { formatFen } from '../../../services/money';

/** What falls due when and how much of it is paid, then each sum received from the ledger. */
export default function ContractDetail({ contract: c, today }: { contract: ContractView; today: string }) {
  return (
    <View className="cadre-assets__detail">
      <Text className="cadre-assets__sub">分期应交（{c.installments.length} 期）</Text>
      {c.installments.map((i) => {
        const owed = i.amountFen - i.paidFen;
        const state = owed === 0 ? '已交清' : i.due < today ? `欠 ${formatFen(owed)} 元` : i.paidFen > 0 ? `已交 ${formatFen(i.paidFen)} 元` : '未到期';
        return (
          <View key={i.due} className="label-line" aria-label={`${i.due} 应交 ${formatFen(i.amountFen)} 元：${state}`}>
            <Text className="label-line__label">
              {i.due} 应交 {formatFen(i.amountFen)} 元
            </Text>
            <Text className={`label-line__value${owed > 0 && i.due < today ? ' cadre-assets__owed' : ''}`}>{state}</Text>
          </View>
        );
      })}
      <Text className="cadre-assets__sub">收款记录（{c.receipts.length} 笔，来自账本）</Text>
      {c.receipts.length === 0 ? (
        <Text className="cadre-assets__hint">还没有收到过。收到租金时，在“记账与月结”里记收入，并选上这份合同。</Text>
      ) : (
        c.receipts.map((r) => (
          <View key={r.rowId} className="label-line">
            <Text className="label-line__label">
              {r.date} {r.summary}
            </Text>
            <Text className="label-line__value">{formatFen(r.amountFen)} 元</Text>
          </View>
        ))
      )}
    </View>
  );
}
