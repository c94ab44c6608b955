import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MonthView } from '../../../../types/finance';
import Signing from '../../../components/Signing';
import { dateText } from '../../../services/china-time';
import { monthText } from '../../../services/finance';
import { formatFen } from '../../../services/money';
import { STATE_TAG, STATE_TEXT } from './helpers';

function Figure({ label, fen, missing }: { label: string; fen: number | null; missing: string }) {
  return (
    <View className="label-line">
      <Text>{label}</Text>
      <Text className="ledger-review__figure">{fen === null ? missing : `${formatFen(fen)} 元`}</Text>
    </View>
  );
}

/** The month in figures, whether the books balance, queries waiting, and the signatures so far. */
export default function SummaryCard({ view }: { view: MonthView }) {
  const gap = view.computedClosingFen !== null && view.declaredClosingFen !== null ? view.declaredClosingFen - view.computedClosingFen : null;
  return (
    <View className="card" aria-label="本月汇总">
      <View className="ledger-review__row-head">
        <Text className="ledger-review__title">{monthText(view.month)}</Text>
        <View style={{ flexShrink: 0 }}>
          <Tag type={STATE_TAG[view.state]}>{STATE_TEXT[view.state]}</Tag>
        </View>
      </View>
      {view.state === 'open' && <Text className="ledger-review__waiting">会计还没有结账，结账后才能审核签字。</Text>}
      {view.state === 'closed' && view.closedAt && <Text className="ledger-review__note">会计已于 {dateText(view.closedAt)} 结账，请逐笔核对后签字。</Text>}
      {view.state === 'published' && view.publishedAt && <Text className="ledger-review__ok">已于 {dateText(view.publishedAt)} 公示</Text>}

      <Figure label="月初余额" fen={view.openingFen} missing="结账时确定" />
      <Figure label="收入合计" fen={view.incomeFen} missing="" />
      <Figure label="支出合计" fen={view.expenseFen} missing="" />
      <Figure label="按收支算出的月末余额" fen={view.computedClosingFen} missing="结账时确定" />
      <Figure label="会计登记的月末余额" fen={view.declaredClosingFen} missing="结账时登记" />

      {gap !== null && gap !== 0 && (
        <View className="warning-box">
          <Text style={{ display: 'block' }}>账不平：相差 {formatFen(Math.abs(gap))} 元</Text>
          <Text style={{ display: 'block', fontWeight: 400 }}>
            会计登记的月末余额比按收支算出的{gap > 0 ? '多' : '少'} {formatFen(Math.abs(gap))} 元，要请会计核对后重新结账。
          </Text>
        </View>
      )}
      {gap === 0 && <Text className="ledger-review__ok">账平：按收支算出的和会计登记的月末余额一致。</Text>}

      <Text className={view.openQueries > 0 ? 'ledger-review__waiting' : 'ledger-review__note'}>
        {view.openQueries > 0 ? `还有 ${view.openQueries} 笔质询等待会计答复` : '没有等待答复的质询'}
      </Text>
      <Signing signing={view.signing} state={view.state} />
    </View>
  );
}
