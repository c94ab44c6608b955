import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { VillageDirectory } from '../../../types/village';
import { LimitedInput } from '../../components/Limited';
import { useRequest } from '../../hooks/useRequest';
import { villageApi } from '../../services/village';

/** What a typed name matches: any part of the village's or township's name, spaces ignored. */
export function findVillages(dir: VillageDirectory, typed: string): VillageDirectory['townships'] {
  const q = typed.replace(/\s+/g, '');
  if (!q) return dir.townships;
  return dir.townships
    .map((t) => (t.name.includes(q) || t.county.includes(q) ? t : { ...t, villages: t.villages.filter((v) => v.name.includes(q)) }))
    .filter((t) => t.villages.length > 0);
}

/**
 * For a villager far from home, or one whose paper code is gone: every village, by township,
 * with a search by name. Choosing one opens it as scanning its code would.
 */
export default function VillageFinder({ onPick }: { onPick: (villageId: string) => void }) {
  const [typed, setTyped] = useState('');
  const { data } = useRequest('directory', () => villageApi.directory());
  if (!data) return null;
  const found = findVillages(data, typed);
  return (
    <View className="finder" aria-label="找我的村">
      <Text className="welcome__text">没有二维码？在这里找您的村：</Text>
      <LimitedInput value={typed} onChange={setTyped} placeholder="输入村名或镇名，如：杨家" maxLength={20} name="findVillage" />
      {found.length === 0 && <Text className="welcome__text">没有找到名字里有“{typed.trim()}”的村。</Text>}
      {found.map((t) => (
        <Cell.Group key={t.id} title={`${t.county}${t.name}`}>
          {t.villages.map((v) => (
            <Cell key={v.id} title={v.name} extra="打开 ›" clickable onClick={() => onPick(v.id)} />
          ))}
        </Cell.Group>
      ))}
    </View>
  );
}
