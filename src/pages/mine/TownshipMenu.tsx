import { Cell } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { WhoAmI } from '../../../types/identity';
import { roleText } from '../../services/labels';
import { MenuCells, offered, REMEMBERED_VILLAGE_LAST, REMEMBERED_VILLAGE_PAGES, TOWNSHIP_ADMIN_PAGES, TOWNSHIP_PAGES, type MenuEntry } from './menu';

/** Township staff: their township's pages, and the village the phone last opened, as the server's `can` allows. */
export default function TownshipMenu({ me, remembered }: { me: WhoAmI; remembered: string | null }) {
  const townshipRoles = me.township.flatMap((t) => t.roles);
  if (townshipRoles.length === 0) return null;
  // The remembered village may be in any of the caller's townships: what any of them reaches.
  const anyCan = me.township.flatMap((t) => t.can);
  const forRemembered = (entries: MenuEntry[]) =>
    remembered && <MenuCells entries={entries} can={anyCan} roles={townshipRoles} param={`villageId=${remembered}`} />;
  return (
    <>
      <Cell title="镇级身份" extra={roleText(townshipRoles)} />
      {forRemembered(REMEMBERED_VILLAGE_PAGES)}
      {me.township
        .filter((t) => TOWNSHIP_ADMIN_PAGES.some((e) => offered(e, t.can, t.roles)))
        .map((t) => (
          <View key={t.townshipId}>
            <MenuCells entries={TOWNSHIP_ADMIN_PAGES} can={t.can} roles={t.roles} param={`townshipId=${t.townshipId}`} />
          </View>
        ))}
      {me.township
        .filter((t) => TOWNSHIP_PAGES.some((e) => offered(e, t.can, t.roles)))
        .map((t) => (
          <View key={`overview-${t.townshipId}`}>
            <MenuCells entries={TOWNSHIP_PAGES} can={t.can} roles={t.roles} param={`townshipId=${t.townshipId}`} />
          </View>
        ))}
      {forRemembered(REMEMBERED_VILLAGE_LAST)}
    </>
  );
}
