import { Button } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MatterView } from '../../../../types/matters';
import { BODY_NAMES } from '../../../../types/matters';
import { DateField } from '../../../components/DateField';
import { WarningBox } from '../../../components/MatterParts';
import { useAction } from '../../../hooks/useAction';
import { chinaDay, chinaDayFromNow, chinaMoment } from '../../../services/china-time';
import { mattersApi } from '../../../services/matters';

/** Vote-closing fields: the phone's own date and time pickers rather than typing dates. */
function ClosingFields({
  date,
  time,
  today,
  onDate,
  onTime,
}: {
  date: string;
  time: string;
  today: string;
  onDate: (v: string) => void;
  onTime: (v: string) => void;
}) {
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

/** 审议 or 决议: open the vote of the body the stage calls for, until a closing time. */
export default function OpenVoteForm({ m, onDone }: { m: MatterView; onDone: () => void }) {
  const [date, setDate] = useState(() => chinaDayFromNow(3));
  const [time, setTime] = useState('18:00');
  const opening = useAction();
  const stage = m.stage as '审议' | '决议';
  const bodyName = stage === '审议' ? BODY_NAMES.party : BODY_NAMES[m.decisionBody];
  const last = m.meetings.filter((x) => x.stage === stage).at(-1);
  const failedQuorum = last?.state === 'closed' && last.result?.quorumMet === false;

  async function open() {
    const closesAt = chinaMoment(date, time);
    if (!closesAt) return opening.setError('请选择截止日期和时间。');
    await opening.run(() => mattersApi.openVote(m.villageId, m.id, closesAt), {
      done: '已开始表决',
      failed: '没有开始表决，请稍后再试。',
      onDone: () => onDone(),
    });
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
      <Button type="primary" size="large" block loading={opening.busy} disabled={opening.busy} onClick={open}>
        {`开始${bodyName}表决`}
      </Button>
      <WarningBox text={opening.error} />
    </View>
  );
}
