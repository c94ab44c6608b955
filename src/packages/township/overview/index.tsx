import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import type { CompletenessCounts, TownshipCompletenessRow } from '../../../../types/disclosure';
import type { TownshipTicketRow } from '../../../../types/tickets';
import PageShell from '../../../components/PageShell';
import NoticeReminders from '../../../components/NoticeReminders';
import { useRequest } from '../../../hooks/useRequest';
import { currentQuarterKey, dateText } from '../../../services/china-time';
import { disclosureApi, ticketsApi } from '../../../services/disclosure';
import { quarterText } from '../../../services/labels';
import { isQuarterKey, shiftQuarter } from '../../../services/quarters';
import './index.scss';

type SortBy = 'missing' | 'overdue' | 'onTime' | 'closed' | 'satisfied' | 'name';
type RateKey = 'onTime' | 'closed' | 'satisfied';
/** What the 问题台账 page shows when opened from a figure here. */
type Show = 'overdue' | 'answered' | 'closed' | 'rated' | 'all';

/** One village's line: the two answers joined by villageId. Either half may be missing. */
interface VillageLine {
  villageId: string;
  villageName: string;
  counts?: CompletenessCounts;
  tickets?: TownshipTicketRow;
}

interface RateSpec {
  label: string;
  sortLabel: string;
  show: Show;
  /** Numerator and denominator; the denominator is what the list behind the figure holds. */
  parts: (t: TownshipTicketRow) => [number, number];
  /** Said instead of a figure when the denominator is 0. */
  none: string;
  /** How the basis reads aloud: "答复 5 件中按时 4 件". */
  basis: (n: number, d: number) => string;
}

const RATES: Record<RateKey, RateSpec> = {
  onTime: {
    label: '按时答复率',
    sortLabel: '按时答复率',
    show: 'answered',
    parts: (t) => [t.answeredOnTime, t.answered],
    none: '还没有答复',
    basis: (n, d) => `答复 ${d} 件中按时 ${n} 件`,
  },
  closed: {
    label: '销号率',
    sortLabel: '按销号率',
    show: 'closed',
    parts: (t) => [t.closed, t.received],
    none: '还没有收到',
    basis: (n, d) => `收到 ${d} 件中销号 ${n} 件`,
  },
  satisfied: {
    label: '满意率',
    sortLabel: '按满意率',
    show: 'rated',
    parts: (t) => [t.satisfied, t.rated],
    none: '还没有评价',
    basis: (n, d) => `评价 ${d} 次中满意或基本满意 ${n} 次`,
  },
};

const SORTS: { value: SortBy; label: string; note: string }[] = [
  { value: 'missing', label: '按未公开', note: '缺项多的村排在前面。' },
  { value: 'overdue', label: '按超期', note: '超期未答复多的村排在前面。' },
  { value: 'onTime', label: RATES.onTime.sortLabel, note: '按时答复率低的村排在前面，还没有数据的排在最后。' },
  { value: 'closed', label: RATES.closed.sortLabel, note: '销号率低的村排在前面，还没有数据的排在最后。' },
  { value: 'satisfied', label: RATES.satisfied.sortLabel, note: '满意率低的村排在前面，还没有数据的排在最后。' },
  { value: 'name', label: '按村名', note: '按村名排列。' },
];

/** The exact ratio for sorting, or null when there is nothing to rate yet. */
function ratio(t: TownshipTicketRow | undefined, key: RateKey): number | null {
  if (!t) return null;
  const [n, d] = RATES[key].parts(t);
  return d > 0 ? n / d : null;
}

/** Rounded down, so a village one ticket short never reads 100%. */
const percent = (n: number, d: number) => `${Math.floor((n * 100) / d)}%`;

function merge(completeness: TownshipCompletenessRow[], tickets: TownshipTicketRow[]): VillageLine[] {
  const lines = new Map<string, VillageLine>();
  for (const r of completeness) lines.set(r.villageId, { villageId: r.villageId, villageName: r.villageName, counts: r.counts });
  for (const t of tickets) {
    const line = lines.get(t.villageId);
    if (line) line.tickets = t;
    else lines.set(t.villageId, { villageId: t.villageId, villageName: t.villageName, tickets: t });
  }
  return [...lines.values()];
}

