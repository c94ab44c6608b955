import { Text, View } from '@tarojs/components';
import type { MeetingResult } from '../../../../types/matters';
import { countsText } from '../../../components/MatterParts/words';

/** The closed vote's outcome with the rules it was counted by; short of quorum, it must be held again. */
export default function ResultCard({ result }: { result: MeetingResult }) {
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
