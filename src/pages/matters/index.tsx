import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import PageShell from '../../components/PageShell';
import { useElderMode } from '../../services/elder';
import MatterDetail from './MatterDetail';
import MatterList from './MatterList';
import './index.scss';

/**
 * 一事一议 for villagers: the village's matters, or one matter — where it stands in 四议两公开,
 * its 筹资筹劳 plan, co-signing, the votes (and voting), and the two publications.
 */
export default function MattersPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const matterId = params.matterId ?? '';
  // Coming back (from 我的 after verifying, or from a publication) shows the latest.
  const [shown, setShown] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setShown((n) => n + 1);
  });

  if (!villageId) {
    return (
      <View className={`page matters${elder ? ' elder' : ''}`}>
        <PageShell loading={false} error={{ code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村务页面进入。' }} />
      </View>
    );
  }
  return (
    <View className={`page matters${elder ? ' elder' : ''}`}>
      {matterId ? <MatterDetail villageId={villageId} matterId={matterId} shown={shown} /> : <MatterList villageId={villageId} shown={shown} />}
    </View>
  );
}
