import { Text, View } from '@tarojs/components';
import type { MonthSigning, MonthState } from '../../../types/finance';
import { dateTimeText } from '../../services/china-time';

/**
 * Where a month's joint signature stands, for the 民主理财小组 and the 会计 alike: who has
 * signed, when, and how many more are needed ("已签 1/3：张三；还需 1 人").
 */
export default function Signing({ signing, state }: { signing: MonthSigning; state: MonthState }) {
  const rule = signing.rule === 'one' ? '一人签字即可公示' : `过半数成员签字才公示（${signing.members} 人中 ${signing.needed} 人）`;
  if (state === 'open' && signing.signatures.length === 0) return null;
  return (
    <View className="signing" aria-label="签字情况" style={{ marginTop: '12px' }}>
      <Text style={{ display: 'block', fontWeight: 600 }}>{signing.summary}</Text>
      {signing.members === 0 ? (
        <Text style={{ display: 'block', color: '#b42318' }}>本村还没有民主理财小组成员，请书记或镇里在“村民与角色”里指定。</Text>
      ) : (
        state !== 'published' && (
          <Text style={{ display: 'block', color: '#595959' }}>
            {signing.body}共 {signing.members} 人，{rule}。
          </Text>
        )
      )}
      {signing.signatures.map((s) => (
        <Text key={`${s.name}:${s.at}`} style={{ display: 'block', color: '#595959' }}>
          {s.name} · {dateTimeText(s.at)} 签字
        </Text>
      ))}
    </View>
  );
}
