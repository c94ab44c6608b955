import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import PageShell from '../../components/PageShell';
import VillageHome from '../../components/VillageHome';
import { useRequest } from '../../hooks/useRequest';
import { forgetVillage, lastVillage, rememberVillage } from '../../services/memory';
import VillageFinder from './VillageFinder';
import { sceneFromPath } from '../../services/scene';
import { villageApi } from '../../services/village';
import { useElderMode } from '../../services/elder';
import './index.scss';

function Welcome({ onPick }: { onPick: (villageId: string) => void }) {
  const canScan = process.env.TARO_ENV === 'weapp';

  async function scan() {
    try {
      const res = await Taro.scanCode({});
      const code = sceneFromPath(res.path) ?? null;
      if (!code) {
        Taro.showToast({ title: '这不是村务公开的二维码', icon: 'none' });
        return;
      }
      Taro.navigateTo({ url: `/pages/village/index?scene=${encodeURIComponent(code)}` });
    } catch {
      // Cancelled by the person: nothing to say.
    }
  }

  return (
    <View className="welcome">
      <Text className="welcome__title">阳光村务</Text>
      <Text className="welcome__text">扫一扫村务公开栏上的二维码，就能看到本村的党务、村务、财务公开，还可以向村务监督委员会反映问题。</Text>
      {canScan ? (
        <Button type="primary" size="large" block onClick={scan}>
          扫一扫村里的二维码
        </Button>
      ) : (
        <Text className="welcome__text">请用微信“扫一扫”扫描村里的二维码。</Text>
      )}
      <VillageFinder onPick={onPick} />
    </View>
  );
}

/** 首页: the village last opened by its code, or how to find yours. */
export default function IndexPage() {
  const [elder] = useElderMode();
  const [villageId, setVillageId] = useState<string | null>(() => lastVillage());
  useDidShow(() => setVillageId(lastVillage()));

  // The whole home in one call; the simple home (长辈模式) lists no entries.
  const { data, error, loading, reload } = useRequest(villageId, () => villageApi.home({ villageId: villageId as string }, !elder));

  useEffect(() => {
    // The remembered village is gone (disabled or removed): start over rather than show an error forever.
    if (error?.code === 'NOT_FOUND') {
      forgetVillage();
      setVillageId(null);
    }
  }, [error]);

  if (!villageId) {
    return (
      <View className={`page${elder ? ' elder' : ''}`}>
        <Welcome
          onPick={(id) => {
            rememberVillage(id);
            setVillageId(id);
          }}
        />
      </View>
    );
  }
  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      <PageShell loading={loading} error={error} onRetry={reload}>
        {data && <VillageHome village={data.village} disclosed={data.disclosed} />}
      </PageShell>
    </View>
  );
}
