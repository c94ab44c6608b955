import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ItemState } from '../../../../types/disclosure';
import { useAction } from '../../../hooks/useAction';
import { dateText } from '../../../services/china-time';
import { disclosureApi } from '../../../services/disclosure';
import { quarterText } from '../../../services/labels';
import { stateOf, type Row } from './helpers';

function Summary({ rows }: { rows: Row[] }) {
  const required = rows.filter((r) => r.required);
  const count = (s: ItemState | 'none') => required.filter((r) => stateOf(r) === s).length;
  const parts: [string, number][] = [
    ['已公开', count('published')],
    ['待审核', count('submitted')],
    ['已退回', count('returned')],
    ['草稿', count('draft')],
    ['未起草', count('none')],
  ];
  return (
    <View aria-label="起草进度">
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>必须公开 {required.length} 项</Text>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: '4px' }}>
        {parts.map(([label, n]) => (
          <Text key={label}>
            {label} {n}
          </Text>
        ))}
      </View>
    </View>
  );
}

interface Props {
  villageId: string;
  quarter: string;
  dueDate: string;
  rows: Row[];
  /** The titles of corrections the server left for the cadre to submit one by one, with a reason. */
  onNeedReason: (titles: string[]) => void;
  onChanged: () => void;
}

/** The quarter at a glance: its deadline, how far the drafting is, and handing every draft over at once. */
export default function QuarterCard({ villageId, quarter, dueDate, rows, onNeedReason, onChanged }: Props) {
  const submitAll = useAction();
  const ready = rows.filter((r) => r.draft?.state === 'draft' || r.draft?.state === 'returned').length;

  function submit() {
    void submitAll.run(() => disclosureApi.submitQuarter(villageId, quarter), {
      // The short word takes the success icon; the long one cannot (WeChat cuts an icon toast).
      done: (out) =>
        out.needReason.length
          ? { title: `已提交 ${out.submitted.length} 项，另有 ${out.needReason.length} 项更正需逐项写原因`, duration: 3000 }
          : { title: `已提交 ${out.submitted.length} 项`, icon: 'success', duration: 3000 },
      failed: '没有提交成功，请稍后再试。',
      toast: true,
      onDone: (out) => {
        const titles = new Map(rows.map((r) => [r.itemId, r.draft?.title ?? r.title]));
        onNeedReason(out.needReason.map((id) => titles.get(id) ?? id));
        onChanged();
      },
    });
  }

  return (
    <View className="card">
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>{quarterText(quarter)}</Text>
      <Text style={{ display: 'block', color: '#595959', marginBottom: '8px' }}>应在 {dateText(dueDate)} 前公开</Text>
      <Summary rows={rows} />
      <View className="disclose__actions">
        <Button type="primary" size="large" block loading={submitAll.busy} disabled={submitAll.busy || ready === 0} onClick={submit}>
          全部提交审核
        </Button>
      </View>
      <Text className="disclose__hint">
        {ready > 0 ? `把 ${ready} 项草稿和退回后改好的内容一起交给监委会。更正已公开的内容要逐项写原因提交。` : '没有待提交的草稿。'}
      </Text>
    </View>
  );
}
