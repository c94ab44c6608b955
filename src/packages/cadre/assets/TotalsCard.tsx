import { Text, View } from '@tarojs/components';
import { ASSET_STATE_LABEL, type AssetState, type AssetTotals, RESOURCE_STATE_LABEL, type ResourceState } from '../../../../types/assets';
import { muText } from '../../../services/assets';
import { formatFen } from '../../../services/money';
import { Line } from './fields';

/** The registers at a glance: assets by state, land by state, and the rent that should have come in. */
export default function TotalsCard({ villageName, totals: t }: { villageName: string; totals: AssetTotals }) {
  const assets = (Object.keys(t.assetsByState) as AssetState[])
    .filter((s) => t.assetsByState[s].count > 0)
    .map((s) => `${ASSET_STATE_LABEL[s]} ${t.assetsByState[s].count} 项`);
  const land = (Object.keys(t.areaByState) as ResourceState[])
    .filter((s) => t.areaByState[s] > 0)
    .map((s) => `${RESOURCE_STATE_LABEL[s]} ${muText(t.areaByState[s])}`);
  return (
    <View className="card" aria-label="三资概况">
      <Text className="cadre-assets__title">{villageName}的三资</Text>
      <Line label="资产" value={assets.length ? assets.join('，') : '还没有登记'} />
      <Line label="土地和水面" value={land.length ? land.join('，') : '还没有登记'} />
      <Line label="履行中的合同" value={`${t.activeContracts} 份`} />
      <Line label="到今天应收" value={`${formatFen(t.dueFen)} 元`} />
      <Line label="已收" value={`${formatFen(t.receivedFen)} 元`} />
      <Line label="欠款" value={`${formatFen(t.arrearsFen)} 元`} />
      {t.openWarnings > 0 && <Text className="cadre-assets__warning">有 {t.openWarnings} 条警示还没有销号，监委会和镇里都能看到，请及时答复。</Text>}
    </View>
  );
}
