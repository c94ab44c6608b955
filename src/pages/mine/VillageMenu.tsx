import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MyVillage } from '../../../types/identity';
import { roleText } from '../../services/labels';
import { MenuCells, VILLAGE_PAGES } from './menu';

/** One village I belong to: who I am there and the work the server says my roles open (`v.can`). */
export default function VillageMenu({ v }: { v: MyVillage }) {
  return (
    <View>
      <Cell
        title={`${v.villageName} · ${v.name}`}
        description={
          <Text>
            身份证 <Text className="id-masked">{v.idMasked}</Text>
          </Text>
        }
        extra={roleText(v.roles)}
      />
      <MenuCells entries={VILLAGE_PAGES} can={v.can} roles={v.roles} param={`villageId=${v.villageId}`} />
    </View>
  );
}
