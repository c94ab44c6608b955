import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import NoticeReminders from '../../../components/NoticeReminders';
import PageShell, { deniedPage } from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { useVillagePage } from '../../../hooks/useVillagePage';
import { financeApi } from '../../../services/finance';
import { defaultMonth, isFirstMonth, previousMonthOf, serverCurrentMonth } from '../../../services/ledger-form';
import AddRowCard from './AddRowCard';
import { MONTH_KEY, type Loaded } from './helpers';
import ImportCard from './ImportCard';
import MonthPicker from './MonthPicker';
import MonthStateCard from './MonthStateCard';
import RowCard from './RowCard';
import SummaryCard from './SummaryCard';
import ToolsCard from './ToolsCard';
import './index.scss';

/**
 * The 会计's month: pick a month, import or type its rows, answer the 民主理财小组's queries,
 * and close it with the balance from the bank statement and the cash box. Signing is the
 * panel's, on its own page.
 */
export default function LedgerPage() {
  const { villageId, params, status, can, version, reload } = useVillagePage('ledger');
  const asked = params.month && MONTH_KEY.test(params.month) ? params.month : null;
  const [picked, setPicked] = useState<string | null>(asked);

  const allowed = can('finance.addRow');
  const months = useRequest(allowed ? `ledger-months:${villageId}:${version}` : null, () => financeApi.months(villageId));
  const accounts = useRequest(allowed ? `ledger-accounts:${villageId}` : null, () => financeApi.accounts(villageId));
  const list = months.data?.months ?? [];
  const month = picked ?? (months.data ? defaultMonth(list) : null);
  const loaded = useRequest<Loaded>(allowed && month ? `ledger-month:${villageId}:${month}:${version}` : null, async () => {
    const m = month as string;
    const view = await financeApi.month(villageId, m);
    let expectedOpeningFen: number | null = null;
    if (view.openingFen === null) {
      const prev = list.find((x) => x.month === previousMonthOf(m));
      if (prev?.state === 'published') expectedOpeningFen = (await financeApi.month(villageId, prev.month)).declaredClosingFen;
    }
    return { month: m, view, expectedOpeningFen };
  });
  const data = loaded.data?.month === month ? loaded.data : undefined;

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从村务页面进入。' };
  const denied =
    status.data && !allowed ? { code: 'PERMISSION_DENIED', message: '记账和结账只有村会计可以做。村里已经公示的收支，请在“村里的钱”里查看。' } : null;
  const error = missingVillage ?? status.error ?? denied ?? months.error ?? accounts.error ?? (data ? null : loaded.error) ?? null;
  // A reload after an action keeps the month on screen; only another month shows the skeleton.
  const loading = !error && (!status.data || !months.data || !accounts.data || (month !== null && !data));

  const view = data?.view;
  const current = serverCurrentMonth(list);
  // A month asked for by link but not in the list (nothing recorded yet) still gets its button.
  const listed =
    month && view && !list.some((m) => m.month === month)
      ? [...list, { month, state: view.state, rows: view.rows.length, openQueries: view.openQueries }]
      : list;
  const first = month ? isFirstMonth(list, month) : false;
  const openRows = view?.rows.filter((r) => r.query && r.query.answer === null) ?? [];
  const otherRows = view?.rows.filter((r) => !(r.query && r.query.answer === null)) ?? [];

  function afterImport(imported: string[]) {
    // A file of another month: show that month, where the rows went.
    if (month && imported.length > 0 && !imported.includes(month)) setPicked(imported[0]);
    reload();
  }

  return (
    <View className="page ledger">
      <NoticeReminders />
      <PageShell
        loading={loading}
        error={error}
        empty={!!months.data && month === null}
        emptyTitle="还没有可以记账的月份"
        onRetry={() => {
          status.reload();
          months.reload();
          accounts.reload();
          loaded.reload();
        }}
        renderError={deniedPage('只有村会计可以记账和结账', { className: 'ledger__actions', style: { padding: '0 16px' } })}
      >
        {data && view && month && (
          <View>
            <MonthPicker months={listed} current={current} selected={month} onPick={setPicked} />
            <SummaryCard data={data} first={first} entry={listed.find((m) => m.month === month)} />
            <MonthStateCard villageId={villageId} data={data} current={current} first={first} onChanged={reload} />

            {openRows.length > 0 && (
              <View>
                <Text className="section-title" style={{ display: 'block' }}>
                  待答复的质询（{openRows.length} 笔）
                </Text>
                {openRows.map((r) => (
                  <RowCard key={r.id} villageId={villageId} row={r} state={view.state} onChanged={reload} />
                ))}
              </View>
            )}

            {view.state === 'open' && accounts.data && (
              <AddRowCard key={`add:${month}`} villageId={villageId} month={month} accounts={accounts.data.accounts} onAdded={reload} />
            )}
            <ImportCard villageId={villageId} onImported={afterImport} />

            <Text className="section-title" style={{ display: 'block' }}>
              {openRows.length > 0 ? `其余账目（${otherRows.length} 笔）` : `本月账目（${view.rows.length} 笔）`}
            </Text>
            {otherRows.length === 0 && openRows.length === 0 ? (
              <View className="card">
                <Text className="ledger__hint" style={{ margin: 0 }}>
                  这个月还没有记账。
                </Text>
              </View>
            ) : (
              otherRows.map((r) => <RowCard key={r.id} villageId={villageId} row={r} state={view.state} onChanged={reload} />)
            )}

            <ToolsCard villageId={villageId} month={month} />
          </View>
        )}
      </PageShell>
    </View>
  );
}
