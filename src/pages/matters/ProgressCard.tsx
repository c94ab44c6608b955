import { Step, Steps } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MatterView, StageRecord } from '../../../types/matters';
import { STAGES } from '../../../types/matters';
import { dateText } from '../../services/china-time';
import { STAGE_HINT } from './helpers';

function Records({ records }: { records: StageRecord[] }) {
  return (
    <View>
      {records.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an append-only history shown in order; entries carry no id and may share a timestamp
        <View key={i} className="matters__record">
          <Text className="matters__record-meta">{`${dateText(r.at)} · ${r.by}`}</Text>
          <Text className="matters__record-text">{r.record}</Text>
        </View>
      ))}
    </View>
  );
}

/** The six steps, each said in words as well as drawn: done, current, stopped here, or not yet. */
export default function ProgressCard({ m }: { m: MatterView }) {
  const current = STAGES.indexOf(m.stage);
  // Past the last step when done, so every step reads as finished.
  const value = m.status === 'done' ? STAGES.length + 1 : current + 1;
  const currentWord =
    m.status === 'stopped' ? '在这一步终止' : m.status === 'cosigning' ? '正在征集联名' : m.status === 'filing' ? '等待镇里审核备案' : '正在进行';
  return (
    <View className="card" aria-label="办理进度">
      <Text className="matters__heading">办理进度（四议两公开）</Text>
      <Steps direction="vertical" status="dynamic" value={value} className="matters__steps">
        {STAGES.map((s, i) => {
          const records = m.history.filter((h) => h.stage === s);
          const word = i < value - 1 ? '已完成' : i === value - 1 ? currentWord : '还没到';
          return (
            <Step
              key={s}
              value={i + 1}
              title={`${s} · ${word}`}
              description={records.length > 0 ? <Records records={records} /> : <Text className="matters__record-hint">{STAGE_HINT[s]}</Text>}
            />
          );
        })}
      </Steps>
    </View>
  );
}
