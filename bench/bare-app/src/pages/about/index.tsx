import { useState } from 'react';
import { View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';

export default function About() {
  const [tab, setTab] = useState<string | number>('0');
  return (
    <View>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.TabPane title="党务">党务公开</Tabs.TabPane>
        <Tabs.TabPane title="村务">村务公开</Tabs.TabPane>
        <Tabs.TabPane title="财务">财务公开</Tabs.TabPane>
      </Tabs>
    </View>
  );
}
