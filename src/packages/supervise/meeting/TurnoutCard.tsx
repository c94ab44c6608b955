import { Text, View } from '@tarojs/components';
import type { MeetingView } from '../../../../types/matters';
import { countsText } from '../../../components/MatterParts/words';

/** Who has taken part so far, against the quorum; the running counts when the vote shows them. */
export default function TurnoutCard({ meeting }: { meeting: MeetingView }) {
  return (
    <View className="card" aria-label="到会情况">
      <Text className="meeting__big">
        应到 {meeting.eligible}，已参加 {meeting.present}（网上 {meeting.online}，现场 {meeting.inPerson}）
      </Text>
      <Text className={meeting.quorumShort > 0 ? 'meeting__text meeting__short' : 'meeting__text meeting__met'}>
        {meeting.quorumShort > 0 ? `还差 ${meeting.quorumShort} 人达到法定人数` : '已达到法定人数'}
      </Text>
      {meeting.state === 'open' && meeting.counts && <Text className="meeting__text">实时计数：{countsText(meeting.counts)}</Text>}
    </View>
  );
}
