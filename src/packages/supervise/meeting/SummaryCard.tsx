import { Text, View } from '@tarojs/components';
import { formatChinaTime } from '../../../services/china-time';
import type { Found } from './helpers';

/** Which vote this is and how it is recorded: by person, or attendance only with a ballot box. */
export default function SummaryCard({ found }: { found: Found }) {
  const { matter, meeting } = found;
  return (
    <View className="card" aria-label="表决概况">
      <Text className="meeting__title">{matter.title}</Text>
      <Text className="meeting__text">
        {meeting.stage} · {meeting.bodyName}
      </Text>
      <Text className="meeting__text">
        {meeting.secret ? '不记名表决：现场只登记到会的人，选票投进票箱，最后统一清点。' : '记名表决：现场按人登记同意、不同意或弃权。'}
      </Text>
      {meeting.state === 'open' ? (
        <Text className="meeting__text">截止：{formatChinaTime(meeting.closesAt)}</Text>
      ) : (
        <Text className="meeting__text meeting__strong">表决已结束（{meeting.closedAt ? formatChinaTime(meeting.closedAt) : '—'}），不能再投票或登记。</Text>
      )}
    </View>
  );
}
