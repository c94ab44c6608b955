import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MatterView } from '../../../types/matters';
import { itemUrl } from '../../services/disclosure';
import { go } from './helpers';

/** 两公开: the resolution and the outcome, each opening its publication (which can be verified). */
export default function PublicationsCard({ m, villageId }: { m: MatterView; villageId: string }) {
  return (
    <View className="card" aria-label="公开">
      <Text className="matters__heading">两公开</Text>
      <View className="matters__actions">
        {m.resolution && (
          <Button size="large" type="primary" block onClick={go(itemUrl({ villageId, quarter: m.resolution.quarter, itemId: m.resolution.itemId }))}>
            查看决议公开（可校验）
          </Button>
        )}
        {m.outcome && (
          <Button size="large" type="primary" block onClick={go(itemUrl({ villageId, quarter: m.outcome.quarter, itemId: m.outcome.itemId }))}>
            查看实施结果公开
          </Button>
        )}
      </View>
    </View>
  );
}
