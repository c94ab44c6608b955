import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { RoleLabels, type Role } from '../../../../types/roles';
import type { Assignee, ReportCategory, TicketKind, TicketState, TicketStats, TicketView, Triage } from '../../../../types/tickets';
import PageShell from '../../../components/PageShell';
import NoticeReminders from '../../../components/NoticeReminders';
import { actThen, AnswerBox, canAnswer, Refusal, TicketSummary, ticketLabel, useCardAction, type Act } from '../../../components/TicketParts';
import { useRequest } from '../../../hooks/useRequest';
import { ticketsApi } from '../../../services/disclosure';
import { identityApi } from '../../../services/identity';
import './index.scss';
import { LimitedInput } from '../../../components/Limited';
import Reveal from './Reveal';
import { StillNeeded } from '../../../components/FormHints';

type Choice<T> = { value: T; label: string };

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

/** Only the 监委会 triages and keeps the suggestion board; township staff answer and close here too. */
const COMMITTEE: Role[] = ['supervisor_chair', 'supervisor'];

/** The lists behind the township overview's figures, which link here with `show=`. */
type Only = 'overdue' | 'answered' | 'rated';
const ONLY_TEXT: Record<Only, string> = { overdue: '超期未答复', answered: '答复过的', rated: '评价过的' };

/** The filter a link opens the page with; anything else opens on what needs doing. */
function initialFilter(show: string | undefined): { state: TicketState | null; only: Only | null } {
  if (show === 'closed') return { state: 'closed', only: null };
  if (show === 'all') return { state: null, only: null };
  if (show === 'overdue' || show === 'answered' || show === 'rated') return { state: null, only: show };
  return { state: 'open', only: null };
}

/** Who a 小事 can go to, as loaded for the 监委会 (`error` when the list could not be read). */
type People = { list: Assignee[] | undefined; error: string | null };

const personText = (p: Assignee) => `${p.name}（${p.roles.map((r) => RoleLabels[r]).join('、')}）`;

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
      <Text className={stats.overdueOpen > 0 ? 'tickets__count ticket__late' : 'tickets__count'}>超期未答复 {stats.overdueOpen} 件</Text>
    </View>
  );
}

/** The village people a 小事 can be handed to: big buttons, one person each, with their roles. */
function AssigneePicker({ people, chosen, onChoose }: { people: People; chosen: string | null; onChoose: (personId: string) => void }) {
  return (
    <View className="tickets__assignees" aria-label="选择办理人">
      <Text className="tickets__filter-label">交给谁办理</Text>
      <Text className="ticket__note">办理人会收到通知，并可以直接答复。</Text>
      {people.error ? (
        <View className="warning-box" role="alert">
          {people.error}
        </View>
      ) : !people.list ? (
        <Text className="ticket__note">正在读取村里可以交办的人……</Text>
      ) : people.list.length === 0 ? (
        <View className="warning-box" role="alert">
          村里还没有可以交办的人：两委、监委会或民主理财小组成员绑定微信后才会出现在这里。
        </View>
      ) : (
        <View className="tickets__people">
          {people.list.map((p) => (
            <Button
              key={p.personId}
              className="tickets__person"
              size="large"
              block
              type={chosen === p.personId ? 'primary' : 'default'}
              aria-pressed={chosen === p.personId}
              onClick={() => onChoose(p.personId)}
            >
              {personText(p)}
            </Button>
          ))}
        </View>
      )}
    </View>
  );
}

/**
 * One point of the ledger with what can be done to it now. Refusals stay on the card so the
 * 监委会 can read why while fixing it. `committee` is false for township staff: they answer and
 * close, but 分流 and the suggestion board are the 监委会's (the server refuses them anyway).
 */
