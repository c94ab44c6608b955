import { Text, View } from '@tarojs/components';
import Signing from '../../../components/Signing';
import CloseMonthCard from './CloseMonthCard';
import type { Loaded } from './helpers';
import ReopenCard from './ReopenCard';

/**
 * What the month's state lets the 会计 do: close a past open month, wait for the current one to
 * end, reopen a closed one, or only read a published one.
 */
export default function MonthStateCard({
  villageId,
  data,
  current,
  first,
  onChanged,
}: {
  villageId: string;
  data: Loaded;
  current: string | null;
  first: boolean;
  onChanged: () => void;
}) {
  const { view, month } = data;
  return (
    <>
      {view.state === 'open' && current !== null && month < current && (
        <CloseMonthCard key={`close:${month}`} villageId={villageId} data={data} first={first} onClosed={onChanged} />
      )}
      {view.state === 'open' && month === current && (
        <View className="card">
          <Text className="ledger__hint" style={{ margin: 0 }}>
            这个月还没过完，月底之后才能结账。
          </Text>
        </View>
      )}
      {view.state === 'closed' && <ReopenCard key={`reopen:${month}`} villageId={villageId} month={month} signing={view.signing} onReopened={onChanged} />}
      {view.state === 'published' && (
        <View className="card">
          <Text className="ledger__hint" style={{ margin: 0 }}>
            这个月已经签字公示，不能再修改。如需更正，请在以后的月份记一笔调整，并写明原因。
          </Text>
          <Signing signing={view.signing} state="published" />
        </View>
      )}
    </>
  );
}
