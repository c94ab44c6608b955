import { Button, Step, Steps, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { Choice, FundingPlan, MatterStatus, MatterSummary, MatterView, MeetingResult, MeetingView, ProposeInput, Stage, StageRecord } from '../../../types/matters';
import { BODY_NAMES, STAGES } from '../../../types/matters';
import { RuleLines, WarningBox } from '../../components/MatterParts';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { dateText, dateTimeText, hasPassed, msUntil } from '../../services/china-time';
import { itemUrl } from '../../services/disclosure';
import { identityApi } from '../../services/identity';
import { mattersApi, matterUrl } from '../../services/matters';
import { formatFen } from '../../services/money';
import { ApiCallError } from '../../services/transport';
import { useElderMode } from '../../services/elder';
import './index.scss';
import { LimitedInput, LimitedTextArea } from '../../components/Limited';
import { confirmFirst } from '../../services/confirm';
import { FieldLabel } from '../../components/FormHints';

const CHOICES: Choice[] = ['同意', '不同意', '弃权'];

const STATUS_TEXT: Record<MatterStatus, string> = {
  cosigning: '征集联名中',
  active: '进行中',
  filing: '等待镇里审核备案',
  done: '已完成',
  stopped: '已终止',
};

const STATUS_TAG: Record<MatterStatus, 'primary' | 'warning' | 'success' | 'default'> = {
  cosigning: 'warning',
  active: 'primary',
  filing: 'warning',
  done: 'success',
  stopped: 'default',
};

/** What each of the 四议两公开 steps is, for someone who has never heard the term. */
const STAGE_HINT: Record<Stage, string> = {
  提议: '党组织提议，或村民联名提议',
  商议: '村党组织和村委会一起商议',
  审议: '党员大会审议表决',
  决议: '村民会议或村民代表会议表决',
  决议公开: '公开表决的结果',
  实施结果公开: '事情办完后公开结果',
};

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);
const go = (url: string) => () => Taro.navigateTo({ url });
const verifyUrl = (villageId: string) => `/pages/verify/index?villageId=${villageId}`;

/**
 * Past its closing time the server refuses every vote, but the meeting stays "open" until the
 * hourly timer closes it: the page must not offer a ballot that can only be refused.
 */
const pastClosing = (x: MeetingView) => x.state === 'open' && hasPassed(x.closesAt);
// Longer waits overflow setTimeout (it would fire at once); nobody keeps a page open that long.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether the vote is past its closing time, re-rendering when that moment comes while the page is open. */
function usePastClosing(x: MeetingView): boolean {
  const [, tick] = useState(0);
  useEffect(() => {
    if (x.state !== 'open') return undefined;
    const wait = msUntil(x.closesAt);
    if (!(wait > 0) || wait > MAX_TIMER_MS) return undefined;
    // A little after the moment: timers may fire a hair early, and the check is against the clock.
    const t = setTimeout(() => tick((n) => n + 1), wait + 500);
    return () => clearTimeout(t);
  }, [x.state, x.closesAt]);
  return pastClosing(x);
}

/** Where a matter stands, in words: the list and the detail say it the same way. */
function stageWords(stage: Stage, status: MatterStatus): string {
  const n = STAGES.indexOf(stage) + 1;
  if (status === 'done') return '六个步骤都已完成，实施结果已公开';
  if (status === 'stopped') return `在第 ${n} 步“${stage}”终止`;
  return `现在是第 ${n} 步（共 6 步）：${stage}——${STAGE_HINT[stage]}`;
}

