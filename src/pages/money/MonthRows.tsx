import { Text, View } from '@tarojs/components';
import type { MonthView } from '../../../types/finance';
import PageShell from '../../components/PageShell';
import type { RequestState } from '../../hooks/useRequest';
import { chinaDay } from '../../services/china-time';
import { monthText } from '../../services/finance';
import RowCard from './RowCard';

/** Every entry of the month on screen; the one a link named (`rowId`) is marked. */
export default function MonthRows({ rows, villageId, pickedRowId }: { rows: RequestState<MonthView>; villageId: string; pickedRowId: string | undefined }) {
  return (
    <PageShell loading={rows.loading} error={rows.error} onRetry={rows.reload}>
      {rows.data && (
        <View aria-label={`${monthText(rows.data.month)}明细`}>
          <Text className="section-title" style={{ display: 'block' }}>
            {monthText(rows.data.month)}明细（{rows.data.rows.length} 笔，{rows.data.publishedAt ? `${chinaDay(rows.data.publishedAt)} 公示` : ''}）
          </Text>
          {rows.data.rows.map((r) => (
            <RowCard key={r.id} row={r} villageId={villageId} picked={r.id === pickedRowId} />
          ))}
        </View>
      )}
    </PageShell>
  );
}
