import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { meetingUrl, type Found } from './helpers';
import { loadMeetings } from './meetings';

function MeetingLine({ villageId, found }: { villageId: string; found: Found }) {
  const { matter, meeting } = found;
  const open = meeting.state === 'open';
  return (
    <View className="card meeting__line" aria-label={`表决：${matter.title}`}>
      <Text className="meeting__title">{matter.title}</Text>
      <Text className="meeting__text">
        {meeting.stage} · {meeting.bodyName}
        {meeting.secret ? ' · 不记名' : ''}
      </Text>
      {open ? (
        <>
          <Text className="meeting__text">截止：{formatChinaTime(meeting.closesAt)}</Text>
          <Text className="meeting__text">
            应到 {meeting.eligible}，已参加 {meeting.present}
          </Text>
        </>
      ) : (
        <Text className="meeting__text">结束于：{meeting.closedAt ? formatChinaTime(meeting.closedAt) : '—'}</Text>
      )}
      <Button
        className="meeting__open"
        size="large"
        block
        type={open ? 'primary' : 'default'}
        onClick={() => Taro.navigateTo({ url: meetingUrl(villageId, matter.id, meeting.id) })}
      >
        {open ? '现场登记与计票' : '查看结果与复核计票'}
      </Button>
    </View>
  );
}

/** The village's votes under way, and the newest closed ones for a recount. */
export default function MeetingList({ villageId }: { villageId: string }) {
  const list = useRequest(`meetings:${villageId}`, () => loadMeetings(villageId));
  const open = list.data?.open ?? [];
  const closed = list.data?.closed ?? [];
  return (
    <PageShell
      loading={!list.data && !list.error}
      error={list.error}
      onRetry={list.reload}
      empty={open.length === 0 && closed.length === 0}
      emptyTitle="现在没有正在进行的表决"
      emptyDescription="村里发起党员大会、村民会议或村民代表会议表决后，会出现在这里。"
    >
      <Text className="section-title meeting__section">正在进行的表决</Text>
      {open.length === 0 ? (
        <View className="card">
          <Text className="meeting__text">现在没有正在进行的表决</Text>
        </View>
      ) : (
        open.map((f) => <MeetingLine key={f.meeting.id} villageId={villageId} found={f} />)
      )}
      {closed.length > 0 && (
        <>
          <Text className="section-title meeting__section">最近结束的表决（可以复核计票）</Text>
          {closed.map((f) => (
            <MeetingLine key={f.meeting.id} villageId={villageId} found={f} />
          ))}
        </>
      )}
    </PageShell>
  );
}
