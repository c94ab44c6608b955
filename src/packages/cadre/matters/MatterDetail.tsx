import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FundingPlan, MatterView, MeetingView } from '../../../../types/matters';
import { BODY_NAMES, STAGES } from '../../../../types/matters';
import { Line, PlanLines, ResultLines, VoteBox, verdictOf } from '../../../components/MatterParts';
import { formatChinaTime } from '../../../services/china-time';
import { matterUrl } from '../../../services/matters';
import { formatFen } from '../../../services/money';
import NextStep from './NextStep';

function StageSteps({ m }: { m: MatterView }) {
  const at = STAGES.indexOf(m.stage);
  const finished = m.status === 'done';
  return (
    <View className="matters__steps" aria-label={`四议两公开进度：现在在${m.stage}阶段`}>
      {STAGES.map((s, i) => {
        const done = finished || i < at;
        const current = !finished && i === at;
        return (
          <Text key={s} className={`matters__step${current ? ' matters__step--current' : ''}${done ? ' matters__step--done' : ''}`}>
            {done ? '✓' : current ? '●' : '○'} {s}
          </Text>
        );
      })}
    </View>
  );
}

/** Compact: the cadre knows the plan; the township's review lists each exemption on its own. */
function FundingLines({ f }: { f: FundingPlan }) {
  return (
    <PlanLines f={f}>
      <Line label="出资人数" value={`${f.payers} 人，共 ${formatFen(f.raisedFen)} 元`} />
      <Line label="出劳人数" value={`${f.labourers} 人`} />
      <Line label="免交免劳" value={`低保户 ${f.exempt.lowIncome} 人，现役军人 ${f.exempt.soldiers} 人，未满 18 周岁 ${f.exempt.minors} 人`} />
      {f.notes ? <Line label="其他说明" value={f.notes} /> : null}
    </PlanLines>
  );
}

function MeetingRecord({ meeting }: { meeting: MeetingView }) {
  const r = meeting.result;
  const verdict = r ? verdictOf(r) : '';
  return (
    <VoteBox
      label={`${meeting.stage}表决：${meeting.bodyName}`}
      title={`${meeting.stage}·${meeting.bodyName}${meeting.state === 'open' ? '（正在表决）' : `（${verdict}）`}`}
    >
      <Text className="matter-parts__hint">
        {`${meeting.state === 'open' ? `${formatChinaTime(meeting.closesAt)} 截止` : `${formatChinaTime(meeting.closedAt ?? meeting.closesAt)} 结束`}${meeting.secret ? '，不记名投票' : ''}`}
      </Text>
      {r && <ResultLines r={r} />}
    </VoteBox>
  );
}

/** An opened matter: its steps, plan and filing, the one next step, the closed votes and the record of each step. */
export default function MatterDetail({ m, onDone }: { m: MatterView; onDone: () => void }) {
  return (
    <View className="matters__detail" aria-label={`议题详情：${m.title}`}>
      <StageSteps m={m} />
      <Text className="matter-parts__text">{m.summary}</Text>
      <Line label="决议由" value={BODY_NAMES[m.decisionBody]} />
      <Line label="投票方式" value={`${m.secret ? '不记名投票' : '记名投票'}${m.liveCounts ? '，表决中公开票数' : ''}`} />
      {m.funding && <FundingLines f={m.funding} />}
      {m.filing && (
        <Line
          label="镇里审核备案"
          value={m.filing.state === 'pending' ? '等待审核' : m.filing.state === 'approved' ? '已同意备案' : `已退回：${m.filing.reason ?? ''}`}
        />
      )}

      {/* The key resets the form when the stage moves on. */}
      <NextStep key={`${m.stage}:${m.status}:${m.meetings.length}`} m={m} onDone={onDone} />

      {m.meetings.filter((x) => x.state === 'closed').length > 0 && (
        <View>
          <Text className="matter-parts__label">表决记录</Text>
          {m.meetings
            .filter((x) => x.state === 'closed')
            .map((x) => (
              <MeetingRecord key={x.id} meeting={x} />
            ))}
        </View>
      )}

      {m.history.length > 0 && (
        <View aria-label="办理记录">
          <Text className="matter-parts__label">办理记录</Text>
          {m.history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an append-only history shown in order; entries carry no id and may share a timestamp
            <View key={`${h.at}:${i}`} className="matters__record">
              <Text className="matters__record-head">{`${h.stage} · ${formatChinaTime(h.at)} · ${h.by}`}</Text>
              <Text className="matter-parts__text">{h.record}</Text>
            </View>
          ))}
        </View>
      )}

      <Button size="large" block fill="outline" onClick={() => Taro.navigateTo({ url: matterUrl(m.villageId, m.id) })}>
        村民看到的页面
      </Button>
    </View>
  );
}
