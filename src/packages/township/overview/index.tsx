import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import NoticeReminders from '../../../components/NoticeReminders';
import { useRequest } from '../../../hooks/useRequest';
import { currentQuarterKey } from '../../../services/china-time';
import { disclosureApi, ticketsApi } from '../../../services/disclosure';
import { quarterText } from '../../../services/labels';
import { isQuarterKey, shiftQuarter } from '../../../services/quarters';
import './index.scss';
import { merge, sorted, type SortBy } from './helpers';
import SortCard from './SortCard';
import SummaryCard from './SummaryCard';
import VillageCard from './VillageCard';

/**
 * 镇里: every village's disclosure for one quarter beside its 码上监督 figures, to see at a glance
 * who has not published and who leaves questions unanswered. Each figure opens the list behind it.
 */
export default function TownshipOverviewPage() {
  const { params } = useRouter();
  const townshipId = params.townshipId ?? '';
  // No quarter asked for: the server answers with the one being reported by its clock.
  const [asked, setAsked] = useState<string | null>(() => (isQuarterKey(params.quarter) ? params.quarter : null));
  const [sortBy, setSortBy] = useState<SortBy>('missing');
  const table = useRequest(`township:${townshipId}:${asked ?? ''}`, () => disclosureApi.township(townshipId, asked));
  const quarter = asked ?? table.data?.quarter ?? null;
  const setQuarter = (step: number) => quarter && setAsked(shiftQuarter(quarter, step));
  // Ticket figures are running totals, not per quarter: no reload when the quarter changes.
  const tickets = useRequest(`township-tickets:${townshipId}`, () => ticketsApi.township(townshipId));
  // Nothing is shown until both have answered: each line joins a village's disclosure with its ticket figures.
  const loaded = table.data && tickets.data ? { table: table.data, tickets: tickets.data } : null;
  const lines = loaded ? sorted(merge(loaded.table.rows, loaded.tickets.rows), sortBy) : [];
  const required = lines.find((l) => l.counts)?.counts?.required ?? 0;
  // The quarter under way can be looked at (everything still 未到期); later ones have nothing yet.
  const atLatest = !quarter || quarter >= currentQuarterKey();
  const quarterLabel = quarter ? quarterText(quarter) : '';
  const reload = () => {
    if (table.error) table.reload();
    if (tickets.error) tickets.reload();
  };

  return (
    <View className="page township-overview">
      <NoticeReminders />
      <View className="township-overview__switcher">
        <Button className="township-overview__button" disabled={!quarter} onClick={() => setQuarter(-1)}>
          上一季度
        </Button>
        <Text className="township-overview__quarter">{quarterLabel}</Text>
        <Button className="township-overview__button" disabled={atLatest} onClick={() => setQuarter(1)}>
          下一季度
        </Button>
      </View>
      <PageShell
        loading={table.loading || tickets.loading}
        error={table.error ?? tickets.error}
        onRetry={reload}
        empty={!!loaded && lines.length === 0}
        emptyTitle="镇里还没有村"
      >
        {loaded && (
          <View>
            <SummaryCard lines={lines} label={loaded.table.label} dueDate={loaded.table.dueDate} />
            <SortCard sortBy={sortBy} onSort={setSortBy} />
            <View role="list" aria-label={`${loaded.table.label}各村公开与监督情况`}>
              {lines.map((l) => (
                <VillageCard key={l.villageId} line={l} quarter={loaded.table.quarter} quarterLabel={loaded.table.label} />
              ))}
            </View>
            <View className="township-overview__note">
              <Text>每村应公开 {required} 项。点带“›”的数字查看它背后的清单。码上监督的数字从开通起累计，不随季度变化；超期未答复是眼下的件数。</Text>
            </View>
          </View>
        )}
      </PageShell>
    </View>
  );
}
