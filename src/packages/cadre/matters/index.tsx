import { Button, Empty, Tag } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { FundingPlan, FundingPlanInput, MatterStatus, MatterSummary, MatterView, MeetingView, ProposeInput } from '../../../../types/matters';
import { BODY_NAMES, STAGES } from '../../../../types/matters';
import { countsText, DetailPending, Line, PlanLines, ResultLines, VoteBox, verdictOf, WarningBox } from '../../../components/MatterParts';
import PageShell from '../../../components/PageShell';
import NoticeReminders from '../../../components/NoticeReminders';
import StateImage from '../../../components/StateImage';
import { useRequest } from '../../../hooks/useRequest';
import { chinaDay, chinaDayFromNow, chinaMoment, formatChinaTime } from '../../../services/china-time';
import { identityApi } from '../../../services/identity';
import { matterUrl, mattersApi } from '../../../services/matters';
import { formatFen, parseYuan } from '../../../services/money';
import { ApiCallError } from '../../../services/transport';
import './index.scss';
import { LimitedInput, LimitedTextArea } from '../../../components/Limited';
import { DateField } from '../../../components/DateField';

type DecisionBody = MatterView['decisionBody'];
type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger';

const BRANCH_ROLES = ['secretary', 'director'];
const DECISION_BODIES: DecisionBody[] = ['representatives', 'villagers', 'households'];
const CAPS_TEXT = '本省上限：每人每年 15 元、每个劳动力 10 个工日；低保户免交、现役军人免除、只向劳动年龄村民筹劳。';

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);
const toastOk = (title: string) => Taro.showToast({ title, icon: 'success', duration: 2000 });

const STATUS_TEXT: Record<MatterStatus, string> = {
  cosigning: '村民联名中',
  active: '进行中',
  filing: '等待镇里审核备案',
  done: '已办结',
  stopped: '已终止',
};

const STATUS_TAG: Record<MatterStatus, TagType> = { cosigning: 'info', active: 'primary', filing: 'warning', done: 'success', stopped: 'default' };

function statusText(status: MatterStatus, voting: boolean): string {
  return status === 'active' && voting ? '正在表决' : STATUS_TEXT[status];
}

/** What the 书记 or 主任 does next, in words, so the list alone says where each matter waits. */
function nextText(m: MatterSummary): string | null {
  if (m.status !== 'active') return null;
  if (m.voting) return '等待表决结束（监委会登记现场投票并结束表决）';
  switch (m.stage) {
    case '商议':
      return '下一步：记录两委联席会议商议结果';
    case '审议':
      return '下一步：召开党员大会表决';
    case '决议':
      return '下一步：召开村民会议或村民代表会议表决';
    case '决议公开':
      return '下一步：公开决议';
    case '实施结果公开':
      return '下一步：公开实施结果';
    default:
      return null;
  }
}

/** A choice that reads the same to everyone: the ✓ and aria-pressed, not only the colour. */
function ChoiceButton({ on, label, onClick }: { on: boolean; label: string; onClick: () => void }) {
  return (
    <Button size="large" type={on ? 'primary' : 'default'} aria-pressed={on} onClick={onClick}>
      {on ? `✓ ${label}` : label}
    </Button>
  );
}

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

