import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import PageShell from '../../../components/PageShell';
import MeetingDetail from './MeetingDetail';
import MeetingList from './MeetingList';
import './index.scss';

/**
 * 表决现场登记与计票 of the 村务监督委员会: the village's votes under way (and recent ones for a
 * recount), and for one meeting the in-person record against the frozen list, the paper box of a
 * secret ballot, closing and recounting. The server decides everything; refusals are shown by
 * the control that caused them.
 */
export default function MeetingPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const meetingId = params.meetingId;
  if (!villageId) {
    return (
      <View className="page meeting">
        <PageShell loading={false} error={{ code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' }} />
      </View>
    );
  }
  return (
    <View className="page meeting">
      {meetingId ? <MeetingDetail villageId={villageId} matterId={params.matterId} meetingId={meetingId} /> : <MeetingList villageId={villageId} />}
    </View>
  );
}
