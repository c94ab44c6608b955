import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PlainView } from '../../../types/plain';
import type { VillageView } from '../../../types/village';
import Listen from '../Listen';
import PlainAccount from '../PlainAccount';
import { sentences } from '../Listen/say';
import { HistoryWarning } from './HistoryWitness';
import { go } from './helpers';

/**
 * One errand of the elder home: a plain-word title and a line saying what is behind it. A real
 * button (not a View), so screen readers announce it as one and read both lines. The words say
 * what each is; colour only repeats the home's usual "the first one is red".
 */
function BigErrand({ title, hint, onClick, primary }: { title: string; hint: string; onClick: () => void; primary?: boolean }) {
  return (
    <View role="listitem" className="village-home__errand">
      <Button className="village-home__big" size="xlarge" type={primary ? 'primary' : 'default'} block onClick={onClick}>
        <View className="village-home__big-text">
          <Text className="village-home__big-title">{title}</Text>
          <Text className="village-home__big-hint">{hint}</Text>
        </View>
      </Button>
    </View>
  );
}

interface Props {
  village: VillageView;
  /** The quarter's published 明白账, once asked for (null until then, or when there is none). */
  plain: PlainView | null;
  rewritten: boolean;
  urls: { money: string; quarter: string; tickets: string };
  /** The 监委会 主任 has a phone on record: the home offers to call. */
  canCall: boolean;
  calling: boolean;
  onCall: () => void;
  onShowAll: () => void;
}

/**
 * 长辈模式's home: the quarter's 明白账 first (the same card as the full home, with its large 听),
 * then the three common errands in big buttons, a call to the 主任, and a way to everything else.
 */
export default function ElderHome({ village, plain, rewritten, urls, canCall, calling, onCall, onShowAll }: Props) {
  return (
    <View className="village-home village-home--elder">
      <View className="village-home__header">
        <Text className="village-home__name">{village.name}</Text>
      </View>
      <Listen
        read={() =>
          sentences([
            village.name,
            '常用的三件事',
            '看村里的钱：每月收了多少钱、花在了哪里',
            `看本季度公开：${village.quarter.label}村里公开了哪些事`,
            '有事找监督委员会：反映问题、提建议，村务监督委员会来办',
          ])
        }
        what="这一页"
        elderOnly
      />
      {plain?.summary && <PlainAccount view={plain} />}
      {rewritten && <HistoryWarning />}
      <View className="village-home__errands" role="list" aria-label="常用的三件事">
        <BigErrand title="看村里的钱" hint="每月收了多少钱、花在了哪里" onClick={go(urls.money)} primary />
        <BigErrand title="看本季度公开" hint={`${village.quarter.label}村里公开了哪些事`} onClick={go(urls.quarter)} />
        <BigErrand title="有事找监督委员会" hint="反映问题、提建议，村务监督委员会来办" onClick={go(urls.tickets)} />
      </View>
      <View className="village-home__elder-more">
        {canCall && (
          <Button size="normal" loading={calling} onClick={onCall}>
            打电话给监委会主任
          </Button>
        )}
        <Button size="normal" fill="none" onClick={onShowAll}>
          显示全部内容
        </Button>
      </View>
    </View>
  );
}
