import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { FundingPlan, MatterSummary, MeetingView } from '../../../../types/matters';
import { BODY_NAMES } from '../../../../types/matters';
import { DetailPending, Line, PlanLines, ResultLines, VoteBox, verdictOf } from '../../../components/MatterParts';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { mattersApi } from '../../../services/matters';
import { formatFen } from '../../../services/money';
import Decide from './Decide';

export type Filing = MatterSummary & { villageId: string; villageName: string };

/** For the review: every count and exemption on its own line, and when the village saw the plan. */
function Plan({ f }: { f: FundingPlan }) {
  return (
    <PlanLines f={f}>
      <Line label="出资人数" value={`${f.payers} 人`} />
      <Line label="预计筹资" value={`${formatFen(f.raisedFen)} 元`} />
      <Line label="出劳人数" value={`${f.labourers} 人（劳动年龄村民）`} />
      <Line label="低保户免交" value={`${f.exempt.lowIncome} 人`} />
      <Line label="现役军人免除" value={`${f.exempt.soldiers} 人`} />
      <Line label="未满 18 周岁不筹" value={`${f.exempt.minors} 人`} />
      {f.notes ? <Line label="其他减免" value={f.notes} /> : null}
      <Line label="向村民公开于" value={formatChinaTime(f.publicisedAt)} />
    </PlanLines>
  );
}

function VoteResult({ meeting }: { meeting: MeetingView }) {
  const r = meeting.result;
  if (!r) return null;
  const verdict = verdictOf(r);
  return (
    <VoteBox label={`${meeting.stage}：${meeting.bodyName}，${verdict}`} title={`${meeting.stage}·${meeting.bodyName}：${verdict}`}>
      <ResultLines r={r} lead={`${formatChinaTime(meeting.closedAt ?? meeting.closesAt)} 结束；`} />
    </VoteBox>
  );
}

interface Props {
  f: Filing;
  expanded: boolean;
  /** null while the caller's roles are still being read. */
  canFile: boolean | null;
  onToggle: () => void;
  onDone: () => void;
}

/** One plan waiting for the township: folded, the village and title; opened, the plan, the votes and the decision. */
export default function FilingCard({ f, expanded, canFile, onToggle, onDone }: Props) {
  const detail = useRequest(expanded ? `filing:${f.villageId}:${f.id}` : null, () => mattersApi.get(f.villageId, f.id));
  const m = detail.data?.id === f.id ? detail.data : undefined;
  return (
    <View className="card filings__item" role="listitem" aria-label={`${f.villageName}：${f.title}`}>
      <View className="filings__head" role="button" aria-expanded={expanded} onClick={onToggle}>
        <View className="filings__head-line">
          <Tag type="warning">{f.villageName}</Tag>
          <Text className="filings__chevron">{expanded ? '收起 ▴' : '审核 ▾'}</Text>
        </View>
        <Text className="filings__title">{f.title}</Text>
        <Text className="matter-parts__hint">{`提出于 ${formatChinaTime(f.createdAt)}`}</Text>
      </View>
      {expanded &&
        (m ? (
          <View className="filings__detail">
            <Text className="matter-parts__text">{m.summary}</Text>
            <Line label="决议由" value={BODY_NAMES[m.decisionBody]} />
            {m.funding && <Plan f={m.funding} />}
            <Text className="matter-parts__label">表决结果</Text>
            {m.meetings.filter((x) => x.result).length === 0 ? (
              <Text className="matter-parts__hint">没有表决记录。</Text>
            ) : (
              m.meetings.map((x) => <VoteResult key={x.id} meeting={x} />)
            )}
            {canFile === true && <Decide m={m} onDone={onDone} />}
            {canFile === false && <Text className="matter-parts__hint">审核备案由镇管理员办理。</Text>}
          </View>
        ) : (
          <DetailPending error={detail.error} onRetry={detail.reload} />
        ))}
    </View>
  );
}
