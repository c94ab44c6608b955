import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MatterView } from '../../../../types/matters';
import RolePage from '../../../components/RolePage';
import { useRequest } from '../../../hooks/useRequest';
import { useVillagePage } from '../../../hooks/useVillagePage';
import { mattersApi } from '../../../services/matters';
import MatterCard from './MatterCard';
import ProposeCard from './ProposeCard';
import './index.scss';

/**
 * 一事一议 for the 书记 and 村委会主任: every matter of the village with where it stands, and
 * for the one opened, the single thing its stage allows next.
 */
export default function CadreMattersPage() {
  const { villageId, params, status, can, roles, version, reload } = useVillagePage('matters');
  const [opened, setOpened] = useState<string | null>(params.matterId ?? null);
  const [proposing, setProposing] = useState(false);

  const allowed = can('matters.discuss');
  // Proposing on the branch's behalf is the 书记's; matters.propose also lets a villager propose (to be
  // co-signed), so no single action says this: the role does.
  const isSecretary = roles.includes('secretary');
  const list = useRequest(allowed ? `matters:${villageId}:${version}` : null, () => mattersApi.list(villageId));

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  const denied =
    status.data && !allowed
      ? { code: 'PERMISSION_DENIED', message: '一事一议的办理只有村党组织书记和村委会主任可以做。村里的议题和表决，请在村务页面查看。' }
      : null;
  const error = missingVillage ?? status.error ?? denied ?? (list.data ? null : list.error) ?? null;
  const loading = !error && (!status.data || !list.data);
  const matters = list.data?.matters ?? [];

  function proposed(m: MatterView) {
    setProposing(false);
    setOpened(m.id);
    reload();
  }

  return (
    <RolePage
      className="page matters"
      loading={loading}
      error={error}
      reads={[status, list]}
      deniedTitle="只有书记和村委会主任可以办理一事一议"
      back={{ className: 'matters__buttons', style: { padding: '0 16px' } }}
    >
      <View className="card">
        <Text className="matter-parts__hint" style={{ margin: 0 }}>
          四议两公开：提议 → 商议 → 审议（党员大会）→ 决议（村民会议或村民代表会议）→ 决议公开 → 实施结果公开，每一步都要做完才能进入下一步。
        </Text>
        {isSecretary && !proposing && (
          <View className="matters__buttons">
            <Button type="primary" size="large" block onClick={() => setProposing(true)}>
              发起新议题
            </Button>
          </View>
        )}
        {!isSecretary && <Text className="matter-parts__hint">议题由村党组织书记代表村党组织提出；村民也可以联名提出。</Text>}
      </View>

      {proposing && <ProposeCard villageId={villageId} onProposed={proposed} onCancel={() => setProposing(false)} />}

      <Text className="section-title" style={{ display: 'block' }}>
        {`本村议题（${matters.length} 个）`}
      </Text>
      {matters.length === 0 ? (
        <View className="card">
          <Text className="matter-parts__hint" style={{ margin: 0 }}>
            还没有议题。
          </Text>
        </View>
      ) : (
        <View role="list" aria-label="本村议题">
          {matters.map((s) => (
            <MatterCard
              key={s.id}
              villageId={villageId}
              summary={s}
              expanded={opened === s.id}
              version={version}
              onToggle={() => setOpened((o) => (o === s.id ? null : s.id))}
              onDone={reload}
            />
          ))}
        </View>
      )}
    </RolePage>
  );
}
