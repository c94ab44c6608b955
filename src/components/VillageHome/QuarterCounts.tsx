import { Text } from '@tarojs/components';
import type { QuarterState } from '../../../types/village';
import { dateText } from '../../services/china-time';

/** A quarter's figures in words: how many of the catalog's items are out, late or missing, and its due date. */
export default function QuarterCounts({ q }: { q: QuarterState }) {
  const c = q.completeness;
  return (
    <>
      <Text className="village-home__count">
        已公开 {q.publishedCount} / {q.requiredCount} 项
      </Text>
      {q.adhocCount > 0 && <Text className="village-home__due">另有专项公开 {q.adhocCount} 项</Text>}
      {(c.late > 0 || c.missing > 0) && (
        <Text className="village-home__late">
          {c.late > 0 ? `逾期公开 ${c.late} 项` : ''}
          {c.late > 0 && c.missing > 0 ? '，' : ''}
          {c.missing > 0 ? `超过截止日期仍未公开 ${c.missing} 项` : ''}
        </Text>
      )}
      <Text className="village-home__due">截止日期：{dateText(q.dueDate)}</Text>
    </>
  );
}
