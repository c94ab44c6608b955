import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import ChoiceRow from '../../../components/ChoiceRow';
import { useRequest } from '../../../hooks/useRequest';
import { assetsApi } from '../../../services/assets';

/** The best matches shown at first; a village may hold a couple of hundred contracts. */
const FIRST = 5;
/** "" stands for 不是合同收入 among the buttons (a ChoiceRow value must be comparable). */
const NONE = '';

/** What was typed, once typing has paused: one request per pause, not per keystroke. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * For an income row: which 三资 contract it pays, so the contract's 已收 and 欠款 follow the books.
 * The server ranks the contracts by the row's 对方 and 摘要; 不是合同收入 stays chosen until the
 * 会计 picks one, since most income is not rent.
 */
export default function ContractPicker({
  villageId,
  counterparty,
  summary,
  value,
  onChange,
}: {
  villageId: string;
  counterparty: string;
  summary: string;
  value: string | null;
  onChange: (contractId: string | null) => void;
}) {
  const [all, setAll] = useState(false);
  const typed = useSettled(`${counterparty.trim()}\n${summary.trim()}`, 400);
  const [party, words] = typed.split('\n');
  const targets = useRequest(`rent-targets:${villageId}:${typed}`, () => assetsApi.rentTargets(villageId, party || undefined, words || undefined));
  const list = targets.data ?? [];
  // Nothing to pay: no contract yet, or the list could not be read (the row is still saved without one).
  if (list.length === 0) return null;

  const shown = all ? list : list.filter((t, i) => i < FIRST || t.id === value);
  return (
    <View aria-label="合同收入">
      <Text className="ledger__label">这笔是哪份合同的租金/承包费？</Text>
      <ChoiceRow
        className="ledger__accounts"
        label="这笔是哪份合同的租金/承包费？"
        tick
        choices={[{ value: NONE, label: '不是合同收入' }, ...shown.map((t) => ({ value: t.id, label: t.label }))]}
        current={value ?? NONE}
        onPick={(id) => onChange(id === NONE ? null : id)}
      />
      {!all && list.length > shown.length && (
        <Button size="normal" fill="none" onClick={() => setAll(true)}>
          显示全部 {list.length} 份合同
        </Button>
      )}
    </View>
  );
}
