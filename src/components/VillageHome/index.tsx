import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { QuarterView } from '../../../types/disclosure';
import type { VillageView } from '../../../types/village';
import { useAction } from '../../hooks/useAction';
import { useRequest } from '../../hooks/useRequest';
import { disclosureApi } from '../../services/disclosure';
import { useElderMode } from '../../services/elder';
import { matterUrl } from '../../services/matters';
import { plainApi } from '../../services/plain';
import { villageApi } from '../../services/village';
import PlainAccount from '../PlainAccount';
import QuarterEntries from '../QuarterEntries';
import ElderHome from './ElderHome';
import { go, quarterPage } from './helpers';
import { HistoryWarning, useHistoryWitness } from './HistoryWitness';
import { PastQuarterCard, QuarterCard } from './QuarterCard';
import SupervisorCard from './SupervisorCard';
import './index.scss';

export { default as FollowButton } from './FollowButton';

/**
 * A village's home: who it is, who supervises it, and where this quarter's disclosure stands.
 * `disclosed` is the reporting quarter's entries when the page already has them (village.home
 * sends them with the village); without them the home asks for them itself.
 */
export default function VillageHome({ village, disclosed: given = null }: { village: VillageView; disclosed?: QuarterView | null }) {
  const { supervisor, quarter, moreQuarters } = village;
  const [elder] = useElderMode();
  // 长辈模式 keeps the three common errands; "显示全部内容" is for this visit only, so the next
  // time the home opens it is simple again (the person chose simple in 我的, not here).
  const [showAll, setShowAll] = useState(false);
  const simple = elder && !showAll;
  const history = useHistoryWitness(village.id);
  // The simple home lists no entries: spare a slow connection the quarter's full list until asked.
  const fetched = useRequest(simple || given ? null : `quarter:${village.id}:${quarter.key}`, () => disclosureApi.quarter(village.id, quarter.key));
  const entries = given ?? fetched.data;
  // The 明白账 comes first, asked of the plain function in a second call: the village function
  // does not depend on it (plain reads disclosure, which the village home reads too). The simple
  // home shows it too: one short card is what an elder most needs to know of the quarter.
  const plain = useRequest(`plain:${village.id}:${quarter.key}`, () => plainApi.summary(village.id, quarter.key));
  // A read, not a write, but a tap all the same: busy while asked, and "no" said in a toast.
  const call = useAction();

  function callSupervisor() {
    return call.run(
      async () => {
        const { phone } = await villageApi.supervisorPhone(village.id);
        await Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
      },
      { failed: '暂时无法拨打', toast: true },
    );
  }

  const urls = {
    money: `/pages/money/index?villageId=${village.id}`,
    quarter: quarterPage(village.id, quarter.key),
    tickets: `/pages/tickets/index?villageId=${village.id}`,
  };

  if (simple) {
    return (
      <ElderHome
        village={village}
        plain={plain.data ?? null}
        rewritten={history === 'rewritten'}
        urls={urls}
        canCall={!!supervisor?.phoneMasked}
        calling={call.busy}
        onCall={callSupervisor}
        onShowAll={() => setShowAll(true)}
      />
    );
  }

  return (
    <View className="village-home">
      {elder && (
        <View className="village-home__elder-more">
          <Button size="normal" fill="none" onClick={() => setShowAll(false)}>
            只显示最常用的三件事
          </Button>
        </View>
      )}
      <View className="village-home__header">
        <Text className="village-home__name">{village.name}</Text>
        <Text className="village-home__place">
          {village.county}
          {village.townshipName}
        </Text>
      </View>

      {plain.data?.summary && <PlainAccount view={plain.data} />}

      {history === 'rewritten' && <HistoryWarning />}

      <SupervisorCard supervisor={supervisor} calling={call.busy} onCall={callSupervisor} />

      <View className="village-home__actions" style={{ padding: '0 16px' }}>
        <Button size="large" type="primary" block onClick={go(urls.money)}>
          村里的钱：每月收支公示
        </Button>
        <Button size="large" block onClick={go(urls.tickets)}>
          码上监督：反映问题、提建议
        </Button>
        <Button size="large" block onClick={go(matterUrl(village.id))}>
          一事一议 · 村民表决
        </Button>
      </View>

      <QuarterCard villageId={village.id} quarter={quarter} />

      {entries && <QuarterEntries villageId={village.id} view={entries} />}

      {moreQuarters.map((q) => (
        <PastQuarterCard key={q.key} villageId={village.id} q={q} />
      ))}
    </View>
  );
}
