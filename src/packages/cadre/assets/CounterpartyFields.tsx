import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RosterPerson } from '../../../../types/roster';
import { CONTRACT_PARTY } from '../../../../common/limits';
import { LimitedInput } from '../../../components/Limited';
import { rosterApi } from '../../../services/identity';
import { PickField, TextField } from './fields';
import { choicesOf, PARTY_LABEL, type PartyChoice } from './forms';

/** A roster read page by page (50 a page); a village's roster is a few hundred to a few thousand people. */
const MAX_PAGES = 100;

async function wholeRoster(villageId: string): Promise<RosterPerson[]> {
  const first = await rosterApi.list(villageId, 1);
  const people = [...first.people];
  const pages = Math.min(MAX_PAGES, Math.ceil(first.total / first.pageSize));
  for (let page = 2; page <= pages; page++) people.push(...(await rosterApi.list(villageId, page)).people);
  return people;
}

export interface PartyValue {
  party: PartyChoice;
  counterparty: string;
  personId: string | null;
}

/**
 * Who takes the contract: a villager found by name on the roster (the contract then names the
 * person, so their own page can show it), or an outside person or firm typed in.
 */
export default function CounterpartyFields({ villageId, value, onChange }: { villageId: string; value: PartyValue; onChange: (next: PartyValue) => void }) {
  const [roster, setRoster] = useState<RosterPerson[] | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<RosterPerson[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function search() {
    const q = query.replace(/\s+/g, '');
    if (!q) return setProblem('请先写上村民的名字（写姓也可以）。');
    setProblem(null);
    setBusy(true);
    try {
      // The roster is read once per form: each later search looks in what was read.
      const all = roster ?? (await wholeRoster(villageId));
      setRoster(all);
      setFound(all.filter((p) => p.name.replace(/\s+/g, '').includes(q)).slice(0, 20));
    } catch {
      setProblem('没能读到花名册，请稍后再试。');
    } finally {
      setBusy(false);
    }
  }

  return (
    <View>
      <PickField
        label="承包方是谁"
        choices={choicesOf(PARTY_LABEL)}
        value={value.party}
        onPick={(party) => onChange({ party, counterparty: '', personId: null })}
      />
      {value.party === 'outside' ? (
        <TextField
          label="承包方（对方）"
          required
          value={value.counterparty}
          onChange={(counterparty) => onChange({ ...value, counterparty })}
          limit={CONTRACT_PARTY}
          placeholder="承包方的名字或单位名称"
        />
      ) : (
        <View aria-label="在花名册里找村民">
          {value.personId ? (
            <Text className="cadre-assets__hint" aria-live="polite">
              已选：{value.counterparty}（本村村民）
            </Text>
          ) : (
            <Text className="cadre-assets__hint">写上名字，点“查找”，再点选承包的村民。</Text>
          )}
          <LimitedInput value={query} onChange={setQuery} placeholder="村民的名字" maxLength={CONTRACT_PARTY.max} />
          <Button size="large" block loading={busy} disabled={busy} onClick={search}>
            查找
          </Button>
          {problem && <Text className="cadre-assets__warning">{problem}</Text>}
          {found?.length === 0 && <Text className="cadre-assets__hint">花名册上没有叫这个名字的村民。</Text>}
          {found?.map((p) => (
            <Button
              key={p.id}
              size="large"
              block
              type={p.id === value.personId ? 'primary' : 'default'}
              aria-label={`选${p.name}，${p.group || '本村'}，户号 ${p.householdNo}`}
              onClick={() => onChange({ party: 'villager', counterparty: p.name, personId: p.id })}
            >
              {p.name}（{p.group || '本村'}，户号 {p.householdNo}，{p.relation}）
            </Button>
          ))}
        </View>
      )}
    </View>
  );
}
