import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Choice, MeetingView } from '../../../../types/matters';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { mattersApi } from '../../../services/matters';
import { CHOICES, FAILED, SHOWN, type Person } from './helpers';
import Refusal from './Refusal';
import { ELECTORATE_QUERY } from '../../../../common/limits';

/** What the 监委会 is about to record, said in the confirmation so a wrong tap is caught there. */
function question(p: Person, secret: boolean, choice: Choice | null): { title: string; content: string } {
  const who = `${p.name}（身份证 ${p.idMasked}）`;
  if (choice) return { title: `登记：${p.name} ${choice}`, content: `${who}现场表决：${choice}。每人只有一票，登记后不能更改。` };
  if (secret) return { title: `登记：${p.name} 到会`, content: `${who}到会。不记名表决只登记到会，选票由本人投进票箱，最后统一清点。登记后不能更改。` };
  return { title: `登记：${p.name} 到会`, content: `${who}到会，但不登记同意、不同意或弃权；计入到会人数。每人只有一票，登记后不能更改。` };
}

/** `busy`: this person's record is on its way; `locked`: someone's is, and one record goes at a time. */
function PersonRow(props: {
  p: Person;
  meeting: MeetingView;
  busy: boolean;
  locked: boolean;
  refusal: string | null;
  onRecord: (p: Person, choice: Choice | null) => void;
}) {
  const { p, meeting, busy, locked, refusal, onRecord } = props;
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
            <Button
              key={c}
              className="meeting__choice"
              size="large"
              type="primary"
              fill={c === '同意' ? 'solid' : 'outline'}
              disabled={locked}
              onClick={() => onRecord(p, c)}
            >
              {c}
            </Button>
          ))}
        </View>
      )}
      {canRecord && (
        <Button className="meeting__attend" size="large" block disabled={locked} loading={busy} onClick={() => onRecord(p, null)}>
          {meeting.secret ? '登记到会' : '只登记到会'}
        </Button>
      )}
      <Refusal text={refusal} />
    </View>
  );
}

/** The frozen list: find a person by full name (or list everyone), and record them. */
export default function ElectorateCard({
  villageId,
  meeting,
  version,
  onChanged,
}: {
  villageId: string;
  meeting: MeetingView;
  version: number;
  onChanged: () => void;
}) {
  const [text, setText] = useState('');
  // null: nothing asked yet; q '' lists everyone. `n` lets the same search be asked again.
  const [query, setQuery] = useState<{ q: string; n: number } | null>(null);
  const recording = useAction();
  // Whose record is on its way, or was refused: the refusal shows on that person's row.
  const [personId, setPersonId] = useState<string | null>(null);
  const refusal = recording.error && personId ? { personId, text: recording.error } : null;
  const key = query ? `electorate:${meeting.id}:${query.q}:${query.n}:${version}` : null;
  const people = useRequest(key, async () => ({ key, ...(await mattersApi.electorate(villageId, meeting.id, query?.q || undefined)) }));
  // A new search shows the skeleton text, not the previous search's people.
  const current = people.data && query && people.data.key?.startsWith(`electorate:${meeting.id}:${query.q}:${query.n}:`) ? people.data : undefined;

  function search(q: string) {
    recording.setError(null);
    setQuery((old) => ({ q, n: (old?.n ?? 0) + 1 }));
  }

  async function record(p: Person, choice: Choice | null) {
    const { confirm } = await Taro.showModal({ ...question(p, meeting.secret, choice), confirmText: '确认登记', cancelText: '取消' });
    if (!confirm) return;
    setPersonId(p.personId);
    await recording.run(() => mattersApi.recordInPerson(villageId, meeting.id, p.personId, choice ?? undefined), {
      done: choice ? `已登记${choice}` : '已登记到会',
      failed: FAILED,
    });
    // Refused or not, the list and the turnout are read again: someone else may have recorded them.
    onChanged();
  }

  const list = current?.people ?? [];
  const took = list.filter((p) => p.voted).length;
  return (
    <View className="card" aria-label="表决名单">
      <Text className="meeting__title">表决名单</Text>
      <Text className="meeting__note">名单在表决开始时确定。输入完整姓名查找；同名的人请看身份证号后几位区分。</Text>
      <LimitedInput
        value={text}
        onChange={setText}
        onConfirm={() => text.trim() && search(text.trim())}
        placeholder="输入姓名（要写全名）"
        maxLength={ELECTORATE_QUERY.max}
        name="name"
      />
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
              busy={recording.busy && personId === p.personId}
              locked={recording.busy}
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
