import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import AssetWarning, { recordLink } from '../../../components/AssetWarning';
import ChoiceRow from '../../../components/ChoiceRow';
import NoticeReminders from '../../../components/NoticeReminders';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { assetsApi } from '../../../services/assets';
import { identityApi } from '../../../services/identity';
import { SORTS, type SortBy, sortWarnings } from './helpers';
import './index.scss';
import SettingsCard from './SettingsCard';
import VillageTotals from './VillageTotals';

/**
 * 各村三资预警: for the township's 三资清理 — every village's warnings not yet closed, in the order
 * the campaign works through them, each village's totals, and the numbers the warnings follow
 * (changed by the 镇管理员 only).
 */
export default function TownshipAssetsPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [sortBy, setSortBy] = useState<SortBy>('level');
  const [version, setVersion] = useState(0);
  const view = useRequest(townshipId ? `township-assets:${townshipId}` : null, () => assetsApi.township(townshipId));
  const settings = useRequest(townshipId ? `township-asset-settings:${townshipId}:${version}` : null, () => assetsApi.settings(townshipId));
  const who = useRequest('whoami', () => identityApi.whoami());
  const isAdmin = who.data?.township.some((t) => t.townshipId === townshipId && t.can.includes('assets.updateSettings')) ?? false;
  const v = view.data;
  const warnings = v ? sortWarnings(v.warnings, sortBy) : [];

  const missing = townshipId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个镇，请从“我的”页面进入。' };
  return (
    <View className="page township-assets">
      <NoticeReminders />
      <PageShell loading={!missing && view.loading && !v} error={missing ?? view.error ?? null} onRetry={view.reload}>
        {v && (
          <View>
            <View aria-label="未销号的预警">
              <Text className="section-title" style={{ display: 'block' }}>
                未销号的预警（{v.warnings.length} 条）
              </Text>
              <View className="township-assets__sort">
                <ChoiceRow className="township-assets__sort-row" label="排序" tick choices={SORTS} current={sortBy} onPick={setSortBy} />
                <Text className="township-assets__note">{SORTS.find((s) => s.value === sortBy)?.note}</Text>
              </View>
              {warnings.length === 0 && <Text className="card township-assets__none">各村没有未销号的预警。</Text>}
              <View role="list" aria-label="预警列表">
                {warnings.map((w) => (
                  <AssetWarning key={w.id} w={w} showVillage onSubject={() => Taro.navigateTo({ url: recordLink(w) })} />
                ))}
              </View>
            </View>
            <VillageTotals villages={v.villages} />
          </View>
        )}
      </PageShell>
      {settings.data && <SettingsCard settings={settings.data} canEdit={isAdmin} onSaved={() => setVersion((n) => n + 1)} />}
    </View>
  );
}
