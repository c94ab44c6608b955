import { Cell } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import DevPersonaSwitcher from '../../components/DevPersonaSwitcher';
import { forgetVillage, lastVillage } from '../../services/memory';

/** 我的: who I am here and what the app remembers about me. */
export default function MinePage() {
  const [remembered, setRemembered] = useState<string | null>(() => lastVillage());
  useDidShow(() => setRemembered(lastVillage()));

  function clearVillage() {
    forgetVillage();
    setRemembered(null);
    Taro.showToast({ title: '已清除', icon: 'success' });
  }

  return (
    <View className="page">
      <Cell.Group title="我的身份">
        <Cell title="身份" extra="访客" description="扫码即可查看本村公开内容。" />
      </Cell.Group>
      <Cell.Group title="本机记录">
        <Cell
          title="首页打开的村"
          extra={remembered ? '清除' : '未记录'}
          description={remembered ? '首页会直接打开上次扫码的村' : '扫村里的二维码后会记住'}
          onClick={remembered ? clearVillage : undefined}
        />
      </Cell.Group>
      {process.env.TARO_ENV === 'h5' && <DevPersonaSwitcher />}
    </View>
  );
}
