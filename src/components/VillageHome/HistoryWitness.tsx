import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { checkHistory, type HistoryState } from '../../services/history';

/**
 * This phone as a witness of the village's history (services/history.ts): checked after the home
 * has shown, so it never holds the page up; a failure to ask is simply no answer.
 */
export function useHistoryWitness(villageId: string): HistoryState | null {
  const [state, setState] = useState<HistoryState | null>(null);
  useEffect(() => {
    let live = true;
    checkHistory(villageId)
      .then((s) => live && setState(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [villageId]);
  return state;
}

export function HistoryWarning() {
  return (
    <View className="warning-box village-home__history" role="alert">
      注意：本村公开记录的历史被人改动过——和这部手机上次看到的记录对不上。已经自动报告镇里，请向镇纪委反映。
    </View>
  );
}