function sorted(lines: VillageLine[], by: SortBy): VillageLine[] {
  const byName = (a: VillageLine, b: VillageLine) => a.villageName.localeCompare(b.villageName, 'zh-CN');
  // -1 for "no data", so a village with no figure never comes before one that is behind.
  const missing = (l: VillageLine) => l.counts?.missing ?? -1;
  const late = (l: VillageLine) => l.counts?.late ?? -1;
  const overdue = (l: VillageLine) => l.tickets?.overdueOpen ?? -1;
  const open = (l: VillageLine) => l.tickets?.open ?? -1;
  const compare: Record<SortBy, (a: VillageLine, b: VillageLine) => number> = {
    // The villages most behind come first: that is who the township has to call.
    missing: (a, b) => missing(b) - missing(a) || late(b) - late(a) || byName(a, b),
    overdue: (a, b) => overdue(b) - overdue(a) || open(b) - open(a) || byName(a, b),
    onTime: byRate('onTime'),
    closed: byRate('closed'),
    satisfied: byRate('satisfied'),
    name: byName,
  };
  function byRate(key: RateKey) {
    return (a: VillageLine, b: VillageLine) => {
      const ra = ratio(a.tickets, key);
      const rb = ratio(b.tickets, key);
      if (ra === null || rb === null) return (ra === null ? 1 : 0) - (rb === null ? 1 : 0) || byName(a, b);
      return ra - rb || byName(a, b);
    };
  }
  return [...lines].sort(compare[by]);
}

/**
 * One labelled figure of a village. With `onOpen` it is a tap target of its own that opens the
 * list behind it; without, there is no list worth opening (nothing counted yet).
 */
function Figure(props: { label: string; aria: string; wide?: boolean; onOpen?: () => void; children: ReactNode }) {
  const { label, aria, wide, onOpen, children } = props;
  const cls = `township-overview__figure${wide ? ' township-overview__figure--wide' : ''}${onOpen ? ' township-overview__figure--link' : ''}`;
  return (
    <View
      className={cls}
      role={onOpen ? 'button' : undefined}
      aria-label={aria}
      hoverClass={onOpen ? 'township-overview__figure--pressed' : 'none'}
      onClick={
        onOpen &&
        ((e) => {
          // Only this figure's list opens, whatever is drawn around it later.
          e.stopPropagation();
          onOpen();
        })
      }
    >
      <Text className="township-overview__label">{label}</Text>
      <View className="township-overview__value">
        {children}
        {onOpen && <Text className="township-overview__chevron"> ›</Text>}
      </View>
    </View>
  );
}

function RateFigure({ line, rateKey }: { line: VillageLine; rateKey: RateKey }) {
  const spec = RATES[rateKey];
  const name = line.villageName;
  if (!line.tickets) {
    return (
      <Figure label={spec.label} aria={`${name}${spec.label}：没有数据`}>
        <Text className="township-overview__big">—</Text>
      </Figure>
    );
  }
  const [n, d] = spec.parts(line.tickets);
  if (d === 0) {
    return (
      <Figure label={spec.label} aria={`${name}${spec.label}：${spec.none}`}>
        <Text className="township-overview__big">—</Text>
        <Text className="township-overview__basis">{spec.none}</Text>
      </Figure>
    );
  }
  const url = `/packages/supervise/tickets/index?villageId=${line.villageId}&show=${spec.show}`;
  return (
    <Figure
      label={spec.label}
      aria={`${name}${spec.label} ${percent(n, d)}，${spec.basis(n, d)}，查看`}
      onOpen={() => Taro.navigateTo({ url })}
    >
      <Text className="township-overview__big">{percent(n, d)}</Text>
      {/* The counts behind the rate, so 100% of 1 does not read like 100% of 50. */}
      <Text className="township-overview__basis">
        （{n}/{d}）
      </Text>
    </Figure>
  );
}

