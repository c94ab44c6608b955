import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import NoticeReminders from '../../../components/NoticeReminders';
import PageShell from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { useVillagePage } from '../../../hooks/useVillagePage';
import { financeApi } from '../../../services/finance';
import { reviewMonth } from './helpers';
import MonthPicker from './MonthPicker';
import RowCard from './RowCard';
import SignCard from './SignCard';
import SummaryCard from './SummaryCard';
import './index.scss';

/**
 * The 民主理财小组 and the 监委会 go through a month the 会计 has closed: query rows the 会计
 * must answer, then sign, which publishes the month. Published months stay readable here by
 * anyone, as they are public.
 */
export default function LedgerReviewPage() {
  // The caller's roles only decide which buttons to offer; without them the page is still readable.
  const page = useVillagePage('ledger-review');
  const { villageId, params, version } = page;
  const [chosen, setChosen] = useState<string | null>(params.month ?? null);
  const [allMonths, setAllMonths] = useState(false);
  const signing = useAction();

  const months = useRequest(villageId ? `ledger-months:${villageId}:${version}` : null, () => financeApi.months(villageId));
  const list = months.data?.months ?? [];
  const month = chosen ?? reviewMonth(list);
  const view = useRequest(villageId && month ? `ledger-month:${villageId}:${month}:${version}` : null, () => financeApi.month(villageId, month ?? ''));
  // A reload after a query or a signature keeps the month on screen; only another month shows the skeleton.
  const current = view.data?.month === month ? view.data : undefined;

  // The server's `can`: finance.queryRow has the same rule as finance.sign (the panel and the 监委会).
  const isPanel = page.can('finance.sign');
  const canReview = isPanel && current?.state === 'closed';
  // The server says who signs: the 民主理财小组, or the 监委会 only where a village has no group.
  const canSign = canReview && !!current?.signing.mayISign;
  // Signed already and still short of the count: nothing to do but wait. (If the count was met since
  // — the township changed the rule, the group shrank — signing again publishes.)
  const waitingForOthers = !!current && current.signing.signedByMe && current.signing.signatures.length < current.signing.needed;

  function choose(m: string) {
    setChosen(m);
    signing.setError(null);
  }

  /** Reloads the month and the list; the month stays chosen, as signing it would move the default elsewhere. */
  function reload() {
    if (month) setChosen(month);
    page.reload();
  }

  function afterQuery() {
    signing.setError(null);
    reload();
  }

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  const error = missingVillage ?? months.error ?? (month ? view.error : undefined) ?? null;
  const loading = !error && ((months.loading && !months.data) || (month !== null && !current));

  return (
    <View className="page ledger-review">
      <NoticeReminders />
      <PageShell
        loading={loading}
        error={error}
        onRetry={months.error ? months.reload : view.reload}
        empty={!month}
        emptyTitle="还没有公示的账目"
        emptyDescription="民主理财小组签字后，每月账目会在这里公示。"
      >
        <MonthPicker list={list} month={month} allMonths={allMonths} onShowAll={() => setAllMonths(true)} onChoose={choose} />

        {current && (
          <View>
            <SummaryCard view={current} />

            <Text className="section-title" style={{ display: 'block' }}>
              {current.rows.length > 0 ? `本月账目 ${current.rows.length} 笔` : '本月没有记账'}
            </Text>
            {current.rows.map((row) => (
              <RowCard key={row.id} villageId={villageId} row={row} canQuery={canReview} onQueried={afterQuery} />
            ))}

            {canSign && waitingForOthers && <Text className="ledger-review__note card">您已签字。{current.signing.summary}，够数后本月账目自动公示。</Text>}
            {canSign && !waitingForOthers && <SignCard villageId={villageId} view={current} signing={signing} onSigned={reload} />}
            {canReview && !canSign && (
              <Text className="ledger-review__note card">本村的月账由{current.signing.body}成员签字；您可以逐笔质询，由会计答复。</Text>
            )}
            {!isPanel && current.state === 'closed' && <Text className="ledger-review__note card">会计已结账，等待民主理财小组审核签字。</Text>}
          </View>
        )}
      </PageShell>
    </View>
  );
}
