import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ContractView, type Installment, PAY_SCHEDULE_LABEL } from '../../../types/assets';
import { chinaDay, dateText } from '../../services/china-time';
import { Line, yuan } from './words';

function installmentText(i: Installment, today: string): string {
  const state =
    i.paidFen >= i.amountFen
      ? '已交清'
      : i.due > today
        ? '还没到期'
        : i.paidFen > 0
          ? `已交 ${yuan(i.paidFen)}，还欠 ${yuan(i.amountFen - i.paidFen)}`
          : `没交，欠 ${yuan(i.amountFen)}`;
  return `${dateText(i.due)} 应交 ${yuan(i.amountFen)}：${state}`;
}

/**
 * The rest of a contract: how it is paid, each payment fallen due and the next one (a thirty-year
 * contract paid by the quarter has 120: the later ones are counted, not listed), the rent received
 * from the books, and what renewed or ended it.
 */
export default function ContractDetails({ c, villageId }: { c: ContractView; villageId: string }) {
  const today = chinaDay();
  const shown = c.installments.filter((i) => i.due <= today);
  const later = c.installments.filter((i) => i.due > today);
  const decision = c.decision;
  return (
    <View className="village-assets__details" aria-label="付款计划和收款记录">
      <Line label="怎么付" value={PAY_SCHEDULE_LABEL[c.schedule]} />
      <Line label="押金" value={c.depositFen > 0 ? yuan(c.depositFen) : '没有押金'} />
      <Text className="village-assets__subtitle">应交的钱</Text>
      {[...shown, ...later.slice(0, 1)].map((i) => (
        <Text key={i.due} className={`village-assets__item${i.due <= today && i.paidFen < i.amountFen ? ' village-assets__bad' : ''}`}>
          {installmentText(i, today)}
        </Text>
      ))}
      {later.length > 1 && <Text className="village-assets__item">以后还有 {later.length - 1} 期。</Text>}
      <Text className="village-assets__subtitle">收到的钱（村里账上记的）</Text>
      {c.receipts.length === 0 ? (
        <Text className="village-assets__item">{c.rentCounted === 'published' ? '已公示的账上还没有收到。' : '还没有收到。'}</Text>
      ) : (
        c.receipts.map((r) => (
          <Text key={r.rowId} className="village-assets__item">
            {dateText(r.date)} 收 {yuan(r.amountFen)}：{r.summary}
          </Text>
        ))
      )}
      {decision?.kind === 'matter' && (
        <View
          className="village-assets__link"
          role="link"
          onClick={() => Taro.navigateTo({ url: `/pages/matters/index?villageId=${villageId}&matterId=${decision.matterId}` })}
        >
          看批准它的一事一议 ›
        </View>
      )}
      {c.renews && <Text className="village-assets__item">这份合同是续签的。</Text>}
      {c.renewedBy && <Text className="village-assets__item">已经续签了新合同。</Text>}
      {c.terminated && (
        <Text className="village-assets__item village-assets__bad">
          {dateText(c.terminated.on)} 解除：{c.terminated.reason}
        </Text>
      )}
      {c.note && <Text className="village-assets__item keep-lines">备注：{c.note}</Text>}
    </View>
  );
}