function DiscussForm({ m, onDone }: { m: MatterView; onDone: () => void }) {
  const [agreed, setAgreed] = useState<boolean | null>(null);
  const [record, setRecord] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (agreed === null) return setError('请先选择两委联席会议是否同意。');
    if (record.trim().length < 4) return setError('请写下会议记录，至少 4 个字。');
    if (!agreed) {
      // Not agreed ends the matter for good: ask once.
      const { confirm } = await Taro.showModal({ title: '确认不同意？', content: '记录“不同意”后这个议题就终止了，不能再往下走。', confirmText: '确认', cancelText: '再想想' });
      if (!confirm) return;
    }
    setError(null);
    setBusy(true);
    try {
      await mattersApi.discuss(m.villageId, m.id, agreed, record.trim());
      toastOk(agreed ? '已提交审议' : '已记录');
      onDone();
    } catch (e) {
      setError(messageOf(e, '没有记录成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="matters__action" aria-label="记录商议结果">
      <Text className="matter-parts__label">商议：两委联席会议的结果</Text>
      <Text className="matter-parts__hint">同意后提交党员大会审议；不同意则议题终止，记录会公开。</Text>
      <View className="matters__choices">
        <ChoiceButton on={agreed === true} label="同意，提交审议" onClick={() => setAgreed(true)} />
        <ChoiceButton on={agreed === false} label="不同意" onClick={() => setAgreed(false)} />
      </View>
      <LimitedTextArea value={record} onChange={setRecord} placeholder="会议记录：时间、到会人员、商议意见（至少 4 个字）" maxLength={2000} autoSize name="discussRecord" />
      <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={save}>
        记录商议结果
      </Button>
      <WarningBox text={error} />
    </View>
  );
}

/** Vote-closing fields: the phone's own date and time pickers rather than typing dates. */
function ClosingFields({ date, time, today, onDate, onTime }: { date: string; time: string; today: string; onDate: (v: string) => void; onTime: (v: string) => void }) {
  // The server takes a close within 60 days; the calendar offers no day it would refuse.
  const last = chinaDayFromNow(60);
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className="matters__when">
        <DateField label="截止日期" required value={date} start={today} end={last} onChange={onDate} />
        <label className="matters__when-field">
          截止时间
          <input className="matters__native" type="time" aria-label="截止时间" value={time} onChange={(e) => onTime(e.currentTarget.value)} />
        </label>
      </View>
    );
  }
  return (
    <View className="matters__when">
      <DateField label="截止日期" required value={date} start={today} end={last} onChange={onDate} />
      <Picker mode="time" value={time} onChange={(e) => onTime(e.detail.value)}>
        <View className="matters__picker">{`截止时间：${time} ›`}</View>
      </Picker>
    </View>
  );
}

