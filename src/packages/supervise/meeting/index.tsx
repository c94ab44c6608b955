import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { STAGES, type Choice, type MatterView, type MeetingResult, type MeetingView } from '../../../../types/matters';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { mattersApi } from '../../../services/matters';
import { ApiCallError } from '../../../services/transport';
import './index.scss';
import { LimitedInput } from '../../../components/Limited';

const CHOICES: Choice[] = ['同意', '不同意', '弃权'];
/** A village hall list longer than this is found by name instead of scrolled. */
const SHOWN = 50;
/** Closed meetings offered for a recount on the list: the newest few are what gets checked. */
const RECENT_CLOSED = 5;
/** Matters past their votes listed for recording, newest first. */
const PAST_SHOWN = 10;

type Person = { personId: string; name: string; idMasked: string; voted: boolean };
type Found = { matter: MatterView; meeting: MeetingView };

const meetingUrl = (villageId: string, matterId: string, meetingId: string) =>
  `/packages/supervise/meeting/index?villageId=${villageId}&matterId=${matterId}&meetingId=${meetingId}`;

const messageOf = (e: unknown) => (e instanceof ApiCallError ? e.message : '出了点问题，请稍后再试。');
const countsText = (c: Record<Choice, number>) => `同意 ${c['同意']}，不同意 ${c['不同意']}，弃权 ${c['弃权']}`;
const total = (c: Record<Choice, number>) => CHOICES.reduce((n, k) => n + c[k], 0);

function Refusal({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View className="warning-box" role="alert">
      {text}
    </View>
  );
}

/** The open meetings of the village, and the newest closed ones for a recount. */
async function loadMeetings(villageId: string): Promise<{ open: Found[]; closed: Found[] }> {
  const { matters } = await mattersApi.list(villageId);
  const voting = matters.filter((m) => m.voting);
  // Only a matter past 商议 can have held a vote; the list is newest first, so a few suffice.
  const past = matters.filter((m) => !m.voting && m.status !== 'cosigning' && STAGES.indexOf(m.stage) >= STAGES.indexOf('审议')).slice(0, PAST_SHOWN);
  const views = await Promise.all([...voting, ...past].map((m) => mattersApi.get(villageId, m.id)));
  const all = views.flatMap((matter) => matter.meetings.map((meeting) => ({ matter, meeting })));
  const open = all.filter((f) => f.meeting.state === 'open').sort((a, b) => a.meeting.closesAt.localeCompare(b.meeting.closesAt));
  const closed = all
    .filter((f) => f.meeting.state === 'closed')
    .sort((a, b) => (b.meeting.closedAt ?? '').localeCompare(a.meeting.closedAt ?? ''))
    .slice(0, RECENT_CLOSED);
  return { open, closed };
}

/** A meeting by id; the matter id in the URL saves looking through every matter. */
async function findMeeting(villageId: string, matterId: string | undefined, meetingId: string): Promise<Found> {
  const ids = matterId ? [matterId] : (await mattersApi.list(villageId)).matters.filter((m) => m.status !== 'cosigning').map((m) => m.id);
  for (const id of ids) {
    const matter = await mattersApi.get(villageId, id);
    const meeting = matter.meetings.find((x) => x.id === meetingId);
    if (meeting) return { matter, meeting };
  }
  throw new ApiCallError('NOT_FOUND', '没有找到这次表决，请从表决列表重新进入。');
}

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

