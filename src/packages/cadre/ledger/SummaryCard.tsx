import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { monthText } from '../../../services/finance';
import { dueText, gapText, MONTH_STATE_TEXT, type MonthEntry } from '../../../services/ledger-form';
import { formatFen } from '../../../services/money';
import { STATE_TAG, type Loaded } from './helpers';

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="label-line" aria-label={`${label}：${value}`}>
      <Text className="label-line__label">{label}</Text>
      <Text className="label-line__value">{value}</Text>
    </View>
  );
}

/** The month in figures: balances, income and expense, state, queries waiting, and how late it is. */
export default function SummaryCard({ data, first, entry }: { data: Loaded; first: boolean; entry?: MonthEntry }) {
  const { view } = data;
  const income = view.rows.filter((r) => r.direction === '收入').length;
  const expense = view.rows.length - income;
  // Before closing, the server has no 月初余额 yet; show the one the month will close on.
  const opening = view.openingFen ?? data.expectedOpeningFen;
  const computed = view.computedClosingFen ?? (opening === null ? null : opening + view.incomeFen - view.expenseFen);
  const gap = gapText(computed, view.declaredClosingFen);
  let openingText: string;
  if (view.openingFen !== null) openingText = `${formatFen(view.openingFen)} 元`;
  else if (data.expectedOpeningFen !== null) openingText = `${formatFen(data.expectedOpeningFen)} 元（上月公示的月末余额）`;
  else if (first) openingText = '结账时填写（系统里的第一个月）';
  else openingText = '上个月签字公示后确定';
  return (
    <View className="card" aria-label="本月汇总">
      <View className="ledger__head">
        <Text className="ledger__title">{monthText(view.month)}</Text>
        <Tag type={STATE_TAG[view.state]}>{MONTH_STATE_TEXT[view.state]}</Tag>
      </View>
      <Line label="月初余额" value={openingText} />
      <Line label="收入" value={`${formatFen(view.incomeFen)} 元（${income} 笔）`} />
      <Line label="支出" value={`${formatFen(view.expenseFen)} 元（${expense} 笔）`} />
      <Line label="按收支算出的月末余额" value={computed === null ? '—' : `${formatFen(computed)} 元`} />
      <Line label="登记的月末余额" value={view.declaredClosingFen === null ? '结账时填写' : `${formatFen(view.declaredClosingFen)} 元`} />
      <Line label="状态" value={MONTH_STATE_TEXT[view.state]} />
      <Line label="待答复的质询" value={`${view.openQueries} 笔`} />
      {entry && dueText(entry) && <Line label="截止" value={dueText(entry) as string} />}
      {gap && (
        <View className="warning-box" role="status">
          <Text>{gap}理财小组签字前要核对清楚；记错了可以重新打开这个月修改后再结账。</Text>
        </View>
      )}
    </View>
  );
}
