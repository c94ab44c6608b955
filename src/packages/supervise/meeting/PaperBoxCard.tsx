import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Choice, MeetingView } from '../../../../types/matters';
import { LimitedInput } from '../../../components/Limited';
import { countsText } from '../../../components/MatterParts/words';
import { useAction } from '../../../hooks/useAction';
import { mattersApi } from '../../../services/matters';
import { CHOICES, FAILED, total } from './helpers';
import Refusal from './Refusal';

const EMPTY: Record<Choice, string> = { 同意: '', 不同意: '', 弃权: '' };

/** 清点票箱 of a secret vote: the three counts, never more than the in-person attendees not yet counted. */
export default function PaperBoxCard({ villageId, meeting, onChanged }: { villageId: string; meeting: MeetingView; onChanged: () => void }) {
  const [n, setN] = useState(EMPTY);
  const boxing = useAction();
  // With live counts the box counted so far shows: all choices are online ballots or boxed ones.
  const boxed = meeting.counts ? total(meeting.counts) - meeting.online : null;

  async function submit() {
    boxing.setError(null);
    if (CHOICES.some((c) => n[c].trim() !== '' && !/^\d+$/.test(n[c].trim()))) {
      boxing.setError('票数要填整数（没有就填 0 或不填）。');
      return;
    }
    const counts = Object.fromEntries(CHOICES.map((c) => [c, Number(n[c].trim() || '0')])) as Record<Choice, number>;
    if (total(counts) === 0) {
      boxing.setError('请填写票箱里清点出的票数。');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '提交清点结果？',
      content: `${countsText(counts)}，共 ${total(counts)} 张。提交后不能修改。`,
      confirmText: '确认提交',
      cancelText: '取消',
    });
    if (!confirm) return;
    await boxing.run(() => mattersApi.recordPaperBox(villageId, meeting.id, counts), {
      done: '已记入清点结果',
      failed: FAILED,
      onDone: () => {
        setN(EMPTY);
        onChanged();
      },
    });
  }

  return (
    <View className="card" aria-label="清点票箱">
      <Text className="meeting__title">清点票箱</Text>
      <Text className="meeting__note">
        开箱当众清点后填写。三项加起来不能超过现场登记到会、还没清点过的人数（现场已登记到会 {meeting.inPerson} 人{boxed !== null ? `，已清点 ${boxed} 张` : ''}
        ）。可以分几次清点。
      </Text>
      {CHOICES.map((c) => (
        <View key={c} className="meeting__count">
          <Text className="meeting__count-label">{c}</Text>
          <LimitedInput
            value={n[c]}
            onChange={(v) => setN((old) => ({ ...old, [c]: v }))}
            type="number"
            placeholder={`${c}票张数`}
            maxLength={6}
            name={`box-${c}`}
          />
        </View>
      ))}
      <Button type="primary" size="large" block loading={boxing.busy} disabled={boxing.busy} onClick={submit}>
        提交清点结果
      </Button>
      <Refusal text={boxing.error} />
    </View>
  );
}
