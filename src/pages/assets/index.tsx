import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import AssetWarning, { LEVEL_MEANING, LEVEL_TEXT } from '../../components/AssetWarning';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { assetsApi } from '../../services/assets';
import { useElderMode } from '../../services/elder';
import ContractCard from './ContractCard';
import './index.scss';
import { AssetCard, LandCard } from './RegisterCards';
import TotalsCard from './TotalsCard';

/** Brings the record a link or a tap named into view; a phone that cannot scroll there still shows it marked. */
function scrollToRecord(id: string) {
  try {
    Promise.resolve(Taro.pageScrollTo({ selector: `#va-${id}`, duration: 300 })).catch(() => undefined);
  } catch {
    // Nothing to do: the record is still marked and open.
  }
}

/**
 * 集体的资产与资源: what the village owns, what is let to whom until when for how much, whether it
 * was paid, how each contract was awarded and who approved it, and the warnings on them in words
 * and colour. Everything here is public to the village. A link may name a contract or an asset
 * (`contractId`, `assetId`: a question's link, a warning): it opens marked and in view.
 */
export default function AssetsPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const view = useRequest(villageId ? `assets:${villageId}` : null, () => assetsApi.village(villageId));
  const [picked, setPicked] = useState<string | null>(params.contractId ?? params.assetId ?? null);
  // Contracts opened to their payments: the one a link named, and any the villager taps.
  const [open, setOpen] = useState<string[]>(params.contractId ? [params.contractId] : []);
  const v = view.data;

  useEffect(() => {
    if (v && picked) scrollToRecord(picked);
  }, [v, picked]);

  function pick(id: string) {
    setPicked(id);
    if (v?.contracts.some((c) => c.id === id)) setOpen((o) => (o.includes(id) ? o : [...o, id]));
  }
  const toggle = (id: string) => setOpen((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]));

  const missing = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村里的主页进入。' };
  const empty = !!v && v.assets.length + v.resources.length + v.contracts.length === 0;
  return (
    <View className={`page village-assets${elder ? ' elder' : ''}`}>
      <PageShell
        loading={!missing && view.loading}
        error={missing ?? view.error ?? null}
        onRetry={view.reload}
        empty={empty}
        emptyTitle="村里还没有登记资产和资源"
        emptyDescription="会计登记后，村里的房屋、设备、土地，租给了谁、收了多少钱，都会在这里公开。"
      >
        {v && (
          <View>
            <TotalsCard totals={v.totals} />

            {v.warnings.length > 0 && (
              <View aria-label="预警">
                <Text className="section-title village-assets__section">预警（{v.totals.openWarnings} 条还没销号）</Text>
                <View className="village-assets__legend">
                  {(['red', 'yellow', 'green'] as const).map((l) => (
                    <Text key={l} className={`village-assets__legend-${l}`}>
                      {LEVEL_TEXT[l]}：{LEVEL_MEANING[l]}
                    </Text>
                  ))}
                </View>
                {v.warnings.map((w) => (
                  <AssetWarning key={w.id} w={w} onSubject={() => pick(w.subject.id)} />
                ))}
              </View>
            )}

            <View aria-label="合同">
              <Text className="section-title village-assets__section">合同（{v.contracts.length} 份）</Text>
              {v.contracts.length === 0 && <Text className="card village-assets__none">还没有合同。</Text>}
              {v.contracts.map((c) => (
                <ContractCard key={c.id} c={c} villageId={villageId} open={open.includes(c.id)} picked={picked === c.id} onToggle={() => toggle(c.id)} />
              ))}
            </View>

            {v.assets.length > 0 && (
              <View aria-label="资产">
                <Text className="section-title village-assets__section">资产（{v.assets.length} 项）</Text>
                {v.assets.map((a) => (
                  <AssetCard key={a.id} a={a} villageId={villageId} picked={picked === a.id} onPick={pick} />
                ))}
              </View>
            )}

            {v.resources.length > 0 && (
              <View aria-label="土地和水面">
                <Text className="section-title village-assets__section">土地和水面（{v.resources.length} 块）</Text>
                {v.resources.map((r) => (
                  <LandCard key={r.id} r={r} villageId={villageId} picked={picked === r.id} onPick={pick} />
                ))}
              </View>
            )}
          </View>
        )}
      </PageShell>
    </View>
  );
}