// A receipt is only ever on the phone that voted: the server cannot tell it to anyone again.
const receiptKey = (meetingId: string) => `receipt:${meetingId}`;
function storedReceipt(meetingId: string): string {
  try {
    const v: unknown = Taro.getStorageSync(receiptKey(meetingId));
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}
/** People copy receipts by hand: ignore case, spaces and dashes when comparing. */
const bare = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
const RECEIPT_LENGTH = 16;

function MatterCard({ m, villageId }: { m: MatterSummary; villageId: string }) {
  return (
    <View className="card matters__item" role="button" aria-label={`议题：${m.title}`} onClick={go(matterUrl(villageId, m.id))}>
      <View className="matters__tags">
        <Tag type={STATUS_TAG[m.status]}>{STATUS_TEXT[m.status]}</Tag>
        {m.voting && <Tag type="danger">正在表决</Tag>}
        {m.funding && <Tag type="info">筹资筹劳</Tag>}
      </View>
      <Text className="matters__item-title">{m.title}</Text>
      <Text className="matters__stage">{stageWords(m.stage, m.status)}</Text>
      <Text className="matters__meta">{`${dateText(m.createdAt)} 提出 · 点击查看 ›`}</Text>
    </View>
  );
}

type DecisionBody = ProposeInput['decisionBody'];
const DECISION_BODIES: DecisionBody[] = ['representatives', 'villagers', 'households'];
const COSIGN_NOTE = '提交后需要本村 18 周岁以上村民的十分之一、或村民代表的五分之一联名，才会交给两委商议。您自己算第一位联名人。';
// The 书记's proposal is the party branch's: the server sends it straight on to 商议.
const BRANCH_NOTE = '您是村党组织书记：提交后作为村党组织提议，直接交给两委商议。';

/** The same bounds the server checks, said before sending rather than after. */
function proposeProblem(title: string, summary: string): string | null {
  if (title.length < 4 || title.length > 60) return '议题名称要 4 到 60 个字。';
  if (summary.length < 10 || summary.length > 2000) return '要办什么事、为什么，要写 10 到 2000 个字。';
  return null;
}

function ProposeForm({ villageId, branch, onClose }: { villageId: string; branch: boolean; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState<DecisionBody>('representatives');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const input = { villageId, title: title.trim(), summary: summary.trim(), decisionBody: body };
    const problem = proposeProblem(input.title, input.summary);
    if (problem) return setError(problem);
    setError(null);
    setBusy(true);
    try {
      const m = await mattersApi.propose(input);
      Taro.showToast({ title: '提议已提交', icon: 'success' });
      setTitle('');
      setSummary('');
      onClose();
      Taro.navigateTo({ url: matterUrl(villageId, m.id) });
    } catch (e) {
      setError(messageOf(e, '没有提交成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View>
      <FieldLabel className="matters__label" required text="议题名称" />
      <View className="matters__field">
        <LimitedInput value={title} onChange={setTitle} placeholder="议题名称（4–60 字）" maxLength={60} name="proposeTitle" />
      </View>
      <FieldLabel className="matters__label" required text="要办什么事、为什么" />
      <View className="matters__field">
        <LimitedTextArea value={summary} onChange={setSummary} placeholder="要办什么事、为什么（10–2000 字）" maxLength={2000} autoSize name="proposeSummary" />
      </View>
      <Text className="matters__label">决议由谁表决</Text>
      <View className="matters__choices" aria-label="决议由谁表决">
        {DECISION_BODIES.map((b) => (
          <Button key={b} size="large" block type={b === body ? 'primary' : 'default'} aria-pressed={b === body} onClick={() => setBody(b)}>
            {b === body ? `✓ ${BODY_NAMES[b]}` : BODY_NAMES[b]}
          </Button>
        ))}
      </View>
      <Text className="matters__notice">{branch ? BRANCH_NOTE : COSIGN_NOTE}</Text>
      <WarningBox text={error} />
      <View className="matters__actions">
        <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={submit}>
          提交提议
        </Button>
        <Button size="large" block disabled={busy} onClick={onClose}>
          取消
        </Button>
      </View>
    </View>
  );
}

/**
 * 村民联名提议: open to anyone verified in this village. Others are told why first, not refused
 * after typing a whole proposal.
 */
function Propose({ villageId, shown }: { villageId: string; shown: number }) {
  const [open, setOpen] = useState(false);
  const whoReq = useRequest(`matters-whoami:${shown}`, () => identityApi.whoami());
  const mine = whoReq.data?.villages.find((v) => v.villageId === villageId);
  const close = () => setOpen(false);

  if (!open) {
    return (
      <View className="matters__propose-entry">
        <Button type="primary" size="large" block onClick={() => setOpen(true)}>
          我要提议
        </Button>
      </View>
    );
  }
  const closeButton = (
    <Button size="large" block onClick={close}>
      关闭
    </Button>
  );
  let body;
  if (whoReq.loading && !whoReq.data) {
    body = <Text className="matters__hint">正在读取……</Text>;
  } else if (whoReq.data && !whoReq.data.signedIn) {
    body = (
      <View>
        <Text className="matters__notice">请在微信里打开阳光村务，才能提议。</Text>
        <View className="matters__actions">{closeButton}</View>
      </View>
    );
  } else if (whoReq.data && !mine) {
    body = (
      <View>
        <Text className="matters__line">村里要办的事，村民可以联名提议。</Text>
        <Text className="matters__notice">请先在“我的”里完成村民身份认证，才能提议。</Text>
        <View className="matters__actions">
          <Button type="primary" size="large" block onClick={go(verifyUrl(villageId))}>
            去认证村民身份
          </Button>
          {closeButton}
        </View>
      </View>
    );
  } else {
    // Verified here, or the check itself failed: then the server is the judge of the proposal.
    body = <ProposeForm villageId={villageId} branch={!!mine?.roles.includes('secretary')} onClose={close} />;
  }
  return (
    <View className="card matters__propose" aria-label="我要提议">
      <Text className="matters__heading">我要提议</Text>
      {body}
    </View>
  );
}

function MatterList({ villageId, shown }: { villageId: string; shown: number }) {
  const list = useRequest(`matters:${villageId}:${shown}`, () => mattersApi.list(villageId));
  const matters = [...(list.data?.matters ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <View>
      {/* Outside the shell: with no matters yet, proposing the first one is the point. */}
      {list.data && (
        <View>
          <Text className="section-title" style={{ display: 'block' }}>
            一事一议：村里的大事按“四议两公开”办——党组织或村民联名提议、两委商议、党员大会审议、村民表决，决议和结果都要公开。
          </Text>
          <Propose villageId={villageId} shown={shown} />
        </View>
      )}
      <PageShell
        loading={list.loading && !list.data}
        error={list.data ? null : list.error}
        onRetry={list.reload}
        empty={matters.length === 0}
        emptyTitle="村里还没有一事一议的议题"
        emptyDescription="修路、打井这类要大家出钱出力的事，要经过“四议两公开”，议题会出现在这里。"
      >
        {matters.map((m) => (
          <MatterCard key={m.id} m={m} villageId={villageId} />
        ))}
      </PageShell>
    </View>
  );
}

function Records({ records }: { records: StageRecord[] }) {
  return (
    <View>
      {records.map((r, i) => (
        <View key={i} className="matters__record">
          <Text className="matters__record-meta">{`${dateText(r.at)} · ${r.by}`}</Text>
          <Text className="matters__record-text">{r.record}</Text>
        </View>
      ))}
    </View>
  );
}

/** The six steps, each said in words as well as drawn: done, current, stopped here, or not yet. */
function Progress({ m }: { m: MatterView }) {
  const current = STAGES.indexOf(m.stage);
  // Past the last step when done, so every step reads as finished.
  const value = m.status === 'done' ? STAGES.length + 1 : current + 1;
  const currentWord = m.status === 'stopped' ? '在这一步终止' : m.status === 'cosigning' ? '正在征集联名' : m.status === 'filing' ? '等待镇里审核备案' : '正在进行';
  return (
    <View className="card" aria-label="办理进度">
      <Text className="matters__heading">办理进度（四议两公开）</Text>
      <Steps direction="vertical" status="dynamic" value={value} className="matters__steps">
        {STAGES.map((s, i) => {
          const records = m.history.filter((h) => h.stage === s);
          const word = i < value - 1 ? '已完成' : i === value - 1 ? currentWord : '还没到';
          return (
            <Step
              key={s}
              value={i + 1}
              title={`${s} · ${word}`}
              description={records.length > 0 ? <Records records={records} /> : <Text className="matters__record-hint">{STAGE_HINT[s]}</Text>}
            />
          );
        })}
      </Steps>
    </View>
  );
}

function Funding({ f }: { f: FundingPlan }) {
  return (
    <View className="card" aria-label="筹资筹劳方案">
      <Text className="matters__heading">筹资筹劳方案</Text>
      <Text className="matters__line">{`项目：${f.project}`}</Text>
      <Text className="matters__line">{`预算：${formatFen(f.budgetFen)} 元`}</Text>
      <Text className="matters__line">{`每人筹资：${formatFen(f.perPersonFen)} 元（${f.payers} 人出资，共 ${formatFen(f.raisedFen)} 元）`}</Text>
      <Text className="matters__line">{`每个劳动力筹劳：${f.workdays} 个工日（${f.labourers} 人出劳）`}</Text>
      <Text className="matters__line">{`低保户 ${f.exempt.lowIncome} 人免交；现役军人 ${f.exempt.soldiers} 人免除；未成年人 ${f.exempt.minors} 人不筹资、不筹劳。`}</Text>
      {f.notes && <Text className="matters__line">{`其他：${f.notes}`}</Text>}
      <Text className="matters__hint">{`这个方案已于 ${dateText(f.publicisedAt)} 向村民公布，表决时按这个方案表决。`}</Text>
    </View>
  );
}

function Cosign({ m, villageId, onChanged }: { m: MatterView; villageId: string; onChanged: (m: MatterView) => void }) {
  const c = m.cosign;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!c) return null;

  async function sign() {
    const sure = await confirmFirst({ title: '联名提议？', content: `您的名字会记在“${m.title}”的联名人里，联名后不能撤回。`, confirmText: '确认联名' });
    if (!sure) return;
    setBusy(true);
    setError(null);
    try {
      const next = await mattersApi.cosign(villageId, m.id);
      onChanged(next);
      Taro.showToast({ title: next.status === 'cosigning' ? '已联名' : '已联名，人数够了，交给两委商议', icon: 'none', duration: 3000 });
    } catch (e) {
      setError(messageOf(e, '联名没有成功，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card" aria-label="村民联名">
      <Text className="matters__heading">村民联名</Text>
      <Text className="matters__big">{c.progress}</Text>
      <Text className="matters__hint">{`联名人数够了，议题就交给村两委商议。要求是：${c.basis}。`}</Text>
      <View className="matters__actions">
        <Button type="primary" size="large" block loading={busy} disabled={c.mine || busy} onClick={sign}>
          {c.mine ? '您已联名' : '我也联名'}
        </Button>
      </View>
      {error && <Text className="warning-box">{error}</Text>}
    </View>
  );
}

function Result({ r }: { r: MeetingResult }) {
  const words = !r.quorumMet ? '⚠ 结果：未达到法定人数，本次表决无效' : r.passed ? '✓ 结果：通过' : '✗ 结果：未通过';
  return (
    <View className="matters__result">
      <Text className={`matters__result-words${r.passed ? ' matters__result-words--passed' : ''}`}>{words}</Text>
      <RuleLines rules={r.rules} />
    </View>
  );
}

function ReceiptBox({ receipt, fresh }: { receipt: string; fresh: boolean }) {
  return (
    <View className="matters__receipt" aria-label="回执号">
      <Text className="matters__receipt-title">{fresh ? '请保存回执号' : '您的回执号'}</Text>
      <Text className="matters__receipt-code" userSelect>
        {receipt}
      </Text>
      <Text className="matters__hint">{fresh ? '请抄下或截图保存。表决结束后，可以在这里用它核对您的票。' : '表决结束后，可以在这里用它核对您的票。'}</Text>
    </View>
  );
}

interface Who {
  signedIn: boolean;
  verifiedHere: boolean;
}

/** Who may vote, and the three choices behind a confirmation: a vote cannot be taken back. */
function Ballot({ x, villageId, who, onVoted }: { x: MeetingView; villageId: string; who: Who | null; onVoted: () => void }) {
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cast, setCast] = useState<{ choice: Choice; receipt: string | null } | null>(null);
  const [receipt, setReceipt] = useState(() => storedReceipt(x.id));

  async function vote(choice: Choice) {
    const sure = await Taro.showModal({ title: '确认投票', content: `确定投“${choice}”吗？投票后不能更改。`, confirmText: '确定', cancelText: '再想想' })
      .then((r) => r.confirm)
      .catch(() => false);
    if (!sure) return;
    setBusy(choice);
    setError(null);
    try {
      const out = await mattersApi.vote(villageId, x.id, choice);
      if (out.receipt) {
        try {
          Taro.setStorageSync(receiptKey(x.id), out.receipt);
        } catch {
          // Still shown on screen to copy down; storing is a convenience.
        }
        setReceipt(out.receipt);
      }
      setCast(out);
      Taro.showToast({ title: '投票成功', icon: 'success' });
    } catch (e) {
      setError(messageOf(e, '没有投上，请稍后再试。'));
    } finally {
      setBusy(null);
      // Either way the turnout (or the reason for refusing) has moved on the server.
      onVoted();
    }
  }

  if (x.me?.voted || cast) {
    return (
      <View className="matters__ballot">
        <Text className="matters__voted">✓ 您已投票</Text>
        {cast && !x.secret && <Text className="matters__line">{`您投的是“${cast.choice}”。`}</Text>}
        {x.secret && receipt && <ReceiptBox receipt={receipt} fresh={!!cast?.receipt} />}
        {x.secret && !receipt && <Text className="matters__hint">回执号只在投票时显示在您投票用的手机上。</Text>}
        {error && <Text className="warning-box">{error}</Text>}
      </View>
    );
  }

  if (!x.me) {
    const verifyButton = (
      <View className="matters__actions">
        <Button size="large" block onClick={go(`/pages/verify/index?villageId=${villageId}`)}>
          去认证村民身份
        </Button>
      </View>
    );
    return (
      <View className="matters__ballot">
        {who && !who.signedIn ? (
          <Text className="matters__notice">请在微信里打开阳光村务，才能投票。</Text>
        ) : (
          <View>
            <Text className="matters__notice">请先在“我的”里完成村民身份认证，才能投票。</Text>
            {(!who || !who.verifiedHere) && verifyButton}
          </View>
        )}
      </View>
    );
  }

  if (!x.me.eligible) {
    return (
      <View className="matters__ballot">
        <Text className="matters__notice">{`您不在这次表决的名单里（名单在表决开始时确定）。这次是${x.bodyName}的表决。`}</Text>
      </View>
    );
  }

  return (
    <View className="matters__ballot" aria-label="投票">
      <Text className="matters__heading">请投票</Text>
      {x.secret && (
        <Text className="matters__notice">
          不记名投票：系统只记录您投过票，不记录您投了什么。投票后会给您一个回执号，请抄下或截图保存，表决结束后可以用它核对。
        </Text>
      )}
      <View className="matters__choices">
        {CHOICES.map((c) => (
          <Button key={c} type={c === '同意' ? 'primary' : 'default'} size="large" block loading={busy === c} disabled={busy !== null} onClick={() => vote(c)}>
            {c}
          </Button>
        ))}
      </View>
      <Text className="matters__hint">每人只有一票，网上投了就不能再到现场投。</Text>
      {error && <Text className="warning-box">{error}</Text>}
    </View>
  );
}

/** After a secret vote: every receipt with its choice, so a voter can find their own. */
function ReceiptCheck({ x, villageId }: { x: MeetingView; villageId: string }) {
  const list = useRequest(`receipts:${villageId}:${x.id}`, () => mattersApi.receipts(villageId, x.id));
  const [code, setCode] = useState(() => storedReceipt(x.id));
  const [all, setAll] = useState(false);
  const receipts = list.data?.receipts ?? [];
  const wanted = bare(code);
  const found = wanted ? receipts.find((r) => bare(r.receipt) === wanted) : undefined;

  return (
    <View className="matters__check" aria-label="核对回执">
      <Text className="matters__heading">核对回执</Text>
      <Text className="matters__hint">下面公布了这次每一张选票的回执号和选择。输入您的回执号，看看您的票有没有按您投的记上。</Text>
      <View className="matters__input">
        <LimitedInput value={code} onChange={setCode} placeholder="输入回执号，例如 ABCD-EFGH-JKLM-NPQR" maxLength={24} name="receipt" />
      </View>
      {list.error && <Text className="warning-box">{list.error.message}</Text>}
      {list.data &&
        wanted.length > 0 &&
        (found ? (
          <Text className="matters__found">{`✓ 找到了：这张票记的是“${found.choice}”`}</Text>
        ) : wanted.length < RECEIPT_LENGTH ? (
          <Text className="matters__hint">回执号是 16 个字母和数字，请输完整。</Text>
        ) : (
          <Text className="warning-box">没有找到这个回执号。请看看有没有抄错；确实没有，请告诉村务监督委员会。</Text>
        ))}
      {list.data && (
        <View className="matters__actions">
          <Button size="large" block aria-expanded={all} onClick={() => setAll((v) => !v)}>
            {all ? '收起全部回执' : `查看全部回执（${receipts.length} 张）`}
          </Button>
        </View>
      )}
      {all && (
        <View className="matters__receipts" role="list" aria-label="全部回执">
          {receipts.map((r) => (
            <View key={r.receipt} role="listitem" aria-label={`回执 ${r.receipt}：${r.choice}`} className="matters__receipt-row">
              <Text className="matters__receipt-row-code">{r.receipt}</Text>
              <Text className="matters__receipt-row-choice">{r.choice}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function Meeting({ x, villageId, who, onVoted }: { x: MeetingView; villageId: string; who: Who | null; onVoted: () => void }) {
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
          <Text className="matters__counts">{`同意 ${c['同意']} 票，不同意 ${c['不同意']} 票，弃权 ${c['弃权']} 票`}</Text>
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
      {open && !counting && <Ballot x={x} villageId={villageId} who={who} onVoted={onVoted} />}
      {!open && x.secret && <ReceiptCheck x={x} villageId={villageId} />}
    </View>
  );
}

function MatterDetail({ villageId, matterId, shown }: { villageId: string; matterId: string; shown: number }) {
  const [version, setVersion] = useState(0);
  const req = useRequest(`matter:${villageId}:${matterId}:${shown}:${version}`, () => mattersApi.get(villageId, matterId));
  // An action's answer shows at once; a later load replaces it.
  const [latest, setLatest] = useState<MatterView | null>(null);
  useEffect(() => {
    if (req.data) setLatest(req.data);
  }, [req.data]);
  const m = latest ?? req.data ?? null;

  // Only to say why someone cannot vote: signed in at all, or verified in this village.
  const needWho = !!m?.meetings.some((x) => x.state === 'open' && !pastClosing(x) && !x.me);
  const whoReq = useRequest(needWho ? `matters-whoami:${shown}` : null, () => identityApi.whoami());
  const who: Who | null = whoReq.data ? { signedIn: whoReq.data.signedIn, verifiedHere: whoReq.data.villages.some((v) => v.villageId === villageId) } : null;
  const reload = () => setVersion((v) => v + 1);

  return (
    <PageShell loading={req.loading && !m} error={m ? null : req.error} onRetry={req.reload}>
      {m && (
        <View>
          <View className="card" aria-label={`议题：${m.title}`}>
            <Text className="matters__title">{m.title}</Text>
            <View className="matters__tags">
              <Tag type={STATUS_TAG[m.status]}>{STATUS_TEXT[m.status]}</Tag>
              {m.meetings.some((x) => x.state === 'open' && !pastClosing(x)) && <Tag type="danger">正在表决</Tag>}
            </View>
            <Text className="matters__stage">{stageWords(m.stage, m.status)}</Text>
            <Text className="matters__summary">{m.summary}</Text>
            <Text className="matters__meta">
              {`${m.origin === 'branch' ? '村党组织提议' : '村民联名提议'} · ${dateText(m.createdAt)} · 决议由${BODY_NAMES[m.decisionBody]}表决${m.secret ? '（不记名投票）' : ''}`}
            </Text>
            {m.status === 'stopped' && <Text className="warning-box">{`这个议题已终止：${m.stopReason ?? '没有写明原因'}`}</Text>}
            {m.status === 'filing' && <Text className="matters__notice">表决已通过。筹资筹劳方案正在等镇里审核备案，备案后公开决议。</Text>}
          </View>

          {m.status === 'cosigning' && <Cosign m={m} villageId={villageId} onChanged={setLatest} />}
          {m.funding && <Funding f={m.funding} />}

          {m.meetings.length > 0 && (
            <Text className="section-title" style={{ display: 'block' }}>
              表决（最新的在前）
            </Text>
          )}
          {[...m.meetings].reverse().map((x) => (
            <Meeting key={x.id} x={x} villageId={villageId} who={who} onVoted={reload} />
          ))}

          <Progress m={m} />

          {(m.resolution || m.outcome) && (
            <View className="card" aria-label="公开">
              <Text className="matters__heading">两公开</Text>
              <View className="matters__actions">
                {m.resolution && (
                  <Button size="large" type="primary" block onClick={go(itemUrl({ villageId, quarter: m.resolution.quarter, itemId: m.resolution.itemId }))}>
                    查看决议公开（可校验）
                  </Button>
                )}
                {m.outcome && (
                  <Button size="large" type="primary" block onClick={go(itemUrl({ villageId, quarter: m.outcome.quarter, itemId: m.outcome.itemId }))}>
                    查看实施结果公开
                  </Button>
                )}
              </View>
            </View>
          )}

          <View className="matters__footer">
            <Button size="large" block onClick={go(matterUrl(villageId))}>
              本村全部议题
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  );
}

/**
 * 一事一议 for villagers: the village's matters, or one matter — where it stands in 四议两公开,
 * its 筹资筹劳 plan, co-signing, the votes (and voting), and the two publications.
 */
export default function MattersPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const matterId = params.matterId ?? '';
  // Coming back (from 我的 after verifying, or from a publication) shows the latest.
  const [shown, setShown] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setShown((n) => n + 1);
  });

  if (!villageId) {
    return (
      <View className={`page matters${elder ? ' elder' : ''}`}>
        <PageShell loading={false} error={{ code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村务页面进入。' }} />
      </View>
    );
  }
  return (
    <View className={`page matters${elder ? ' elder' : ''}`}>
      {matterId ? <MatterDetail villageId={villageId} matterId={matterId} shown={shown} /> : <MatterList villageId={villageId} shown={shown} />}
    </View>
  );
}
