import { Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ComponentProps, ReactNode } from 'react';

type TagType = ComponentProps<typeof Tag>['type'];

/**
 * A card's first line: its status tag, which keeps its width however long the rest is, then what
 * the card is about (who and when, an amount).
 */
export default function TagLine({ type, tag, children }: { type: TagType; tag: string; children: ReactNode }) {
  return (
    <View style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
      <View style={{ flexShrink: 0 }}>
        <Tag type={type}>{tag}</Tag>
      </View>
      {children}
    </View>
  );
}
