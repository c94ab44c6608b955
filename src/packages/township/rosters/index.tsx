import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CrossVillagePerson } from '../../../../types/roster';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { identityApi, rosterApi } from '../../../services/identity';
import './index.scss';
import Request from './Request';

function hukouText(p: CrossVillagePerson): string {
  const holder = p.villages.find((v) => v.hukouHere);
  if (p.hukou === 'one' && holder) return `户籍在${holder.villageName}，只在${holder.villageName}参加村民会议表决。`;
  if (p.hukou === 'none') return '几个村都写了户籍不在本村：请核实户籍在哪个村，由那个村在花名册里改过来。';
  return '几个村都登记为户籍在本村：核实之前，这个人在这几个村都不参加村民会议表决。请核实后由户籍不在的村改为“否”。';
}

/**
 * 镇里的花名册事务: imports a cadre may not make alone, waiting for the admin; and the people on
 * more than one village's roster, with where their 户籍 is (and so where they vote).
 */
export default function TownshipRostersPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [version, setVersion] = useState(0);
  const me = useRequest('whoami', () => identityApi.whoami());
  const isAdmin = !!me.data?.township.some((t) => t.townshipId === townshipId && t.can.includes('roster.decideApproval'));
  const requests = useRequest(isAdmin ? `roster-approvals:${townshipId}:${version}` : null, () => rosterApi.approvals(townshipId));
  const cross = useRequest(`cross-village:${townshipId}`, () => rosterApi.crossVillage(townshipId));

  return (
    <View className="page township-rosters">
      {isAdmin && (
        <View aria-label="花名册导入确认">
          <Text className="township-rosters__intro">
            村里导入花名册时，如果会移出花名册五分之一以上的人、移出村两委、监委会或民主理财小组成员、移出导入的人自己，或让他们不再参加本村表决，要镇管理员看过名单确认后才能导入。每次确认只对那一个文件有效，只能用一次，72
            小时内有效。
          </Text>
          <PageShell
            loading={requests.loading}
            error={requests.error}
            onRetry={requests.reload}
            empty={requests.data?.approvals.length === 0}
            emptyTitle="没有等待确认的花名册导入"
          >
            <View role="list">
              {requests.data?.approvals.map((a) => (
                <Request key={a.id} a={a} townshipId={townshipId} onDone={() => setVersion((v) => v + 1)} />
              ))}
            </View>
          </PageShell>
        </View>
      )}
      <View aria-label="在几个村花名册上的人">
        <Text className="township-rosters__intro">同一个人可以在几个村的花名册上（住在一个村，户籍在另一个村），但只在户籍所在的村参加村民会议表决。</Text>
        <PageShell
          loading={cross.loading}
          error={cross.error}
          onRetry={cross.reload}
          empty={cross.data?.people.length === 0}
          emptyTitle="没有人同时在几个村的花名册上"
        >
          <Cell.Group title={`在本镇几个村花名册上的人（${cross.data?.people.length ?? 0}）`}>
            {cross.data?.people.map((p) => (
              <Cell
                key={p.idMasked + p.villages.map((v) => v.villageId).join()}
                title={`${p.villages[0]?.name ?? ''}（${p.idMasked}）${p.hukou === 'several' ? ' · 户籍待核实' : ''}`}
                description={`${p.villages.map((v) => `${v.villageName}${v.name !== p.villages[0]?.name ? `（写作“${v.name}”）` : ''}：${v.hukouHere ? '户籍在此' : '户籍不在此'}`).join('；')}。${hukouText(p)}`}
              />
            ))}
          </Cell.Group>
        </PageShell>
      </View>
    </View>
  );
}
