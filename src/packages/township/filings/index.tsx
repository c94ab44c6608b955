import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { FundingPlan, MatterSummary, MatterView, MeetingView } from '../../../../types/matters';
import { BODY_NAMES } from '../../../../types/matters';
import { DetailPending, Line, PlanLines, ResultLines, VoteBox, verdictOf, WarningBox } from '../../../components/MatterParts';
import PageShell from '../../../components/PageShell';
import NoticeReminders from '../../../components/NoticeReminders';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { identityApi } from '../../../services/identity';
import { mattersApi } from '../../../services/matters';
import { formatFen } from '../../../services/money';
import { ApiCallError } from '../../../services/transport';
import './index.scss';
import { LimitedTextArea } from '../../../components/Limited';

type Filing = MatterSummary & { villageId: string; villageName: string };

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);

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

function Decide({ m, onDone }: { m: MatterView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<null | 'approve' | 'return'>(null);
  const [approveError, setApproveError] = useState<string | null>(null);
  const [returnError, setReturnError] = useState<string | null>(null);

  async function approve() {
    setApproveError(null);
    const { confirm } = await Taro.showModal({
      title: '审核同意并备案？',
      content: '备案后村里就可以公开决议，并按方案筹资筹劳。',
      confirmText: '同意备案',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy('approve');
    try {
      await mattersApi.file(m.villageId, m.id, 'approve');
      Taro.showToast({ title: '已备案', icon: 'success', duration: 2000 });
      onDone();
    } catch (e) {
      setApproveError(messageOf(e, '没有备案成功，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  async function giveBack() {
    setReturnError(null);
    // A return ends the matter: the village hears why, so the reason is required.
    if (reason.trim().length < 2) return setReturnError('退回时请写明原因，村里会看到。');
    const { confirm } = await Taro.showModal({ title: '退回这个方案？', content: '退回后这个议题终止，村里要调整方案后重新提议。', confirmText: '退回', cancelText: '取消' });
    if (!confirm) return;
    setBusy('return');
    try {
      await mattersApi.file(m.villageId, m.id, 'return', reason.trim());
      Taro.showToast({ title: '已退回', icon: 'success', duration: 2000 });
      onDone();
    } catch (e) {
      setReturnError(messageOf(e, '没有退回成功，请稍后再试。'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className="filings__decide">
      <Button type="primary" size="large" block loading={busy === 'approve'} disabled={busy !== null} onClick={approve}>
        审核同意并备案
      </Button>
      <WarningBox text={approveError} />
      <Text className="matter-parts__label">或者退回</Text>
      <LimitedTextArea value={reason} onChange={setReason} placeholder="退回原因（必填，村里会看到）" maxLength={500} autoSize name="returnReason" />
      <Button size="large" block loading={busy === 'return'} disabled={busy !== null} onClick={giveBack}>
        退回村里
      </Button>
      <WarningBox text={returnError} />
    </View>
  );
}

function FilingCard({ f, expanded, canFile, onToggle, onDone }: { f: Filing; expanded: boolean; canFile: boolean | null; onToggle: () => void; onDone: () => void }) {
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

/**
 * 筹资筹劳审核备案: plans the villages passed, waiting for the township. Nothing is published
 * or raised until the 镇管理员 files it; a return ends the matter with the reason.
 */
export default function FilingsPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const list = useRequest(townshipId ? `filings:${townshipId}:${version}` : null, () => mattersApi.filings(townshipId));
  const who = useRequest('whoami', () => identityApi.whoami());
  const isAdmin = who.data?.township.some((t) => t.townshipId === townshipId && t.roles.includes('township_admin')) ?? false;
  const matters = list.data?.matters ?? [];
  const missing = townshipId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个镇，请从“我的”页面进入。' };
  const error = missing ?? (list.data ? null : list.error) ?? null;

  function done() {
    setOpened(null);
    setVersion((v) => v + 1);
  }

  return (
    <View className="page filings">
      <NoticeReminders />
      <PageShell
        loading={!error && !list.data}
        error={error}
        onRetry={list.reload}
        empty={!!list.data && matters.length === 0}
        emptyTitle="没有等待审核的筹资筹劳方案"
        emptyDescription="村里表决通过的筹资筹劳方案会出现在这里。"
      >
        <Text className="filings__intro">
          以下方案已经村民会议或村民代表会议表决通过，等待镇里审核备案。请核对筹资标准、减免对象和表决结果；备案后村里才能公开决议。
        </Text>
        <View role="list" aria-label="等待审核的方案">
          {matters.map((f) => (
            <FilingCard
              key={f.id}
              f={f}
              expanded={opened === f.id}
              canFile={who.data ? isAdmin : null}
              onToggle={() => setOpened((o) => (o === f.id ? null : f.id))}
              onDone={done}
            />
          ))}
        </View>
      </PageShell>
    </View>
  );
}
