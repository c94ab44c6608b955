import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ReportCategory, TicketKind, TicketState, TicketStats, TicketView, Triage } from '../../../../types/tickets';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { ticketsApi } from '../../../services/disclosure';
import { dateText, quarterText } from '../../../services/labels';
import { ApiCallError } from '../../../services/transport';
import './index.scss';

type Choice<T> = { value: T; label: string };

const STATE_TEXT: Record<TicketState, string> = {
  open: '待处理',
  answered: '已答复',
  closed: '已销号',
  escalated: '已转镇里',
};

const STATE_TAG: Record<TicketState, 'warning' | 'primary' | 'success' | 'danger'> = {
  open: 'warning',
  answered: 'primary',
  closed: 'success',
  escalated: 'danger',
};

const KIND_TEXT: Record<TicketKind, string> = { question: '提问', report: '反映', suggestion: '建议' };

const ESCALATED_WHY: Record<NonNullable<TicketView['escalated']>['why'], string> = {
  overdue: '超期',
  dissatisfied: '因不满意',
  major: '大事',
};

const STATES: Choice<TicketState | null>[] = [
  { value: null, label: '全部' },
  { value: 'open', label: '待处理' },
  { value: 'answered', label: '已答复' },
  { value: 'closed', label: '已销号' },
  { value: 'escalated', label: '已转镇里' },
];
const KINDS: Choice<TicketKind | null>[] = [
  { value: null, label: '全部' },
  { value: 'question', label: '提问' },
  { value: 'report', label: '反映' },
  { value: 'suggestion', label: '建议' },
];
const CATEGORIES: Choice<ReportCategory | null>[] = [
  { value: null, label: '全部类别' },
  { value: '党务类', label: '党务类' },
  { value: '村务类', label: '村务类' },
  { value: '财务类', label: '财务类' },
];
const AGES: Choice<number | null>[] = [
  { value: null, label: '全部' },
  { value: 7, label: '超过 7 天' },
  { value: 30, label: '超过 30 天' },
];

/** What each decision of 三事分流 sets off, said before the 监委会 confirms it. */
const TRIAGE_HINT: Record<Triage, string> = {
  大事: '大事转到镇里办理，由镇里答复。',
  小事: '小事留在村里办理，办好后在下面答复。',
  私事: '私事不用村里办理：分流理由会直接作为答复发给提出的人。',
};

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);
/** Code points, not UTF-16 units, so a label never ends in half an emoji. */
const firstChars = (text: string, n: number) => Array.from(text).slice(0, n).join('');

function Filter<T>({ label, choices, value, onChange }: { label: string; choices: Choice<T>[]; value: T; onChange: (v: T) => void }) {
  return (
    <View className="tickets__filter">
      <Text className="tickets__filter-label">{label}</Text>
      <View className="tickets__choices" aria-label={`按${label}筛选`}>
        {choices.map((c) => (
          <Button
            key={c.label}
            className="tickets__choice"
            type={c.value === value ? 'primary' : 'default'}
            aria-pressed={c.value === value}
            onClick={() => onChange(c.value)}
          >
            {c.label}
          </Button>
        ))}
      </View>
    </View>
  );
}

function Counts({ stats }: { stats: TicketStats }) {
  return (
    <View className="card" aria-label="办理情况">
      <Text className="tickets__title">办理情况</Text>
      <Text className="tickets__count">收到 {stats.received} 件</Text>
      <Text className="tickets__count">
        答复 {stats.answered} 件，其中按时答复 {stats.answeredOnTime} 件
      </Text>
      <Text className="tickets__count">销号 {stats.closed} 件</Text>
      <Text className="tickets__count">
        评价 {stats.rated} 次，其中满意或基本满意 {stats.satisfied} 次
      </Text>
      <Text className={stats.overdueOpen > 0 ? 'tickets__count tickets__late' : 'tickets__count'}>超期未答复 {stats.overdueOpen} 件</Text>
    </View>
  );
}

function Photos({ t }: { t: TicketView }) {
  if (t.photos.length === 0) return null;
  const urls = t.photos.map((p) => p.url);
  return (
    <View className="tickets__photos">
      {t.photos.map((p) => (
        <View key={p.id} role="img" aria-label={`照片：${p.name}`} className="tickets__photo" onClick={() => Taro.previewImage({ current: p.url, urls })}>
          <Image src={p.url} mode="aspectFill" style={{ width: '100%', height: '100%' }} />
        </View>
      ))}
      <Text className="tickets__note">点照片可以放大</Text>
    </View>
  );
}