function Village({ line, quarter, quarterLabel }: { line: VillageLine; quarter: string; quarterLabel: string }) {
  const { counts, tickets, villageName: name } = line;
  const overdue = tickets?.overdueOpen ?? 0;
  const behind = (counts?.missing ?? 0) > 0 || overdue > 0;
  const ticketsUrl = (show: Show) => `/packages/supervise/tickets/index?villageId=${line.villageId}&show=${show}`;
  return (
    <View className={`card township-overview__village${behind ? ' township-overview__village--behind' : ''}`} role="listitem" aria-label={name}>
      <Text className="township-overview__name">{name}</Text>
      <View className="township-overview__figures">
        {counts ? (
          <Figure
            wide
            label={`公开（${quarterLabel}）`}
            aria={`${name}${quarterLabel}公开：按时 ${counts.published} 项，逾期公开 ${counts.late} 项，缺 ${counts.missing} 项${counts.pending > 0 ? `，未到期 ${counts.pending} 项` : ''}，查看`}
            onOpen={() => Taro.navigateTo({ url: `/pages/quarter/index?villageId=${line.villageId}&quarter=${quarter}` })}
          >
            <Text className="township-overview__part">按时 {counts.published}</Text>
            <Text className="township-overview__part">逾期 {counts.late}</Text>
            {/* Colour is never the only signal: the words say it too. */}
            <Text className={`township-overview__part${counts.missing > 0 ? ' township-overview__alarm' : ''}`}>缺 {counts.missing} 项</Text>
            {counts.pending > 0 && <Text className="township-overview__part">未到期 {counts.pending}</Text>}
          </Figure>
        ) : (
          <Figure wide label={`公开（${quarterLabel}）`} aria={`${name}${quarterLabel}公开：没有数据`}>
            <Text className="township-overview__big">—</Text>
          </Figure>
        )}
        {tickets ? (
          <Figure
            label="超期未答复"
            aria={`${name}超期未答复 ${overdue} 件，查看问题台账`}
            // Overdue ones first when there are any; otherwise the village's whole 问题台账.
            onOpen={() => Taro.navigateTo({ url: ticketsUrl(overdue > 0 ? 'overdue' : 'all') })}
          >
            <Text className={`township-overview__big${overdue > 0 ? ' township-overview__alarm' : ''}`}>{overdue > 0 ? `超期 ${overdue} 件` : '0 件'}</Text>
            <Text className="township-overview__basis">未答复共 {tickets.open} 件</Text>
          </Figure>
        ) : (
          <Figure label="超期未答复" aria={`${name}超期未答复：没有数据`}>
            <Text className="township-overview__big">—</Text>
          </Figure>
        )}
        <RateFigure line={line} rateKey="onTime" />
        <RateFigure line={line} rateKey="closed" />
        <RateFigure line={line} rateKey="satisfied" />
      </View>
    </View>
  );
}

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
  const loaded = table.data && tickets.data;
  const lines = loaded ? sorted(merge(table.data!.rows, tickets.data!.rows), sortBy) : [];
  const missingTotal = lines.reduce((n, l) => n + (l.counts?.missing ?? 0), 0);
  const behind = lines.filter((l) => (l.counts?.missing ?? 0) > 0).length;
  const overdueTotal = lines.reduce((n, l) => n + (l.tickets?.overdueOpen ?? 0), 0);
  const overdueVillages = lines.filter((l) => (l.tickets?.overdueOpen ?? 0) > 0).length;
  const received = lines.reduce((n, l) => n + (l.tickets?.received ?? 0), 0);
  const closed = lines.reduce((n, l) => n + (l.tickets?.closed ?? 0), 0);
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
            <View className="township-overview__summary">
              <Text className="township-overview__summary-line">
                {table.data!.label}，{dateText(table.data!.dueDate)} 截止。
                {missingTotal > 0 ? `${behind} 个村共缺 ${missingTotal} 项。` : '没有逾期未公开的项目。'}
              </Text>
              <Text className={`township-overview__summary-line${overdueTotal > 0 ? ' township-overview__alarm' : ''}`}>
                {overdueTotal > 0 ? `全镇超期未答复 ${overdueTotal} 件，在 ${overdueVillages} 个村。` : '全镇超期未答复 0 件。'}
              </Text>
              <Text className="township-overview__summary-line">
                码上监督累计收到 {received} 件，已销号 {closed} 件。
              </Text>
            </View>
            <View className="township-overview__sort">
              <Text className="township-overview__sort-label">排序：</Text>
              <View className="township-overview__sort-buttons">
                {SORTS.map((s) => (
                  <Button
                    key={s.value}
                    className="township-overview__button"
                    type={sortBy === s.value ? 'primary' : 'default'}
                    aria-pressed={sortBy === s.value}
                    onClick={() => setSortBy(s.value)}
                  >
                    {sortBy === s.value ? '✓ ' : ''}
                    {s.label}
                  </Button>
                ))}
              </View>
              <Text className="township-overview__sort-note">{SORTS.find((s) => s.value === sortBy)?.note}</Text>
            </View>
            <View role="list" aria-label={`${table.data!.label}各村公开与监督情况`}>
              {lines.map((l) => (
                <Village key={l.villageId} line={l} quarter={table.data!.quarter} quarterLabel={table.data!.label} />
              ))}
            </View>
            <View className="township-overview__note">
              <Text>
                每村应公开 {required} 项。点带“›”的数字查看它背后的清单。码上监督的数字从开通起累计，不随季度变化；超期未答复是眼下的件数。
              </Text>
            </View>
          </View>
        )}
      </PageShell>
    </View>
  );
}
