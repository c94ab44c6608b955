import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Choice, MeetingView } from '../../../../types/matters';
import { countsText } from '../../../components/MatterParts/words';
import { useAction } from '../../../hooks/useAction';
import { mattersApi } from '../../../services/matters';
import { FAILED } from './helpers';
import Refusal from './Refusal';

/** 复核: counted again from the ballots; a difference from the running tally is said in words. */
export default function RecountCard({ villageId, meeting }: { villageId: string; meeting: MeetingView }) {
  const counting = useAction();
  const [result, setResult] = useState<{ counts: Record<Choice, number>; present: number; matches: boolean } | null>(null);

  async function recount() {
    setResult(null);
    await counting.run(() => mattersApi.recount(villageId, meeting.id), { failed: FAILED, onDone: setResult });
  }

  return (
    <View className="card" aria-label="复核计票">
      <Text className="meeting__note">按选票和到会登记重新数一遍，与实时计数对照。随时可以复核。</Text>
      <Button size="large" block loading={counting.busy} disabled={counting.busy} onClick={recount}>
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
      <Refusal text={counting.error} />
    </View>
  );
}
