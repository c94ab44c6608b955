import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MeetingResult, MeetingView } from '../../../types/matters';
import { RuleLines } from '../../components/MatterParts';
import { dateTimeText } from '../../services/china-time';
import BallotCard, { type Who } from './BallotCard';
import { usePastClosing } from './closing';
import ReceiptCheck from './ReceiptCheck';

function Result({ r }: { r: MeetingResult }) {
  const words = !r.quorumMet ? '⚠ 结果：未达到法定人数，本次表决无效' : r.passed ? '✓ 结果：通过' : '✗ 结果：未通过';
  return (
    <View className="matters__result">
      <Text className={`matters__result-words${r.passed ? ' matters__result-words--passed' : ''}`}>{words}</Text>
      <RuleLines rules={r.rules} />
    </View>
  );
}

/** One vote of the matter: turnout, counts when they may be shown, the result, and the ballot or receipt check. */
export default function MeetingCard({ x, villageId, who, onVoted }: { x: MeetingView; villageId: string; who: Who | null; onVoted: () => void }) {
  const open = x.state === 'open';
  const counting = usePastClosing(x);
  const c = x.counts;
  return (
    <View className={`card matters__meeting${open && !counting ? ' matters__meeting--open' : ''}`} aria-label={`表决：${x.stage} ${x.bodyName}`}>
      <View className="matters__tags">
        <Tag type={counting ? 'warning' : open ? 'danger' : 'default'}>{counting ? '正在计票' : open ? '正在表决' : '表决已结束'}</Tag>
        <Tag type="info">{x.secret ? '不记名投票' : '记名投票'}</Tag>
      </View>
      <Text className="matters__heading">{`${x.stage}：${x.bodyName}`}</Text>
      <Text className="matters__meta">{open ? `截止：${dateTimeText(x.closesAt)}` : `结束：${dateTimeText(x.closedAt ?? x.closesAt)}`}</Text>
      <Text className="matters__turnout">{`应到 ${x.eligible} 人，已参加 ${x.present} 人（网上 ${x.online}，现场 ${x.inPerson}）`}</Text>
      {open &&
        (x.quorumShort > 0 ? (
          <Text className="matters__short">{`还差 ${x.quorumShort} 人达到法定人数`}</Text>
        ) : (
          <Text className="matters__quorum">✓ 已达到法定人数</Text>
        ))}
      {c ? (
        <View>
          {open && <Text className="matters__hint">票数实时公布：</Text>}
          <Text className="matters__counts">{`同意 ${c.同意} 票，不同意 ${c.不同意} 票，弃权 ${c.弃权} 票`}</Text>
        </View>
      ) : (
        <Text className="matters__hint">表决结束后公布票数</Text>
      )}
      {x.result && <Result r={x.result} />}
      {counting && (
        <View className="matters__ballot">
          <Text className="matters__notice">已到截止时间，正在计票</Text>
          <Text className="matters__hint">不能再投票了。计票结束后，结果会公布在这里。</Text>
        </View>
      )}
      {open && !counting && <BallotCard x={x} villageId={villageId} who={who} onVoted={onVoted} />}
      {!open && x.secret && <ReceiptCheck x={x} villageId={villageId} />}
    </View>
  );
}
