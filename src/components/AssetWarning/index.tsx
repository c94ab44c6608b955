import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { WARNING_ANSWER_LABEL, WARNING_KIND_LABEL, WARNING_STATE_LABEL, type WarningView } from '../../../types/assets';
import { dateText } from '../../services/china-time';
import './index.scss';

type Level = WarningView['level'];

/** The light in words, for whoever cannot tell the colour (and for the elderly, who read the word first). */
export const LEVEL_TEXT: Record<Level, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
export const LEVEL_MEANING: Record<Level, string> = {
  red: '钱正在受损失，要马上处理',
  yellow: '要尽快处理',
  green: '已经处理完，监委会已销号',
};
const LEVEL_TAG: Record<Level, 'danger' | 'warning' | 'success'> = { red: 'danger', yellow: 'warning', green: 'success' };

/** Where the villagers' page shows what a warning is about, marked and in view. */
export function recordLink(w: WarningView): string {
  const key = w.subject.type === 'contract' ? 'contractId' : 'assetId';
  return `/pages/assets/index?villageId=${w.villageId}&${key}=${w.subject.id}`;
}

/**
 * One 三资 warning as everyone reads it: its light, kind and state in words, what it says, what it
 * is about, each answer and the closing. `onSubject` makes the subject a link; `children` are the
 * page's own controls (answer, close).
 */
export default function AssetWarning({
  w,
  showVillage = false,
  onSubject,
  children,
}: {
  w: WarningView;
  showVillage?: boolean;
  onSubject?: () => void;
  children?: ReactNode;
}) {
  return (
    <View className={`card asset-warning asset-warning--${w.level}`} aria-label={`预警：${WARNING_KIND_LABEL[w.kind]}：${w.subject.name}`}>
      <View className="asset-warning__tags">
        <Tag type={LEVEL_TAG[w.level]}>{LEVEL_TEXT[w.level]}</Tag>
        <Tag type="default">{WARNING_KIND_LABEL[w.kind]}</Tag>
        <Tag type={w.state === 'open' ? 'primary' : 'default'}>{WARNING_STATE_LABEL[w.state]}</Tag>
      </View>
      {showVillage && <Text className="asset-warning__village">{w.villageName}</Text>}
      <Text className="asset-warning__text">{w.text}</Text>
      {onSubject ? (
        <View className="asset-warning__subject asset-warning__link" role="link" aria-label={`查看${w.subject.name}`} onClick={onSubject}>
          关于：{w.subject.name} ›
        </View>
      ) : (
        <Text className="asset-warning__subject">关于：{w.subject.name}</Text>
      )}
      <Text className="asset-warning__meta">{dateText(w.raisedAt)} 发出</Text>
      {w.answers.map((a) => (
        <Text key={a.at} className="asset-warning__answer">
          答复（{WARNING_ANSWER_LABEL[a.kind]}）{a.by ? ` · ${a.by}` : ''} · {dateText(a.at)}：{a.text}
        </Text>
      ))}
      {w.closed && (
        <Text className="asset-warning__closed">
          销号{w.closed.by ? ` · ${w.closed.by}` : ''} · {dateText(w.closed.at)}：{w.closed.text}
        </Text>
      )}
      {children}
    </View>
  );
}