function History({ t }: { t: TicketView }) {
  return (
    <View>
      {t.triage && (
        <Text className="tickets__line">
          分流：{t.triage.decision} · {t.triage.reason}
        </Text>
      )}
      {t.answers.map((a, i) => (
        <View key={a.at + i} className="tickets__answer">
          <Text style={{ display: 'block' }}>
            {t.answers.length > 1 ? `第 ${i + 1} 次答复` : '答复'}（{formatChinaTime(a.at)}）：{a.text}
          </Text>
          {t.ratings[i] ? (
            <Text className={t.ratings[i].rating === '不满意' ? 'tickets__late' : 'tickets__good'} style={{ display: 'block' }}>
              评价：{t.ratings[i].rating}
            </Text>
          ) : (
            t.state === 'answered' && <Text className="tickets__note">等待提出的人评价</Text>
          )}
        </View>
      ))}
      {t.reopened > 0 && <Text className="tickets__line">重新处理 {t.reopened} 次</Text>}
      {t.escalated && <Text className="tickets__line tickets__late">已转镇里：{ESCALATED_WHY[t.escalated.why]}</Text>}
      {t.closed && <Text className="tickets__line tickets__good">销号：{t.closed.result}</Text>}
      {t.kind === 'suggestion' && t.public && <Text className="tickets__line">已公开到建议栏 · 附议 {t.seconds} 人</Text>}
    </View>
  );
}

/**
 * One point of the ledger with what can be done to it now. `act` runs a call and answers null or
 * the server's refusal, which stays on the card so the 监委会 can read why while fixing it.
 */
function Ticket({ t, act }: { t: TicketView; act: (call: () => Promise<unknown>, done: string) => Promise<string | null> }) {
  const [decision, setDecision] = useState<Triage | null>(null);
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [retriage, setRetriage] = useState(false);

  async function run(call: () => Promise<unknown>, done: string) {
    setBusy(true);
    setRefusal(null);
    const refused = await act(call, done);
    setBusy(false);
    setRefusal(refused);
    if (refused) return;
    // Done: the card reloads in place, and what was typed for it must not linger to be sent twice.
    setDecision(null);
    setReason('');
    setAnswer('');
    setResult('');
    setRetriage(false);
  }

  const open = t.state === 'open';
  const canAnswer = open || t.state === 'escalated';
  const allRated = t.ratings.length >= t.answers.length;
  const subject = t.subject;

  return (
    <View className="card" aria-label={`事项：${firstChars(t.text, 20)}`}>
      <View className="tickets__head">
        <View style={{ flexShrink: 0 }}>
          <Tag type={STATE_TAG[t.state]}>{STATE_TEXT[t.state]}</Tag>
        </View>
        <Text className="tickets__kind">
          {KIND_TEXT[t.kind]}
          {t.category ? ` · ${t.category}` : ''}
        </Text>
      </View>
      <View className="tickets__meta">
        {/* The name only for those who asked in their own name; the server never sends one for anonymous tickets. */}
        <Text className="tickets__who">{t.anonymous ? '匿名' : (t.askerName ?? '实名')}</Text>
        <Text>提出于 {formatChinaTime(t.createdAt)}</Text>
      </View>
      {canAnswer && <Text className="tickets__line">应在 {dateText(formatChinaTime(t.dueAt))} 前答复</Text>}
      {t.overdue && <Text className="tickets__line tickets__late">已超期</Text>}

      <Text className="tickets__text">{t.text}</Text>
      <Photos t={t} />
      {subject && (
        <Text className="tickets__link" onClick={() => t.link && Taro.navigateTo({ url: t.link })}>
          关于：{subject.type === 'disclosure' ? `${quarterText(subject.quarter)}公开内容` : '账目'}“{subject.title}” ›
        </Text>
      )}

      <History t={t} />

      {open && t.triage && !retriage && (
        <View className="tickets__action">
          <Button size="large" block onClick={() => setRetriage(true)}>
            重新分流
          </Button>
        </View>
      )}
      {open && (!t.triage || retriage) && (
        <View className="tickets__action" aria-label="分流">
          <Text className="tickets__title">分流</Text>
          <View className="tickets__choices">
            {(['大事', '小事', '私事'] as const).map((d) => (
              <Button key={d} className="tickets__choice" type={decision === d ? 'primary' : 'default'} aria-pressed={decision === d} onClick={() => setDecision(d)}>
                {d}
              </Button>
            ))}
          </View>
          {decision && <Text className="tickets__note">{TRIAGE_HINT[decision]}</Text>}
          <Input value={reason} onChange={setReason} placeholder="分流理由（私事就写给村民的指导意见）" maxLength={500} name="triageReason" />
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={busy || !decision || reason.trim().length < 2}
            onClick={() => decision && run(() => ticketsApi.triage(t.villageId, t.id, decision, reason.trim()), decision === '大事' ? '已转镇里' : '已分流')}
          >
            确认分流
          </Button>
        </View>
      )}

      {canAnswer && (
        <View className="tickets__action">
          <TextArea value={answer} onChange={setAnswer} placeholder="答复内容（提出的人会收到）" maxLength={500} name="answer" />
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={busy || answer.trim().length < 2}
            onClick={() => run(() => ticketsApi.answer(t.villageId, t.id, answer.trim()), '已答复，提出的人会收到')}
          >
            答复
          </Button>
        </View>
      )}

      {t.state === 'answered' && allRated && (
        <View className="tickets__action">
          <Input value={result} onChange={setResult} placeholder="办理结果（销号时填写）" maxLength={500} name="result" />
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={busy || result.trim().length < 2}
            onClick={() => run(() => ticketsApi.close(t.villageId, t.id, result.trim()), '已销号')}
          >
            销号
          </Button>
        </View>
      )}
      {t.state === 'answered' && !allRated && <Text className="tickets__note">等提出的人评价答复后才能销号。</Text>}

      {t.kind === 'suggestion' && (
        <View className="tickets__action">
          <Button
            size="large"
            block
            loading={busy}
            disabled={busy}
            onClick={() => run(() => ticketsApi.markPublic(t.villageId, t.id, !t.public), t.public ? '已从建议栏撤下' : '已公开到建议栏')}
          >
            {t.public ? '从建议栏撤下' : '公开到建议栏'}
          </Button>
        </View>
      )}

      {refusal && (
        <View className="warning-box" role="alert">
          {refusal}
        </View>
      )}
    </View>
  );
}