function OpenVoteForm({ m, onDone }: { m: MatterView; onDone: () => void }) {
  const [date, setDate] = useState(() => chinaDayFromNow(3));
  const [time, setTime] = useState('18:00');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stage = m.stage as '审议' | '决议';
  const bodyName = stage === '审议' ? BODY_NAMES.party : BODY_NAMES[m.decisionBody];
  const last = m.meetings.filter((x) => x.stage === stage).at(-1);
  const failedQuorum = last?.state === 'closed' && last.result?.quorumMet === false;

  async function open() {
    const closesAt = chinaMoment(date, time);
    if (!closesAt) return setError('请选择截止日期和时间。');
    setError(null);
    setBusy(true);
    try {
      await mattersApi.openVote(m.villageId, m.id, closesAt);
      toastOk('已开始表决');
      onDone();
    } catch (e) {
      setError(messageOf(e, '没有开始表决，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="matters__action" aria-label="发起表决">
      <Text className="matter-parts__label">{`${stage}：由${bodyName}表决`}</Text>
      {failedQuorum && <WarningBox text="上次表决未达到法定人数，需要重新召开。" />}
      <Text className="matter-parts__hint">
        开始表决时按花名册确定能投票的人，之后花名册有变动也不影响这次表决。能投票的人会收到通知，可以在网上投票，也可以到会由监委会登记。
      </Text>
      <ClosingFields date={date} time={time} today={chinaDay()} onDate={setDate} onTime={setTime} />
      <Text className="matter-parts__hint">截止时间按北京时间，要在一小时以后、60 天以内。</Text>
      <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={open}>
        {`开始${bodyName}表决`}
      </Button>
      <WarningBox text={error} />
    </View>
  );
}

function PublishForm({ m, which, onDone }: { m: MatterView; which: 'resolution' | 'outcome' | 'correction'; onDone: () => void }) {
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = {
    resolution: { title: '决议公开', hint: '写明决议的内容，公开后村民可以查看，表决结果和适用规则会一并公开。', box: '决议内容（至少 4 个字）', button: '公开决议', done: '决议已公开' },
    outcome: { title: '实施结果公开', hint: '事情办完后，写明实施结果：完成情况、验收、实际花费等。', box: '实施结果（至少 4 个字）', button: '公开实施结果', done: '实施结果已公开' },
    correction: {
      title: '更正实施结果',
      hint: '更正会作为新的版本公开，原来的版本仍然可以查看。请写明更正原因。',
      box: '更正后的实施结果（至少 4 个字）',
      button: '公开更正',
      done: '更正已公开',
    },
  }[which];

  async function publish() {
    if (text.trim().length < 4) return setError('请写下要公开的内容，至少 4 个字。');
    if (which === 'correction' && reason.trim().length < 2) return setError('请写明更正原因。');
    setError(null);
    setBusy(true);
    try {
      await mattersApi.publish(m.villageId, m.id, text.trim(), which === 'correction' ? reason.trim() : undefined);
      toastOk(words.done);
      setText('');
      setReason('');
      onDone();
    } catch (e) {
      setError(messageOf(e, '没有公开成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="matters__action" aria-label={words.title}>
      <Text className="matter-parts__label">{words.title}</Text>
      <Text className="matter-parts__hint">{words.hint}</Text>
      <LimitedTextArea value={text} onChange={setText} placeholder={words.box} maxLength={5000} autoSize name={`publish-${which}`} />
      {which === 'correction' && <LimitedInput value={reason} onChange={setReason} placeholder="更正原因" maxLength={500} name="correctionReason" />}
      <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={publish}>
        {words.button}
      </Button>
      <WarningBox text={error} />
    </View>
  );
}

/** What can be done at the matter's stage, and only that: the server refuses anything else anyway. */
function NextStep({ m, onDone }: { m: MatterView; onDone: () => void }) {
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

function MatterDetail({ m, onDone }: { m: MatterView; onDone: () => void }) {
  return (
    <View className="matters__detail" aria-label={`议题详情：${m.title}`}>
      <StageSteps m={m} />
      <Text className="matter-parts__text">{m.summary}</Text>
      <Line label="决议由" value={BODY_NAMES[m.decisionBody]} />
      <Line label="投票方式" value={`${m.secret ? '不记名投票' : '记名投票'}${m.liveCounts ? '，表决中公开票数' : ''}`} />
      {m.funding && <FundingLines f={m.funding} />}
      {m.filing && (
        <Line label="镇里审核备案" value={m.filing.state === 'pending' ? '等待审核' : m.filing.state === 'approved' ? '已同意备案' : `已退回：${m.filing.reason ?? ''}`} />
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

function MatterCard({ villageId, summary, expanded, version, onToggle, onDone }: { villageId: string; summary: MatterSummary; expanded: boolean; version: number; onToggle: () => void; onDone: () => void }) {
  const detail = useRequest(expanded ? `matter:${villageId}:${summary.id}:${version}` : null, () => mattersApi.get(villageId, summary.id));
  const next = nextText(summary);
  const status = statusText(summary.status, summary.voting);
  return (
    <View className="card matters__item" role="listitem" aria-label={summary.title}>
      <View className="matters__item-head" role="button" aria-expanded={expanded} aria-label={`${summary.title}，${summary.stage}阶段，${status}`} onClick={onToggle}>
        <View className="matters__item-title">
          <Text>{summary.title}</Text>
          <Text className="matters__chevron">{expanded ? '收起 ▴' : '办理 ▾'}</Text>
        </View>
        <View className="matters__tags">
          <Tag type={STATUS_TAG[summary.status]}>{summary.stage}</Tag>
          <Text className="matters__status">{status}</Text>
          {summary.funding && <Tag type="default">筹资筹劳</Tag>}
        </View>
        {next && <Text className="matter-parts__hint">{next}</Text>}
        <Text className="matter-parts__hint">{`提出于 ${formatChinaTime(summary.createdAt)}`}</Text>
      </View>
      {expanded &&
        (detail.data && detail.data.id === summary.id ? (
          <MatterDetail m={detail.data} onDone={onDone} />
        ) : (
          <DetailPending error={detail.error} onRetry={detail.reload} />
        ))}
    </View>
  );
}

interface ProposeForm {
  title: string;
  summary: string;
  decisionBody: DecisionBody;
  secret: boolean;
  liveCounts: boolean;
  withFunding: boolean;
  project: string;
  budget: string;
  perPerson: string;
  workdays: string;
  notes: string;
}

const EMPTY_FORM: ProposeForm = {
  title: '',
  summary: '',
  decisionBody: 'representatives',
  secret: false,
  liveCounts: false,
  withFunding: false,
  project: '',
  budget: '',
  perPerson: '',
  workdays: '',
  notes: '',
};

/** The form as the service takes it, or what to fix first. Money goes from 元 to fen as digits, never floats. */
function proposeInputOf(f: ProposeForm, villageId: string): ProposeInput | string {
  const title = f.title.trim();
  const summary = f.summary.trim();
  if (title.length < 4 || title.length > 60) return '议题名称要 4 到 60 个字。';
  if (summary.length < 10 || summary.length > 2000) return '议题内容要 10 到 2000 个字，写清楚要办什么事、为什么。';
  const input: ProposeInput = { villageId, title, summary, decisionBody: f.decisionBody, secret: f.secret, liveCounts: f.liveCounts };
  if (!f.withFunding) return input;
  const project = f.project.trim();
  if (project.length < 2) return '请填写筹资筹劳的项目名称（至少 2 个字）。';
  const budget = parseYuan(f.budget);
  if (!budget.ok) return `项目预算：${budget.message}`;
  if (budget.fen <= 0) return '项目预算要大于 0 元。';
  // Left empty means none: a plan may raise only money or only labour.
  const perPerson = f.perPerson.trim() === '' ? ({ ok: true, fen: 0 } as const) : parseYuan(f.perPerson);
  if (!perPerson.ok) return `每人筹资：${perPerson.message}`;
  const days = f.workdays.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (days !== '' && !/^\d{1,3}$/.test(days)) return '筹劳工日请填整数，例如 3。';
  const funding: FundingPlanInput = { project, budgetFen: budget.fen, perPersonFen: perPerson.fen, workdays: days === '' ? 0 : Number(days) };
  if (f.notes.trim()) funding.notes = f.notes.trim();
  return { ...input, funding };
}

function ProposeCard({ villageId, onProposed, onCancel }: { villageId: string; onProposed: (m: MatterView) => void; onCancel: () => void }) {
  const [form, setForm] = useState<ProposeForm>(EMPTY_FORM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ProposeForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit() {
    const input = proposeInputOf(form, villageId);
    if (typeof input === 'string') return setError(input);
    setError(null);
    setBusy(true);
    try {
      const m = await mattersApi.propose(input);
      toastOk('议题已提出');
      setForm(EMPTY_FORM);
      onProposed(m);
    } catch (e) {
      setError(messageOf(e, '没有提交成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card" aria-label="发起议题">
      <Text className="matters__title">发起议题</Text>
      <Text className="matter-parts__hint">村党组织提议后直接进入两委商议，之后依次经党员大会审议、村民会议或村民代表会议决议，再公开决议和实施结果，不能跳过。</Text>

      <Text className="matter-parts__label">议题名称</Text>
      <LimitedInput value={form.title} onChange={(v) => set({ title: v })} placeholder="议题名称（4–60 字）" maxLength={60} name="matterTitle" />

      <Text className="matter-parts__label">议题内容</Text>
      <LimitedTextArea value={form.summary} onChange={(v) => set({ summary: v })} placeholder="要办什么事、为什么（10–2000 字）" maxLength={2000} autoSize name="matterSummary" />

      <Text className="matter-parts__label">决议由谁表决</Text>
      <View className="matters__choices" aria-label="决议由谁表决">
        {DECISION_BODIES.map((b) => (
          <ChoiceButton key={b} on={form.decisionBody === b} label={BODY_NAMES[b]} onClick={() => set({ decisionBody: b })} />
        ))}
      </View>

      <Text className="matter-parts__label">投票方式</Text>
      <View className="matters__choices">
        <ChoiceButton on={form.secret} label="不记名投票" onClick={() => set({ secret: !form.secret, liveCounts: form.secret ? form.liveCounts : false })} />
        {!form.secret && <ChoiceButton on={form.liveCounts} label="表决中公开票数" onClick={() => set({ liveCounts: !form.liveCounts })} />}
      </View>
      <Text className="matter-parts__hint">
        {form.secret
          ? '不记名投票：谁投了什么票任何人都查不到，投票人凭回执核对自己的票；票数在表决结束后才公开，中途不能公开。'
          : '不选“表决中公开票数”时，票数在表决结束后才公开。'}
      </Text>

      <Text className="matter-parts__label">筹资筹劳</Text>
      <Text className="matter-parts__hint">{CAPS_TEXT}</Text>
      <View className="matters__choices">
        <ChoiceButton on={form.withFunding} label="这件事要向村民筹资筹劳" onClick={() => set({ withFunding: !form.withFunding })} />
      </View>
      {form.withFunding && (
        <View aria-label="筹资筹劳方案">
          <Text className="matter-parts__hint">方案提出时就向村民公开，表决通过后报镇里审核备案，备案后才能公开决议。</Text>
          <Text className="matter-parts__label">项目名称</Text>
          <LimitedInput value={form.project} onChange={(v) => set({ project: v })} placeholder="筹资筹劳项目名称" maxLength={100} name="fundingProject" />
          <Text className="matter-parts__label">项目预算（元）</Text>
          <LimitedInput value={form.budget} onChange={(v) => set({ budget: v })} type="digit" placeholder="项目预算（元）" maxLength={20} name="fundingBudget" />
          <Text className="matter-parts__label">每人每年筹资（元）</Text>
          <LimitedInput value={form.perPerson} onChange={(v) => set({ perPerson: v })} type="digit" placeholder="每人筹资（元，不筹资可不填）" maxLength={10} name="fundingPerPerson" />
          <Text className="matter-parts__label">每个劳动力筹劳（工日）</Text>
          <LimitedInput value={form.workdays} onChange={(v) => set({ workdays: v })} type="number" placeholder="筹劳工日（不筹劳可不填）" maxLength={3} name="fundingWorkdays" />
          <Text className="matter-parts__label">其他减免说明</Text>
          <LimitedTextArea value={form.notes} onChange={(v) => set({ notes: v })} placeholder="其他减免说明（可不填）" maxLength={500} autoSize name="fundingNotes" />
        </View>
      )}

      <View className="matters__buttons">
        <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={submit}>
          提交议题
        </Button>
        <Button size="large" block disabled={busy} onClick={onCancel}>
          取消
        </Button>
      </View>
      <WarningBox text={error} />
    </View>
  );
}

/**
 * 一事一议 for the 书记 and 村委会主任: every matter of the village with where it stands, and
 * for the one opened, the single thing its stage allows next.
 */
export default function CadreMattersPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<string | null>(params.matterId ?? null);
  const [proposing, setProposing] = useState(false);
  const reload = () => setVersion((v) => v + 1);

  const status = useRequest(villageId ? `matters-status:${villageId}` : null, () => identityApi.status(villageId));
  const roles: string[] = status.data?.roles ?? [];
  const allowed = roles.some((r) => BRANCH_ROLES.includes(r));
  const isSecretary = roles.includes('secretary');
  const list = useRequest(allowed ? `matters:${villageId}:${version}` : null, () => mattersApi.list(villageId));

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  const denied = status.data && !allowed ? { code: 'PERMISSION_DENIED', message: '一事一议的办理只有村党组织书记和村委会主任可以做。村里的议题和表决，请在村务页面查看。' } : null;
  const error = missingVillage ?? status.error ?? denied ?? (list.data ? null : list.error) ?? null;
  const loading = !error && (!status.data || !list.data);
  const matters = list.data?.matters ?? [];

  function proposed(m: MatterView) {
    setProposing(false);
    setOpened(m.id);
    reload();
  }

  return (
    <View className="page matters">
      <NoticeReminders />
      <PageShell
        loading={loading}
        error={error}
        onRetry={() => {
          status.reload();
          list.reload();
        }}
        renderError={(e) =>
          e.code === 'PERMISSION_DENIED' || e.code === 'UNAUTHENTICATED' ? (
            <View role="alert">
              <Empty image={<StateImage kind="error" />} imageSize={80} title="只有书记和村委会主任可以办理一事一议" description={e.message} />
              <View className="matters__buttons" style={{ padding: '0 16px' }}>
                <Button size="large" block onClick={() => Taro.navigateBack()}>
                  返回
                </Button>
              </View>
            </View>
          ) : null
        }
      >
        <View className="card">
          <Text className="matter-parts__hint" style={{ margin: 0 }}>
            四议两公开：提议 → 商议 → 审议（党员大会）→ 决议（村民会议或村民代表会议）→ 决议公开 → 实施结果公开，每一步都要做完才能进入下一步。
          </Text>
          {isSecretary && !proposing && (
            <View className="matters__buttons">
              <Button type="primary" size="large" block onClick={() => setProposing(true)}>
                发起新议题
              </Button>
            </View>
          )}
          {!isSecretary && <Text className="matter-parts__hint">议题由村党组织书记代表村党组织提出；村民也可以联名提出。</Text>}
        </View>

        {proposing && <ProposeCard villageId={villageId} onProposed={proposed} onCancel={() => setProposing(false)} />}

        <Text className="section-title" style={{ display: 'block' }}>
          {`本村议题（${matters.length} 个）`}
        </Text>
        {matters.length === 0 ? (
          <View className="card">
            <Text className="matter-parts__hint" style={{ margin: 0 }}>
              还没有议题。
            </Text>
          </View>
        ) : (
          <View role="list" aria-label="本村议题">
            {matters.map((s) => (
              <MatterCard
                key={s.id}
                villageId={villageId}
                summary={s}
                expanded={opened === s.id}
                version={version}
                onToggle={() => setOpened((o) => (o === s.id ? null : s.id))}
                onDone={reload}
              />
            ))}
          </View>
        )}
      </PageShell>
    </View>
  );
}