function MeetingList({ villageId }: { villageId: string }) {
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

function Summary({ found }: { found: Found }) {
  const { matter, meeting } = found;
  return (
    <View className="card" aria-label="表决概况">
      <Text className="meeting__title">{matter.title}</Text>
      <Text className="meeting__text">
        {meeting.stage} · {meeting.bodyName}
      </Text>
      <Text className="meeting__text">
        {meeting.secret ? '不记名表决：现场只登记到会的人，选票投进票箱，最后统一清点。' : '记名表决：现场按人登记同意、不同意或弃权。'}
      </Text>
      {meeting.state === 'open' ? (
        <Text className="meeting__text">截止：{formatChinaTime(meeting.closesAt)}</Text>
      ) : (
        <Text className="meeting__text meeting__strong">表决已结束（{meeting.closedAt ? formatChinaTime(meeting.closedAt) : '—'}），不能再投票或登记。</Text>
      )}
    </View>
  );
}

function Turnout({ meeting }: { meeting: MeetingView }) {
  return (
    <View className="card" aria-label="到会情况">
      <Text className="meeting__big">
        应到 {meeting.eligible}，已参加 {meeting.present}（网上 {meeting.online}，现场 {meeting.inPerson}）
      </Text>
      <Text className={meeting.quorumShort > 0 ? 'meeting__text meeting__short' : 'meeting__text meeting__met'}>
        {meeting.quorumShort > 0 ? `还差 ${meeting.quorumShort} 人达到法定人数` : '已达到法定人数'}
      </Text>
      {meeting.state === 'open' && meeting.counts && <Text className="meeting__text">实时计数：{countsText(meeting.counts)}</Text>}
    </View>
  );
}

function Result({ result }: { result: MeetingResult }) {
  const verdict = !result.quorumMet ? '未达到法定人数，表决无效' : result.passed ? '通过' : '未通过';
  return (
    <View className="card" aria-label="表决结果">
      <Text className="meeting__title">表决结果：{verdict}</Text>
      <Text className="meeting__text">
        应到 {result.eligible} 人，实到 {result.present} 人
      </Text>
      <Text className="meeting__text">{countsText(result.counts)}</Text>
      {!result.quorumMet && <Text className="meeting__text meeting__short">需要重新召开会议表决。</Text>}
      {result.rules.map((r) => (
        <Text key={r} className="meeting__rule">
          {r}
        </Text>
      ))}
    </View>
  );
}

/** What the 监委会 is about to record, said in the confirmation so a wrong tap is caught there. */
function question(p: Person, secret: boolean, choice: Choice | null): { title: string; content: string } {
  const who = `${p.name}（身份证 ${p.idMasked}）`;
  if (choice) return { title: `登记：${p.name} ${choice}`, content: `${who}现场表决：${choice}。每人只有一票，登记后不能更改。` };
  if (secret) return { title: `登记：${p.name} 到会`, content: `${who}到会。不记名表决只登记到会，选票由本人投进票箱，最后统一清点。登记后不能更改。` };
  return { title: `登记：${p.name} 到会`, content: `${who}到会，但不登记同意、不同意或弃权；计入到会人数。每人只有一票，登记后不能更改。` };
}

function PersonRow({ p, meeting, busy, refusal, onRecord }: { p: Person; meeting: MeetingView; busy: boolean; refusal: string | null; onRecord: (p: Person, choice: Choice | null) => void }) {
  const canRecord = meeting.state === 'open' && !p.voted;
  return (
    <View className="meeting__person" aria-label={`选民：${p.name}（${p.idMasked}）`}>
      <View className="meeting__person-head">
        <Text className="meeting__name">{p.name}</Text>
        <Text className={p.voted ? 'meeting__state meeting__met' : 'meeting__state'}>{p.voted ? '已参加' : '未参加'}</Text>
      </View>
      <Text className="meeting__id">身份证 {p.idMasked}</Text>
      {p.voted && <Text className="meeting__note">已经投过票或登记过到会（网上或现场），每人只有一票。</Text>}
      {canRecord && !meeting.secret && (
        <View className="meeting__choices">
          {CHOICES.map((c) => (
            <Button key={c} className="meeting__choice" size="large" type="primary" fill={c === '同意' ? 'solid' : 'outline'} disabled={busy} onClick={() => onRecord(p, c)}>
              {c}
            </Button>
          ))}
        </View>
      )}
      {canRecord && (
        <Button className="meeting__attend" size="large" block disabled={busy} loading={busy} onClick={() => onRecord(p, null)}>
          {meeting.secret ? '登记到会' : '只登记到会'}
        </Button>
      )}
      <Refusal text={refusal} />
    </View>
  );
}

/** The frozen list: find a person by full name (or list everyone), and record them. */
function Electorate({ villageId, meeting, version, onChanged }: { villageId: string; meeting: MeetingView; version: number; onChanged: () => void }) {
  const [text, setText] = useState('');
  // null: nothing asked yet; q '' lists everyone. `n` lets the same search be asked again.
  const [query, setQuery] = useState<{ q: string; n: number } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ personId: string; text: string } | null>(null);
  const key = query ? `electorate:${meeting.id}:${query.q}:${query.n}:${version}` : null;
  const people = useRequest(key, async () => ({ key, ...(await mattersApi.electorate(villageId, meeting.id, query?.q || undefined)) }));
  // A new search shows the skeleton text, not the previous search's people.
  const current = people.data && query && people.data.key?.startsWith(`electorate:${meeting.id}:${query.q}:${query.n}:`) ? people.data : undefined;

  function search(q: string) {
    setRefusal(null);
    setQuery((old) => ({ q, n: (old?.n ?? 0) + 1 }));
  }

  async function record(p: Person, choice: Choice | null) {
    const { confirm } = await Taro.showModal({ ...question(p, meeting.secret, choice), confirmText: '确认登记', cancelText: '取消' });
    if (!confirm) return;
    setBusy(p.personId);
    setRefusal(null);
    try {
      await mattersApi.recordInPerson(villageId, meeting.id, p.personId, choice ?? undefined);
      Taro.showToast({ title: choice ? `已登记${choice}` : '已登记到会', icon: 'success' });
    } catch (e) {
      setRefusal({ personId: p.personId, text: messageOf(e) });
    } finally {
      setBusy(null);
      // Refused or not, the list and the turnout are read again: someone else may have recorded them.
      onChanged();
    }
  }

  const list = current?.people ?? [];
  const took = list.filter((p) => p.voted).length;
  return (
    <View className="card" aria-label="表决名单">
      <Text className="meeting__title">表决名单</Text>
      <Text className="meeting__note">名单在表决开始时确定。输入完整姓名查找；同名的人请看身份证号后几位区分。</Text>
      <LimitedInput value={text} onChange={setText} onConfirm={() => text.trim() && search(text.trim())} placeholder="输入姓名（要写全名）" maxLength={20} name="name" />
      <View className="meeting__search">
        <Button className="meeting__search-button" size="large" type="primary" disabled={!text.trim()} onClick={() => search(text.trim())}>
          查找
        </Button>
        <Button className="meeting__search-button" size="large" onClick={() => search('')}>
          显示全部名单
        </Button>
      </View>
      {people.error && <Refusal text={people.error.message} />}
      {query && !people.error && !current && <Text className="meeting__note">正在读取名单……</Text>}
      {query && current && (
        <>
          <Text className="meeting__text meeting__strong">
            {query.q
              ? list.length === 0
                ? `名单里没有叫“${query.q}”的人，请核对全名。`
                : `找到 ${list.length} 人`
              : `名单共 ${list.length} 人，已参加 ${took} 人`}
          </Text>
          {list.length > SHOWN && <Text className="meeting__note">只显示前 {SHOWN} 人，请按姓名查找其他人。</Text>}
          {list.slice(0, SHOWN).map((p) => (
            <PersonRow
              key={p.personId}
              p={p}
              meeting={meeting}
              busy={busy === p.personId}
              refusal={refusal?.personId === p.personId ? refusal.text : null}
              onRecord={record}
            />
          ))}
        </>
      )}
      {/* A refusal for someone no longer listed (a new search) would otherwise be lost. */}
      {refusal && !list.some((p) => p.personId === refusal.personId) && <Refusal text={refusal.text} />}
    </View>
  );
}

