import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ASSET_STATE_LABEL, type AssetState, type TownshipAssetsView } from '../../../../types/assets';
import { muText } from '../../../services/assets';
import { formatFen } from '../../../services/money';

const STATES = Object.keys(ASSET_STATE_LABEL) as AssetState[];
type Row = TownshipAssetsView['villages'][number];

/** One village's 三资 at a glance, for the township's 三资清理: what it owns, lets, is owed and is warned of. */
function VillageRow({ row }: { row: Row }) {
  const t = row.totals;
  const assets = STATES.filter((s) => t.assetsByState[s].count > 0).map((s) => `${ASSET_STATE_LABEL[s]} ${t.assetsByState[s].count}`);
  return (
    <View className="township-assets__village" role="listitem" aria-label={`${row.villageName}三资`}>
      <View className="township-assets__village-head" role="link" onClick={() => Taro.navigateTo({ url: `/pages/assets/index?villageId=${row.villageId}` })}>
        <Text className="township-assets__village-name">{row.villageName} ›</Text>
        <Text className={t.openWarnings > 0 ? 'township-assets__bad' : 'township-assets__good'}>
          {t.openWarnings > 0 ? `${t.openWarnings} 条预警未销号` : '没有未销号的预警'}
        </Text>
      </View>
      <Text className="township-assets__fact">资产：{assets.length ? assets.join('，') : '没有登记'}</Text>
      <Text className="township-assets__fact">
        发包的土地：{muText(t.areaByState.contracted)}（未发包 {muText(t.areaByState.uncontracted)}）
      </Text>
      <Text className="township-assets__fact">
        应收 {formatFen(t.dueFen)} 元，已收 {formatFen(t.receivedFen)} 元{t.arrearsFen > 0 ? '，' : ''}
        {t.arrearsFen > 0 && <Text className="township-assets__bad">欠 {formatFen(t.arrearsFen)} 元</Text>}
      </Text>
    </View>
  );
}

/** Every village's totals, in the township's order. */
export default function VillageTotals({ villages }: { villages: Row[] }) {
  return (
    <View className="card" aria-label="各村三资">
      <Text className="township-assets__title">各村三资（租金为到今天应收的）</Text>
      <View role="list">
        {villages.map((v) => (
          <VillageRow key={v.villageId} row={v} />
        ))}
      </View>
    </View>
  );
}
