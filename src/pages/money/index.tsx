import { Button, Cell } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { PeriodReport } from '../../../types/finance';
import Listen from '../../components/Listen';
import { sayMoney } from '../../components/Listen/say';
import PageShell from '../../components/PageShell';
import PlainAccount from '../../components/PlainAccount';
import { useRequest } from '../../hooks/useRequest';
import { financeApi } from '../../services/finance';
import { formatFen } from '../../services/money';
import { useElderMode } from '../../services/elder';
import Archive from './Archive';
import './index.scss';
import MonthRows from './MonthRows';
import PeriodCard from './PeriodCard';
import SinceCard from './SinceCard';
import { usePlainMonth } from './usePlainMonth';

type PeriodKind = 'month' | 'quarter' | 'year';
const PERIOD_NAMES: Record<PeriodKind, string> = { month: '本月', quarter: '本季度', year: '本年' };

/**
 * 村里的钱: for a villager far away, in a minute — what the village has, what came in and went
 * out and on what, what is new since they last looked, and what deserves a second look.
 */
export default function MoneyPage() {
  const [elder] = useElderMode();
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  // The period on screen: a month, a quarter or a year key; the latest month until one is picked.
  const [period, setPeriod] = useState<string | undefined>(params.month);
  const [month, setMonth] = useState<string | undefined>(params.month);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [year, setYear] = useState<string | undefined>();
  const money = useRequest(villageId ? `money:${villageId}` : null, () => financeApi.money(villageId));
  // Asked for only when the villager opens 按年份查看: one small answer, however many years.
  const years = useRequest(villageId && archiveOpen ? `money-years:${villageId}` : null, () => financeApi.years(villageId));
  const shownMonth = month ?? money.data?.latestMonth ?? null;
  const rows = useRequest(shownMonth ? `money-month:${villageId}:${shownMonth}` : null, () => financeApi.month(villageId, shownMonth as string));
  const m = money.data;
  const shown = period ?? m?.latestMonth ?? null;
  const latest: Record<PeriodKind, PeriodReport | null> | null = m ? { month: m.month, quarter: m.quarter, year: m.year } : null;
  const inView = latest ? (Object.values(latest).find((r) => r?.period === shown) ?? null) : null;
  // Any other period on record is one report call away.
  const other = useRequest(m && shown && !inView ? `money-report:${villageId}:${shown}` : null, () => financeApi.report(villageId, shown as string));
  const report = inView ?? (other.data?.period === shown ? other.data : null);
  const plain = usePlainMonth(villageId, shownMonth, m);

  function pick(p: string) {
    setPeriod(p);
    if (/^\d{4}-\d{2}$/.test(p)) setMonth(p);
  }

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      {/* Above the books, and there even before a month is published: the other half of what the village has. */}
      <Cell.Group>
        <Cell
          title="集体的资产与资源"
          description="村里的房屋、土地租给了谁、租到哪年、租金收了没有"
          extra="›"
          onClick={() => Taro.navigateTo({ url: `/pages/assets/index?villageId=${villageId}` })}
        />
      </Cell.Group>
      <PageShell
        loading={money.loading}
        error={money.error}
        onRetry={money.reload}
        empty={!!m && m.latestMonth === null}
        emptyTitle="还没有公示的账目"
        emptyDescription="民主理财小组签字后的月份会出现在这里。"
      >
        {m?.latestMonth && (
          <View>
            <Listen read={() => sayMoney(m, report)} what="村里的钱" />
            <SinceCard m={m} latestMonth={m.latestMonth} onPick={pick} words={plain.since} />

            <View className="money__choices money__periods" aria-label="选择时段">
              {(Object.keys(PERIOD_NAMES) as PeriodKind[]).map((k) => (
                <Button key={k} size="large" type={latest?.[k]?.period === shown ? 'primary' : 'default'} onClick={() => latest?.[k] && pick(latest[k].period)}>
                  {PERIOD_NAMES[k]}
                </Button>
              ))}
              <Button size="large" type={archiveOpen ? 'primary' : 'default'} onClick={() => setArchiveOpen((o) => !o)}>
                按年份查看
              </Button>
            </View>
            {archiveOpen && <Archive years={years} year={year ?? shown?.slice(0, 4)} shown={shown} onYear={setYear} onPick={pick} />}
            {/* A month on screen opens with its 明白账: the month in plain words before its figures. */}
            {plain.view && shown === plain.view.period && <PlainAccount view={plain.view} compact />}
            {report ? (
              <PeriodCard report={report} />
            ) : (
              (other.loading || other.error) && <PageShell loading={other.loading} error={other.error} onRetry={other.reload} />
            )}

            {m.flagged.length > 0 && (
              <Cell.Group title="值得留意的账目">
                {m.flagged.map((r) => (
                  <Cell
                    key={r.id}
                    title={`${r.date} ${r.summary}`}
                    description={r.flags.join('；')}
                    extra={`${formatFen(r.amountFen)} 元`}
                    onClick={() => pick(r.month)}
                  />
                ))}
              </Cell.Group>
            )}

            <MonthRows rows={rows} villageId={villageId} pickedRowId={params.rowId} />
          </View>
        )}
      </PageShell>
    </View>
  );
}