/**
 * 问题台账 of the 村务监督委员会: every question, report and suggestion of the village, with
 * 三事分流, answers, 销号 and the public suggestion board. The server decides who may do what;
 * the page only offers what the ticket's state allows.
 */
export default function TicketsPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  // What needs doing comes first: the 监委会 opens this page to work through it.
  const [state, setState] = useState<TicketState | null>('open');
  const [kind, setKind] = useState<TicketKind | null>(null);
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const [version, setVersion] = useState(0);

  const filterKey = `${state}:${kind}:${category}:${days}`;
  const list = useRequest(villageId ? `tickets:${villageId}:${filterKey}:${version}` : null, async () => ({
    filterKey,
    ...(await ticketsApi.queue({
      villageId,
      ...(state ? { state } : {}),
      ...(kind ? { kind } : {}),
      ...(category ? { category } : {}),
      ...(days !== null ? { olderThanDays: days } : {}),
    })),
  }));
  const stats = useRequest(villageId ? `ticket-stats:${villageId}:${version}` : null, () => ticketsApi.stats(villageId));
  // After an action the cards stay on screen while they reload; another filter shows the skeleton.
  const current = list.data?.filterKey === filterKey ? list.data : undefined;

  function chooseKind(k: TicketKind | null) {
    setKind(k);
    // Only reports have a category; a category left over would hide every other kind.
    if (k !== 'report') setCategory(null);
  }

  async function act(call: () => Promise<unknown>, done: string): Promise<string | null> {
    try {
      await call();
      // WeChat cuts a toast with an icon to seven characters: no icon, so the whole sentence shows.
      Taro.showToast({ title: done, icon: 'none', duration: 2000 });
      setVersion((v) => v + 1);
      return null;
    } catch (e) {
      return messageOf(e, '没有成功，请稍后再试。');
    }
  }

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  const denied = list.error?.code === 'PERMISSION_DENIED' || list.error?.code === 'UNAUTHENTICATED';
  if (missingVillage || denied) {
    return (
      <View className="page tickets">
        <PageShell
          loading={false}
          error={missingVillage ?? list.error ?? null}
          renderError={(e) =>
            denied ? (
              <View className="card" role="alert">
                <Text className="tickets__title">只有村务监督委员会和镇里可以查看问题台账</Text>
                <Text className="tickets__note">{e.message}</Text>
              </View>
            ) : null
          }
        />
      </View>
    );
  }

  const error = list.error ?? null;
  const tickets = current?.tickets ?? [];
  const filtered = state !== 'open' || kind !== null || category !== null || days !== null;

  return (
    <View className="page tickets">
      {stats.data && <Counts stats={stats.data} />}

      <View className="card">
        <Filter label="状态" choices={STATES} value={state} onChange={setState} />
        <Filter label="类型" choices={KINDS} value={kind} onChange={chooseKind} />
        {kind === 'report' && <Filter label="类别" choices={CATEGORIES} value={category} onChange={setCategory} />}
        <Filter label="时长" choices={AGES} value={days} onChange={setDays} />
      </View>

      <PageShell
        loading={!error && !current}
        error={error}
        onRetry={list.reload}
        empty={tickets.length === 0}
        emptyTitle={filtered ? '没有符合条件的事项' : '没有待处理的事项'}
        emptyDescription="村民的提问、反映和建议都会出现在这里。"
      >
        <Text className="section-title" style={{ display: 'block' }}>
          共 {tickets.length} 件{current && current.open > 0 ? `；全村还有 ${current.open} 件没有答复（含已转镇里的）` : ''}
        </Text>
        {tickets.map((t) => (
          <Ticket key={t.id} t={t} act={act} />
        ))}
      </PageShell>
    </View>
  );
}
