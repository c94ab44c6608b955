import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { VillageAssetsView } from '../../../../types/assets';
import RolePage from '../../../components/RolePage';
import { useRequest } from '../../../hooks/useRequest';
import { useVillagePage } from '../../../hooks/useVillagePage';
import { assetsApi } from '../../../services/assets';
import AssetFormCard from './AssetFormCard';
import ContractCard from './ContractCard';
import DraftCard from './DraftCard';
import ImportCard from './ImportCard';
import { AssetCard, ResourceCard } from './RegisterCards';
import ResourceFormCard from './ResourceFormCard';
import TotalsCard from './TotalsCard';
import './index.scss';

/** Said where a register or the contracts have nothing yet. */
function Nothing({ text }: { text: string }) {
  return (
    <View className="card">
      <Text className="cadre-assets__hint" style={{ margin: 0 }}>
        {text}
      </Text>
    </View>
  );
}

/**
 * The 会计's 三资: the village's assets and land with their state, registered and corrected one by
 * one, and the contracts that let them, with what each should have brought in and what it did.
 * Everything here is public to the village; villagers read it on their own page.
 */
export default function CadreAssetsPage() {
  const { villageId, status, can, version, reload } = useVillagePage('assets');
  const [adding, setAdding] = useState<'asset' | 'resource' | null>(null);

  const allowed = can('assets.addAsset');
  const loaded = useRequest<VillageAssetsView>(allowed ? `assets:${villageId}:${version}` : null, () => assetsApi.village(villageId));
  const data = loaded.data;

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  const denied =
    status.data && !allowed ? { code: 'PERMISSION_DENIED', message: '三资台账和合同由村会计登记。村里的资产、资源和合同，请在“村里的钱”里查看。' } : null;
  const error = missingVillage ?? status.error ?? denied ?? (data ? null : loaded.error) ?? null;
  const loading = !error && (!status.data || !data);

  // A record whose contract still runs is let out: a second contract waits for 续签 or 解除 there.
  const running = new Set(data?.contracts.filter((c) => c.status === 'active').map((c) => c.id));
  const letOut = (contractId: string | null) => contractId !== null && running.has(contractId);
  const tools = { villageId, canContract: can('assets.addContract'), onChanged: reload };
  const added = () => {
    setAdding(null);
    reload();
  };

  return (
    <RolePage
      className="page cadre-assets"
      loading={loading}
      error={error}
      reads={[status, loaded]}
      deniedTitle="只有村会计可以登记三资"
      back={{ className: 'cadre-assets__buttons', style: { padding: '0 16px' } }}
    >
      {data && (
        <View>
          <TotalsCard villageName={data.villageName} totals={data.totals} />

          {adding === null ? (
            <View className="card">
              <Text className="cadre-assets__hint" style={{ marginTop: 0 }}>
                村集体的房屋、设备、设施记为资产；耕地、林地、水面等记为资源。登记后，出租或发包时在它下面登记合同。
              </Text>
              <View className="cadre-assets__buttons">
                <Button type="primary" size="large" block onClick={() => setAdding('asset')}>
                  登记资产
                </Button>
                {can('assets.addResource') && (
                  <Button type="primary" size="large" block onClick={() => setAdding('resource')}>
                    登记土地、水面等资源
                  </Button>
                )}
              </View>
            </View>
          ) : adding === 'asset' ? (
            <AssetFormCard villageId={villageId} onSaved={added} onCancel={() => setAdding(null)} />
          ) : (
            <ResourceFormCard villageId={villageId} onSaved={added} onCancel={() => setAdding(null)} />
          )}

          <Text className="section-title" style={{ display: 'block' }}>
            资源：土地和水面（{data.resources.length} 块）
          </Text>
          {data.resources.length === 0 && <Nothing text="还没有登记土地或水面。" />}
          {data.resources.map((r) => (
            <ResourceCard key={r.id} resource={r} tools={{ ...tools, canEdit: can('assets.updateResource'), letOut: letOut(r.contractId) }} />
          ))}

          <Text className="section-title" style={{ display: 'block' }}>
            资产（{data.assets.length} 项）
          </Text>
          {data.assets.length === 0 && <Nothing text="还没有登记资产。" />}
          {data.assets.map((a) => (
            <AssetCard key={a.id} asset={a} tools={{ ...tools, canEdit: can('assets.updateAsset'), letOut: letOut(a.contractId) }} />
          ))}

          <Text className="section-title" style={{ display: 'block' }}>
            合同（{data.contracts.length} 份）
          </Text>
          {data.contracts.length === 0 && <Nothing text="还没有登记合同。" />}
          {data.contracts.map((c) => (
            <ContractCard
              key={c.id}
              villageId={villageId}
              contract={c}
              warnings={data.warnings.filter((w) => w.subject.type === 'contract' && w.subject.id === c.id && w.state !== 'closed')}
              canRenew={can('assets.renewContract')}
              canTerminate={can('assets.terminateContract')}
              onChanged={reload}
            />
          ))}

          {can('assets.commitImport') && <ImportCard villageId={villageId} onImported={reload} />}
          {can('assets.draftDisclosure') && <DraftCard villageId={villageId} />}
        </View>
      )}
    </RolePage>
  );
}
