import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { TownshipCompletenessRow } from '../../../../types/disclosure';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { currentQuarterKey } from '../../../services/china-time';
import { disclosureApi } from '../../../services/disclosure';
import { dateText, quarterText } from '../../../services/labels';
import { isQuarterKey, reportingQuarterKey, shiftQuarter } from '../../../services/quarters';
import './index.scss';

type SortBy = 'missing' | 'name';

const COLUMNS = ['村', '按时公开', '逾期公开', '未公开(逾期)', '未到期'];

function sorted(rows: TownshipCompletenessRow[], by: SortBy): TownshipCompletenessRow[] {
  const byName = (a: TownshipCompletenessRow, b: TownshipCompletenessRow) => a.villageName.localeCompare(b.villageName, 'zh-CN');
  // The villages most behind come first: that is who the township has to call.
  const byMissing = (a: TownshipCompletenessRow, b: TownshipCompletenessRow) =>
    b.counts.missing - a.counts.missing || b.counts.late - a.counts.late || byName(a, b);
  return [...rows].sort(by === 'name' ? byName : byMissing);
}

/** 镇里: every village × one quarter's completeness, to see at a glance who has not published. */
export default function TownshipOverviewPage() {
  const { params } = useRouter();
  const townshipId = params.townshipId ?? '';
  const [quarter, setQuarter] = useState(() => (isQuarterKey(params.quarter) ? params.quarter : reportingQuarterKey()));
  const [sortBy, setSortBy] = useState<SortBy>('missing');
  const table = useRequest(`township:${townshipId}:${quarter}`, () => disclosureApi.township(townshipId, quarter));
  const rows = table.data ? sorted(table.data.rows, sortBy) : [];
  const missingTotal = rows.reduce((n, r) => n + r.counts.missing, 0);
  const behind = rows.filter((r) => r.counts.missing > 0).length;
  // The quarter under way can be looked at (everything still 未到期); later ones have nothing yet.
  const atLatest = quarter >= currentQuarterKey();

  return (
    <View className="page township-overview">
      <View className="township-overview__switcher">
        <Button size="small" onClick={() => setQuarter((q) => shiftQuarter(q, -1))}>
          上一季度
        </Button>
        <Text className="township-overview__quarter">{quarterText(quarter)}</Text>
        <Button size="small" disabled={atLatest} onClick={() => setQuarter((q) => shiftQuarter(q, 1))}>
          下一季度
        </Button>
      </View>
      <PageShell
        loading={table.loading}
        error={table.error}
        onRetry={table.reload}
        empty={!!table.data && rows.length === 0}
        emptyTitle="镇里还没有村"
      >
        {table.data && (
          <View>
            <View className="township-overview__summary">
              <Text>
                {table.data.label}，{dateText(table.data.dueDate)} 截止。
                {missingTotal > 0 ? `${behind} 个村共缺 ${missingTotal} 项。` : '没有逾期未公开的项目。'}
              </Text>
            </View>
            <View className="township-overview__sort">
              <Text>排序：</Text>
              <Button size="small" type={sortBy === 'missing' ? 'primary' : 'default'} onClick={() => setSortBy('missing')}>
                {sortBy === 'missing' ? '✓ ' : ''}按未公开
              </Button>
              <Button size="small" type={sortBy === 'name' ? 'primary' : 'default'} onClick={() => setSortBy('name')}>
                {sortBy === 'name' ? '✓ ' : ''}按村名
              </Button>
            </View>
            <View className="township-overview__table" role="table" aria-label={`${table.data.label}各村公开情况`}>
              <View className="township-overview__row township-overview__row--head" role="row">
                {COLUMNS.map((c) => (
                  <View key={c} className="township-overview__cell" role="columnheader">
                    <Text>{c}</Text>
                  </View>
                ))}
              </View>
              {rows.map((r) => (
                <View
                  key={r.villageId}
                  className={`township-overview__row${r.counts.missing > 0 ? ' township-overview__row--behind' : ''}`}
                  role="row"
                  aria-label={r.villageName}
                  onClick={() => Taro.navigateTo({ url: `/pages/quarter/index?villageId=${r.villageId}&quarter=${quarter}` })}
                >
                  <View className="township-overview__cell township-overview__cell--name" role="cell">
                    <Text>{r.villageName} ›</Text>
                  </View>
                  <View className="township-overview__cell" role="cell">
                    <Text>{r.counts.published}</Text>
                  </View>
                  <View className="township-overview__cell" role="cell">
                    <Text>{r.counts.late}</Text>
                  </View>
                  <View className={`township-overview__cell${r.counts.missing > 0 ? ' township-overview__cell--missing' : ''}`} role="cell">
                    {/* Colour is never the only signal: the words say it too. */}
                    <Text>{r.counts.missing > 0 ? `缺 ${r.counts.missing} 项` : '0'}</Text>
                  </View>
                  <View className="township-overview__cell" role="cell">
                    <Text>{r.counts.pending}</Text>
                  </View>
                </View>
              ))}
            </View>
            <View className="township-overview__note">
              <Text>每村应公开 {rows[0]?.counts.required ?? 0} 项。点一个村查看它本季度的每一项。</Text>
            </View>
          </View>
        )}
      </PageShell>
    </View>
  );
}