/** 清点票箱 of a secret vote: the three counts, never more than the in-person attendees not yet counted. */
function PaperBox({ villageId, meeting, onChanged }: { villageId: string; meeting: MeetingView; onChanged: () => void }) {
  const empty: Record<Choice, string> = { 同意: '', 不同意: '', 弃权: '' };
  const [n, setN] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // With live counts the box counted so far shows: all choices are online ballots or boxed ones.
  const boxed = meeting.counts ? total(meeting.counts) - meeting.online : null;

  async function submit() {
    setRefusal(null);
    if (CHOICES.some((c) => n[c].trim() !== '' && !/^\d+$/.test(n[c].trim()))) {
      setRefusal('票数要填整数（没有就填 0 或不填）。');
      return;
    }
    const counts = Object.fromEntries(CHOICES.map((c) => [c, Number(n[c].trim() || '0')])) as Record<Choice, number>;
    if (total(counts) === 0) {
      setRefusal('请填写票箱里清点出的票数。');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '提交清点结果？',
      content: `${countsText(counts)}，共 ${total(counts)} 张。提交后不能修改。`,
      confirmText: '确认提交',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await mattersApi.recordPaperBox(villageId, meeting.id, counts);
      setN(empty);
      Taro.showToast({ title: '已记入清点结果', icon: 'success' });
      onChanged();
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card" aria-label="清点票箱">
      <Text className="meeting__title">清点票箱</Text>
      <Text className="meeting__note">
        开箱当众清点后填写。三项加起来不能超过现场登记到会、还没清点过的人数（现场已登记到会 {meeting.inPerson} 人
        {boxed !== null ? `，已清点 ${boxed} 张` : ''}）。可以分几次清点。
      </Text>
      {CHOICES.map((c) => (
        <View key={c} className="meeting__count">
          <Text className="meeting__count-label">{c}</Text>
          <LimitedInput value={n[c]} onChange={(v) => setN((old) => ({ ...old, [c]: v }))} type="number" placeholder={`${c}票张数`} maxLength={6} name={`box-${c}`} />
        </View>
      ))}
      <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={submit}>
        提交清点结果
      </Button>
      <Refusal text={refusal} />
    </View>
  );
}

function CloseVote({ villageId, meeting, onChanged }: { villageId: string; meeting: MeetingView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function close() {
    const quorum =
      meeting.quorumShort > 0
        ? `现在还差 ${meeting.quorumShort} 人达到法定人数：这样结束，本次表决无效，需要重新召开会议表决。`
        : '已达到法定人数，系统会按选票重新计票，按规则得出结果。';
    const { confirm } = await Taro.showModal({
      title: '结束表决并计票？',
      content: `结束后任何人都不能再投票，也不能再登记现场表决。${meeting.secret ? '不记名表决请先清点完票箱。' : ''}${quorum}`,
      confirmText: '结束计票',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    setRefusal(null);
    try {
      await mattersApi.close(villageId, meeting.id);
      Taro.showToast({ title: '表决已结束', icon: 'success' });
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setBusy(false);
      onChanged();
    }
  }

  return (
    <View className="card" aria-label="结束表决">
      <Text className="meeting__note">到会的人都登记完{meeting.secret ? '、票箱清点完' : ''}后再结束。结束后不能再投票；没有达到法定人数，表决无效，需要重新召开会议。</Text>
      <Button type="danger" size="large" block loading={busy} disabled={busy} onClick={close}>
        结束表决并计票
      </Button>
      <Refusal text={refusal} />
    </View>
  );
}

/** 复核: counted again from the ballots; a difference from the running tally is said in words. */
function Recount({ villageId, meeting }: { villageId: string; meeting: MeetingView }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<{ counts: Record<Choice, number>; present: number; matches: boolean } | null>(null);

  async function recount() {
    setBusy(true);
    setRefusal(null);
    setResult(null);
    try {
      setResult(await mattersApi.recount(villageId, meeting.id));
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card" aria-label="复核计票">
      <Text className="meeting__note">按选票和到会登记重新数一遍，与实时计数对照。随时可以复核。</Text>
      <Button size="large" block loading={busy} disabled={busy} onClick={recount}>
        复核计票
      </Button>
      {result && (
        <View aria-label="复核结果">
          <Text className="meeting__text">
            复核：{countsText(result.counts)}；已参加 {result.present} 人
          </Text>
          {result.matches ? (
            <Text className="meeting__text meeting__met">✓ 与实时计数一致</Text>
          ) : (
            <View className="warning-box" role="alert">
              复核结果与实时计数不一致，已记入审计记录
            </View>
          )}
        </View>
      )}
      <Refusal text={refusal} />
    </View>
  );
}

function Meeting({ villageId, matterId, meetingId }: { villageId: string; matterId: string | undefined; meetingId: string }) {
  const [version, setVersion] = useState(0);
  const found = useRequest(`meeting:${villageId}:${matterId ?? ''}:${meetingId}:${version}`, () => findMeeting(villageId, matterId, meetingId));
  const onChanged = () => setVersion((v) => v + 1);
  const data = found.data;
  const meeting = data?.meeting;
  const open = meeting?.state === 'open';
  return (
    <PageShell loading={!data && !found.error} error={found.error} onRetry={found.reload}>
      {data && meeting && (
        <>
          <Summary found={data} />
          <Turnout meeting={meeting} />
          {meeting.result && <Result result={meeting.result} />}
          <Electorate villageId={villageId} meeting={meeting} version={version} onChanged={onChanged} />
          {open && meeting.secret && <PaperBox villageId={villageId} meeting={meeting} onChanged={onChanged} />}
          {open && <CloseVote villageId={villageId} meeting={meeting} onChanged={onChanged} />}
          {/* A new recount after each change: an old answer would describe an earlier tally. A
              secret vote is recounted only once closed: counts between ballots would link them. */}
          {(!open || !meeting.secret) && <Recount key={version} villageId={villageId} meeting={meeting} />}
          {open && meeting.secret && (
            <View className="card" aria-label="复核计票">
              <Text className="meeting__note">不记名表决结束之后才能复核计票。</Text>
            </View>
          )}
        </>
      )}
    </PageShell>
  );
}

/**
 * 表决现场登记与计票 of the 村务监督委员会: the village's votes under way (and recent ones for a
 * recount), and for one meeting the in-person record against the frozen list, the paper box of a
 * secret ballot, closing and recounting. The server decides everything; refusals are shown by
 * the control that caused them.
 */
export default function MeetingPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const meetingId = params.meetingId;
  if (!villageId) {
    return (
      <View className="page meeting">
        <PageShell loading={false} error={{ code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' }} />
      </View>
    );
  }
  return (
    <View className="page meeting">
      {meetingId ? <Meeting villageId={villageId} matterId={params.matterId} meetingId={meetingId} /> : <MeetingList villageId={villageId} />}
    </View>
  );
}