function Ticket({ t, act, committee, people }: { t: TicketView; act: Act; committee: boolean; people: People }) {
  const [decision, setDecision] = useState<Triage | null>(null);
  const [reason, setReason] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [result, setResult] = useState('');
  const [retriage, setRetriage] = useState(false);
  const { busy, refusal, run } = useCardAction(act, () => {
    setDecision(null);
    setReason('');
    setAssignee(null);
    setResult('');
    setRetriage(false);
  });

  const open = t.state === 'open';
  const allRated = t.ratings.length >= t.answers.length;
  // A 小事 goes to a named person: it cannot be confirmed before one is chosen.
  const needsPerson = decision === '小事' && !assignee;
  const chosen = people.list?.find((p) => p.personId === assignee);

  function startRetriage() {
    setRetriage(true);
    // Re-triaging a 小事 starts from whoever has it now.
    setAssignee(t.assignee?.personId ?? null);
  }

  function confirm() {
    if (!decision) return;
    const trimmed = reason.trim();
    if (decision === '小事') {
      if (!assignee) return;
      run(() => ticketsApi.triage(t.villageId, t.id, decision, trimmed, assignee), `已交给${chosen?.name ?? '办理人'}办理`);
    } else {
      run(() => ticketsApi.triage(t.villageId, t.id, decision, trimmed), decision === '大事' ? '已转镇里' : '已分流');
    }
  }

  return (
    <View className="card" aria-label={ticketLabel(t)}>
      <TicketSummary t={t} showAssignee />

      {committee && open && t.triage && !retriage && (
        <View className="ticket__action">
          <Button size="large" block onClick={startRetriage}>
            重新分流
          </Button>
        </View>
      )}
      {committee && open && (!t.triage || retriage) && (
        <View className="ticket__action" aria-label="分流">
          <Text className="tickets__title">分流</Text>
          <View className="tickets__choices">
            {(['大事', '小事', '私事'] as const).map((d) => (
              <Button key={d} className="tickets__choice" type={decision === d ? 'primary' : 'default'} aria-pressed={decision === d} onClick={() => setDecision(d)}>
                {d}
              </Button>
            ))}
          </View>
          {decision && <Text className="ticket__note">{TRIAGE_HINT[decision]}</Text>}
          {decision === '小事' && <AssigneePicker people={people} chosen={assignee} onChoose={setAssignee} />}
          <LimitedInput value={reason} onChange={setReason} placeholder="分流理由（私事就写给村民的指导意见）" maxLength={500} name="triageReason" />
          <StillNeeded items={[!decision && '选择大事、小事或私事', needsPerson && '在上面选择办理人', reason.trim().length < 2 && '写分流理由（至少 2 个字）']} />
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={busy || !decision || reason.trim().length < 2 || needsPerson}
            onClick={confirm}
          >
            确认分流
          </Button>
        </View>
      )}

      {canAnswer(t) && <AnswerBox t={t} busy={busy} run={run} />}

      {t.state === 'answered' && allRated && (
        <View className="ticket__action">
          <LimitedInput value={result} onChange={setResult} placeholder="办理结果（销号时填写）" maxLength={500} name="result" />
          <StillNeeded items={[result.trim().length < 2 && '写办理结果（至少 2 个字）']} />
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
      {t.state === 'answered' && !allRated && <Text className="ticket__note">等提出的人评价答复后才能销号。</Text>}

      {committee && t.kind === 'suggestion' && (
        <View className="ticket__action">
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

      <Refusal text={refusal} />
    </View>
  );
}

/**
 * 问题台账 of the 村务监督委员会: every question, report and suggestion of the village, with
 * 三事分流, answers, 销号 and the public suggestion board. Township staff reach it from their
 * overview to answer and close. The server decides who may do what; the page only offers what
 * the ticket's state and the caller's roles allow.
 */
export default function TicketsPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  // What needs doing comes first, unless a link (the township's figures, a message) says otherwise.
  const [initial] = useState(() => initialFilter(params.show));
  const [state, setState] = useState<TicketState | null>(initial.state);
  const [only, setOnly] = useState<Only | null>(initial.only);
  const [kind, setKind] = useState<TicketKind | null>(null);
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const [version, setVersion] = useState(0);

  const filterKey = `${state}:${only}:${kind}:${category}:${days}`;
  const list = useRequest(villageId ? `tickets:${villageId}:${filterKey}:${version}` : null, async () => ({
    filterKey,
    ...(await ticketsApi.queue({
      villageId,
      ...(state ? { state } : {}),
      ...(only ? { [only]: true } : {}),
      ...(kind ? { kind } : {}),
      ...(category ? { category } : {}),
      ...(days !== null ? { olderThanDays: days } : {}),
    })),
  }));
  const stats = useRequest(villageId ? `ticket-stats:${villageId}:${version}` : null, () => ticketsApi.stats(villageId));
  const who = useRequest(villageId ? 'whoami' : null, () => identityApi.whoami());
  const myRoles = who.data?.villages.find((v) => v.villageId === villageId)?.roles ?? [];
  // Unknown roles (whoami failed) leave the controls on: the server still says no to anyone else.
  const committee = who.error ? true : myRoles.some((r) => COMMITTEE.includes(r));
  // 镇纪委 may see who sent an anonymous report (recorded); the server decides, this only offers it.
  const discipline = !!who.data?.township.some((t) => t.roles.includes('township_discipline'));
  const assignees = useRequest(villageId && who.data && committee ? `assignees:${villageId}` : null, () => ticketsApi.assignees(villageId));
  const people: People = { list: assignees.data?.people, error: assignees.error?.message ?? null };
  // After an action the cards stay on screen while they reload; another filter shows the skeleton.
  const current = list.data?.filterKey === filterKey ? list.data : undefined;

  function chooseKind(k: TicketKind | null) {
    setKind(k);
    // Only reports have a category; a category left over would hide every other kind.
    if (k !== 'report') setCategory(null);
  }

  function dropOnly() {
    // The chip came with the link: removing it opens the page as it usually opens.
    setOnly(null);
    setState('open');
  }

  const act = actThen(() => setVersion((v) => v + 1));

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
                <Text className="ticket__note">{e.message}</Text>
              </View>
            ) : null
          }
        />
      </View>
    );
  }

  const error = list.error ?? null;
  const tickets = current?.tickets ?? [];
  const filtered = state !== 'open' || only !== null || kind !== null || category !== null || days !== null;
  // The cards wait for the caller's roles too, so 分流 never shows and then vanishes.
  const rolesKnown = !!who.data || !!who.error;

  return (
    <View className="page tickets">
      <NoticeReminders />
      {stats.data && <Counts stats={stats.data} />}

      <View className="card">
        {only && (
          // The whole line is the tap target; the ✕ names what tapping does for screen readers.
          <View className="tickets__only" role="button" aria-label={`只看：${ONLY_TEXT[only]}，点一下不再只看`} onClick={dropOnly}>
            <Text className="tickets__only-text">只看：{ONLY_TEXT[only]}</Text>
            <Button className="tickets__only-x" fill="none" aria-label={`不再只看${ONLY_TEXT[only]}`}>
              ✕
            </Button>
          </View>
        )}
        <Filter label="状态" choices={STATES} value={state} onChange={setState} />
        <Filter label="类型" choices={KINDS} value={kind} onChange={chooseKind} />
        {kind === 'report' && <Filter label="类别" choices={CATEGORIES} value={category} onChange={setCategory} />}
        <Filter label="时长" choices={AGES} value={days} onChange={setDays} />
      </View>

      <PageShell
        loading={!error && (!current || !rolesKnown)}
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
          <View key={t.id}>
            <Ticket t={t} act={act} committee={committee} people={people} />
            {discipline && t.anonymous && <Reveal villageId={villageId} ticketId={t.id} />}
          </View>
        ))}
      </PageShell>
    </View>
  );
}
