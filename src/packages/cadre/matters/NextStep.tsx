import { Text, View } from '@tarojs/components';
import type { MatterView, MeetingView } from '../../../../types/matters';
import { countsText, Line } from '../../../components/MatterParts';
import { formatChinaTime } from '../../../services/china-time';
import DiscussForm from './DiscussForm';
import OpenVoteForm from './OpenVoteForm';
import PublishForm from './PublishForm';

function OpenMeeting({ meeting }: { meeting: MeetingView }) {
  return (
    <View className="matters__action" aria-label="正在表决">
      <Text className="matter-parts__label">{`正在表决：${meeting.bodyName}`}</Text>
      <Line label="截止时间" value={formatChinaTime(meeting.closesAt)} />
      <Line label="已参加" value={`${meeting.present} / ${meeting.eligible} 人（网上 ${meeting.online}，现场 ${meeting.inPerson}）`} />
      <Line label="法定人数" value={meeting.quorumShort > 0 ? `还差 ${meeting.quorumShort} 人` : '已达到'} />
      {meeting.counts && <Line label="目前票数" value={countsText(meeting.counts)} />}
      <Text className="matter-parts__hint">
        现场投票由村务监督委员会登记，表决也由监委会结束（到截止时间会自动结束）。结束后按法定人数和票数得出结果，议题自动进入下一阶段。
      </Text>
    </View>
  );
}

/** What can be done at the matter's stage, and only that: the server refuses anything else anyway. */
export default function NextStep({ m, onDone }: { m: MatterView; onDone: () => void }) {
  const open = m.meetings.find((x) => x.state === 'open');
  if (m.status === 'cosigning' && m.cosign) {
    return (
      <View className="matters__action">
        <Text className="matter-parts__label">{`村民联名中：${m.cosign.progress}`}</Text>
        <Text className="matter-parts__hint">{`达到${m.cosign.basis}后，自动转入两委商议。`}</Text>
      </View>
    );
  }
  if (m.status === 'stopped') {
    return (
      <View className="matters__action">
        <Text className="matter-parts__label">议题已终止</Text>
        {m.stopReason && <Text className="matter-parts__text">{m.stopReason}</Text>}
      </View>
    );
  }
  if (m.status === 'filing') {
    return (
      <View className="matters__action">
        <Text className="matter-parts__label">等待镇里审核备案，备案后才能公开决议。</Text>
        <Text className="matter-parts__hint">筹资筹劳方案经村民表决通过后，要报镇里审核备案。</Text>
      </View>
    );
  }
  if (m.status === 'done') return <PublishForm m={m} which="correction" onDone={onDone} />;
  if (open) return <OpenMeeting meeting={open} />;
  switch (m.stage) {
    case '商议':
      return <DiscussForm m={m} onDone={onDone} />;
    case '审议':
    case '决议':
      return <OpenVoteForm m={m} onDone={onDone} />;
    case '决议公开':
      return <PublishForm m={m} which="resolution" onDone={onDone} />;
    case '实施结果公开':
      return <PublishForm m={m} which="outcome" onDone={onDone} />;
    default:
      return null;
  }
}
