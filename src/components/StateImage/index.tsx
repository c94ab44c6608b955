import { Text, View } from '@tarojs/components';
import './index.scss';

export type StateKind = 'empty' | 'error' | 'network';

const MARKS: Record<StateKind, { symbol: string; label: string }> = {
  empty: { symbol: '空', label: '暂无内容' },
  error: { symbol: '!', label: '出错了' },
  network: { symbol: '网', label: '网络连接失败' },
};

/**
 * The picture for NutUI Empty. NutUI's default images load from a remote CDN, which fails on
 * weak village networks (and offline); this one is drawn with CSS and has a text alternative.
 */
export default function StateImage({ kind }: { kind: StateKind }) {
  const mark = MARKS[kind];
  return (
    <View className={`state-image state-image--${kind}`} role="img" aria-label={mark.label}>
      <Text className="state-image__symbol">{mark.symbol}</Text>
    </View>
  );
}
