import { Text, View } from '@tarojs/components';
import type { CodeView } from '../../../../types/village';
import { dateText } from '../../../services/china-time';

/** Codes that no longer lead anywhere, newest first, so the township can say when and why. */
export default function CodeHistory({ codes }: { codes: CodeView[] }) {
  if (codes.length === 0) return null;
  return (
    <View className="codes__history" aria-label="以前的码">
      <Text className="codes__subtitle">以前的码（{codes.length} 个）</Text>
      {codes.map((c) => (
        <View key={c.code} className="codes__history-item">
          <Text className="codes__line">
            {c.code}
            {c.enabled ? ' · 仍然可扫（重新发码会一并停用）' : ` · 已停用${c.disabledAt ? `于 ${dateText(c.disabledAt)}` : ''}`}
          </Text>
          {!c.enabled && <Text className="codes__note">原因：{c.reason ?? '没有记录'}</Text>}
        </View>
      ))}
    </View>
  );
}
