import { Text, View } from '@tarojs/components';
import type { PeriodReport } from '../../../types/finance';
import { formatFen } from '../../services/money';
import Bars from './Bars';

/** One period's report: in and out (against last year when the server says it compares), by account, the largest. */
export default function PeriodCard({ report }: { report: PeriodReport }) {
  // Whether and how to compare with last year is the server's call (like months only).
  const c = report.comparison;
  return (
    <View className="card" aria-label={`${report.label}收支`}>
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>{report.label}</Text>
      {report.coverage && <Text className="money__coverage">按已公示的 {report.coverage}计算</Text>}
      <Text style={{ display: 'block', marginTop: '6px' }}>
        收入 {formatFen(report.incomeFen)} 元{c.comparable ? `，${c.income.words}` : ''}
      </Text>
      <Text style={{ display: 'block' }}>
        支出 {formatFen(report.expenseFen)} 元{c.comparable ? `，${c.expense.words}` : ''}
      </Text>
      {!c.comparable && <Text className="money__no-compare">{c.reason}。</Text>}
      {report.gapFen !== null && report.gapFen !== 0 && (
        <Text style={{ display: 'block', color: '#a8071a' }}>
          ⚠ 这段时间的账对不上：期初 + 收入 − 支出 与期末相差 {formatFen(Math.abs(report.gapFen))} 元（可能有月份还没公示）。
        </Text>
      )}
      <Text style={{ display: 'block', marginTop: '12px', fontWeight: 600 }}>收入从哪里来</Text>
      <Bars list={report.byCategory} direction="收入" />
      <Text style={{ display: 'block', marginTop: '12px', fontWeight: 600 }}>钱花在哪里</Text>
      <Bars list={report.byCategory} direction="支出" />
      {report.largest.length > 0 && (
        <View style={{ marginTop: '12px' }}>
          <Text style={{ display: 'block', fontWeight: 600 }}>金额最大的几笔</Text>
          {report.largest.map((l) => (
            <Text key={l.rowId} style={{ display: 'block' }}>
              {l.date} {l.direction} {formatFen(l.amountFen)} 元 · {l.account} · {l.summary}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
