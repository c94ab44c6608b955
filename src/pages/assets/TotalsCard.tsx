import { Text, View } from '@tarojs/components';
import { ASSET_STATE_LABEL, type AssetState, type AssetTotals, RESOURCE_STATE_LABEL, type ResourceState } from '../../../types/assets';
import { muText } from '../../services/assets';
import Listen from '../../components/Listen';
import { sentences } from '../../components/Listen/say';
import { Line, yuan } from './words';

const ASSET_STATES = Object.keys(ASSET_STATE_LABEL) as AssetState[];
const RESOURCE_STATES = Object.keys(RESOURCE_STATE_LABEL) as ResourceState[];

/** What the village owns and lets, and whether the rent came in: the page's answer in a glance. */
export default function TotalsCard({ totals: t }: { totals: AssetTotals }) {
  const assets = ASSET_STATES.filter((s) => t.assetsByState[s].count > 0);
  const land = RESOURCE_STATES.filter((s) => t.areaByState[s] > 0);
  const owned = assets.reduce((sum, s) => sum + t.assetsByState[s].originalFen, 0);
  return (
    <View className="card" aria-label="村里有什么">
      <Text className="village-assets__title">村里有什么</Text>
      <Listen
        read={() =>
          sentences([
            `资产：${assets.length ? assets.map((s) => `${ASSET_STATE_LABEL[s]} ${t.assetsByState[s].count} 项`).join('，') : '没有登记'}`,
            assets.length > 0 && `资产原值合计 ${yuan(owned)}`,
            `正在履行的合同 ${t.activeContracts} 份`,
            `租金和承包费到今天应收 ${yuan(t.dueFen)}，已经收到 ${yuan(t.receivedFen)}，${t.arrearsFen > 0 ? `欠款 ${yuan(t.arrearsFen)}` : '没有欠款'}`,
            t.openWarnings > 0 && `有 ${t.openWarnings} 条预警还没有销号`,
          ])
        }
        what="村里有什么"
        elderOnly
      />
      <Line label="资产" value={assets.length ? assets.map((s) => `${ASSET_STATE_LABEL[s]} ${t.assetsByState[s].count} 项`).join('，') : '没有登记'} />
      {assets.length > 0 && <Line label="资产原值合计" value={yuan(owned)} />}
      <Line label="土地和水面" value={land.length ? land.map((s) => `${RESOURCE_STATE_LABEL[s]} ${muText(t.areaByState[s])}`).join('，') : '没有登记'} />
      <Line label="正在履行的合同" value={`${t.activeContracts} 份`} />
      <Text className="village-assets__title">租金和承包费</Text>
      <Line label="到今天应收" value={yuan(t.dueFen)} />
      <Line label="已经收到" value={yuan(t.receivedFen)} />
      <Line label="欠款" value={t.arrearsFen > 0 ? yuan(t.arrearsFen) : '没有欠款'} strong={t.arrearsFen > 0 ? 'bad' : 'good'} />
      {t.openWarnings > 0 && <Text className="village-assets__bad-line">有 {t.openWarnings} 条预警还没有销号，见下面。</Text>}
    </View>
  );
}
