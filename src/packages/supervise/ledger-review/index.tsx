import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { LedgerRow, MonthState, MonthView } from '../../../../types/finance';
import type { Role } from '../../../../types/roles';
import PageShell from '../../../components/PageShell';
import NoticeReminders from '../../../components/NoticeReminders';
import { useRequest } from '../../../hooks/useRequest';
import { dateText } from '../../../services/china-time';
import { financeApi, monthText } from '../../../services/finance';
import { identityApi } from '../../../services/identity';
import { formatFen } from '../../../services/money';
import { openAttachment } from '../../../services/open-file';
import { ApiCallError } from '../../../services/transport';
import './index.scss';
import { LimitedInput } from '../../../components/Limited';
import { confirmFirst } from '../../../services/confirm';
import Signing from '../../../components/Signing';
import { StillNeeded } from '../../../components/FormHints';

const STATE_TEXT: Record<MonthState, string> = {
  open: '未结账',
  closed: '待审核签字',
  published: '已公示',
};

const STATE_TAG: Record<MonthState, 'default' | 'warning' | 'success'> = {
  open: 'default',
  closed: 'warning',
  published: 'success',
};

// Who may query and sign, as the finance function's policy says; the server checks again.
const PANEL: Role[] = ['finance_panel', 'supervisor_chair', 'supervisor'];

// Fifteen months and more pile up; the newest few are what the panel works on.
const MONTHS_SHOWN = 6;

type MonthEntry = { month: string; state: MonthState; rows: number; openQueries: number };

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);
/** A moment stored in UTC, as the China date a villager would write. */

/** The month waiting for a signature comes first; otherwise the newest (the list is newest first). */
function defaultMonth(list: MonthEntry[]): string | null {
  return list.find((m) => m.state === 'closed')?.month ?? list[0]?.month ?? null;
}

function Figure({ label, fen, missing }: { label: string; fen: number | null; missing: string }) {
  return (
    <View className="label-line">
      <Text>{label}</Text>
      <Text className="ledger-review__figure">{fen === null ? missing : `${formatFen(fen)} 元`}</Text>
    </View>
  );
}

function Summary({ view }: { view: MonthView }) {
  const gap = view.computedClosingFen !== null && view.declaredClosingFen !== null ? view.declaredClosingFen - view.computedClosingFen : null;
  return (
    <View className="card" aria-label="本月汇总">
      <View className="ledger-review__row-head">
        <Text className="ledger-review__title">{monthText(view.month)}</Text>
        <View style={{ flexShrink: 0 }}>
          <Tag type={STATE_TAG[view.state]}>{STATE_TEXT[view.state]}</Tag>
        </View>
      </View>
      {view.state === 'open' && <Text className="ledger-review__waiting">会计还没有结账，结账后才能审核签字。</Text>}
      {view.state === 'closed' && view.closedAt && (
        <Text className="ledger-review__note">会计已于 {dateText(view.closedAt)} 结账，请逐笔核对后签字。</Text>
      )}
      {view.state === 'published' && view.publishedAt && <Text className="ledger-review__ok">已于 {dateText(view.publishedAt)} 公示</Text>}

      <Figure label="月初余额" fen={view.openingFen} missing="结账时确定" />
      <Figure label="收入合计" fen={view.incomeFen} missing="" />
      <Figure label="支出合计" fen={view.expenseFen} missing="" />
      <Figure label="按收支算出的月末余额" fen={view.computedClosingFen} missing="结账时确定" />
      <Figure label="会计登记的月末余额" fen={view.declaredClosingFen} missing="结账时登记" />

      {gap !== null && gap !== 0 && (
        <View className="warning-box">
          <Text style={{ display: 'block' }}>账不平：相差 {formatFen(Math.abs(gap))} 元</Text>
          <Text style={{ display: 'block', fontWeight: 400 }}>
            会计登记的月末余额比按收支算出的{gap > 0 ? '多' : '少'} {formatFen(Math.abs(gap))} 元，要请会计核对后重新结账。
          </Text>
        </View>
      )}
      {gap === 0 && <Text className="ledger-review__ok">账平：按收支算出的和会计登记的月末余额一致。</Text>}

      <Text className={view.openQueries > 0 ? 'ledger-review__waiting' : 'ledger-review__note'}>
        {view.openQueries > 0 ? `还有 ${view.openQueries} 笔质询等待会计答复` : '没有等待答复的质询'}
      </Text>
      <Signing signing={view.signing} state={view.state} />
    </View>
  );
}

function Row({ row, canQuery, onQuery }: { row: LedgerRow; canQuery: boolean; onQuery: (reason: string) => Promise<string | null> }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const waiting = row.query !== null && row.query.answer === null;

  async function send() {
    setSending(true);
    setError(null);
    const refused = await onQuery(reason.trim());
    setSending(false);
    if (refused) {
      setError(refused);
      return;
    }
    setAsking(false);
    setReason('');
  }

  return (
    <View className="card" aria-label={`账目：${row.date} ${row.summary}`}>
      <View className="ledger-review__row-head">
        <View style={{ flexShrink: 0 }}>
          <Tag type={row.direction === '收入' ? 'success' : 'primary'}>{row.direction}</Tag>
        </View>
        <Text>
          {dateText(row.date)} · {row.account}
        </Text>
      </View>
      <Text className="ledger-review__amount">{formatFen(row.amountFen)} 元</Text>
      <Text className="ledger-review__detail">摘要：{row.summary}</Text>
      <Text className="ledger-review__detail">{row.direction === '收入' ? '付款方' : '收款方'}：{row.counterparty}</Text>
      <Text className="ledger-review__detail">经手人：{row.handler}</Text>
      {row.vouchers.length > 0 ? (
        <Text className="ledger-review__link" onClick={() => openAttachment(row.vouchers[0], row.vouchers)}>
          查看凭证 {row.vouchers.length} 张 ›
        </Text>
      ) : (
        <Text className="ledger-review__detail">凭证：0 张</Text>
      )}
      {row.adjusts && <Text className="ledger-review__flag">调整分录：{row.adjusts.reason}</Text>}
      {row.flags.map((f) => (
        <Text key={f} className="ledger-review__flag">
          提示：{f}
        </Text>
      ))}

      {row.query && (
        <View className="ledger-review__query">
          <Text style={{ display: 'block' }}>质询：{row.query.reason}</Text>
          {row.query.answer === null ? (
            <Text className="ledger-review__waiting">等待会计答复</Text>
          ) : (
            <Text className="ledger-review__answer">会计答复：{row.query.answer}</Text>
          )}
        </View>
      )}

      {canQuery && !waiting && !asking && (
        <View className="ledger-review__actions">
          <Button size="large" block onClick={() => setAsking(true)}>
            {row.query ? '继续质询' : '质询'}
          </Button>
        </View>
      )}
      {canQuery && asking && (
        <View className="ledger-review__actions">
          <LimitedInput value={reason} onChange={setReason} placeholder="质询原因（会计需要答复）" maxLength={300} name="queryReason" />
          {error && (
            <View className="warning-box" role="alert">
              {error}
            </View>
          )}
          <StillNeeded items={[reason.trim().length < 2 && '写质询原因（至少 2 个字）']} />
          <Button type="primary" size="large" block loading={sending} disabled={sending || reason.trim().length < 2} onClick={send}>
            提交质询
          </Button>
          <Button size="large" block onClick={() => setAsking(false)}>
            取消
          </Button>
        </View>
      )}
    </View>
  );
}

/**
 * The 民主理财小组 and the 监委会 go through a month the 会计 has closed: query rows the 会计
 * must answer, then sign, which publishes the month. Published months stay readable here by
 * anyone, as they are public.
 */
export default function LedgerReviewPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [chosen, setChosen] = useState<string | null>(params.month ?? null);
  const [version, setVersion] = useState(0);
  const [allMonths, setAllMonths] = useState(false);
  const [signing, setSigning] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const months = useRequest(villageId ? `ledger-months:${villageId}:${version}` : null, () => financeApi.months(villageId));
  // Only to decide which buttons to offer; without it the page is still readable.
  const status = useRequest(villageId ? `status:${villageId}` : null, () => identityApi.status(villageId));
  const list = months.data?.months ?? [];
  const month = chosen ?? defaultMonth(list);
  const view = useRequest(villageId && month ? `ledger-month:${villageId}:${month}:${version}` : null, () => financeApi.month(villageId, month ?? ''));
  // A reload after a query or a signature keeps the month on screen; only another month shows the skeleton.
  const current = view.data?.month === month ? view.data : undefined;

  const isPanel = status.data?.roles.some((r) => PANEL.includes(r)) ?? false;
  const canReview = isPanel && current?.state === 'closed';
  // The server says who signs: the 民主理财小组, or the 监委会 only where a village has no group.
  const canSign = canReview && !!current?.signing.mayISign;
  // Signed already and still short of the count: nothing to do but wait. (If the count was met since
  // — the township changed the rule, the group shrank — signing again publishes.)
  const waitingForOthers = !!current && current.signing.signedByMe && current.signing.signatures.length < current.signing.needed;

  function choose(m: string) {
    setChosen(m);
    setRefusal(null);
  }

  /** Reloads the month and the list; the month stays chosen, as signing it would move the default elsewhere. */
  function reload() {
    if (month) setChosen(month);
    setVersion((v) => v + 1);
  }

  async function query(row: LedgerRow, reason: string): Promise<string | null> {
    try {
      await financeApi.queryRow(villageId, row.id, reason);
      Taro.showToast({ title: '已提交质询，等待会计答复', icon: 'none', duration: 2500 });
      setRefusal(null);
      reload();
      return null;
    } catch (e) {
      return messageOf(e, '质询没有提交成功，请稍后再试。');
    }
  }

  async function sign() {
    if (!month || !current) return;
    // Whether this signature completes the count decides what it does: say which before asking.
    const more = current.signing.needed - current.signing.signatures.length - 1;
    const sure = await confirmFirst(
      more > 0
        ? { title: '签字？', content: `您签字后还需 ${more} 人签字，够数后本月账目向全村公示。签字不能撤回。`, confirmText: '签字' }
        : { title: '签字公示？', content: '签字后本月账目马上向全村公示，签字不能撤回，这个月也不能再改。', confirmText: '签字公示' },
    );
    if (!sure) return;
    setSigning(true);
    setRefusal(null);
    try {
      const after = await financeApi.sign(villageId, month);
      // WeChat cuts a toast with an icon to seven characters: no icon, so the whole sentence shows.
      Taro.showToast({ title: after.state === 'published' ? '已签字，本月账目已公示' : `已签字，${after.signing.summary}`, icon: 'none', duration: 2500 });
      reload();
    } catch (e) {
      // Why it was refused (a query unanswered, books off by how much) has to stay in view while the panel acts on it.
      setRefusal(messageOf(e, '没有签字成功，请稍后再试。'));
    } finally {
      setSigning(false);
    }
  }

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  const error = missingVillage ?? months.error ?? (month ? view.error : undefined) ?? null;
  const loading = !error && ((months.loading && !months.data) || (month !== null && !current));
  const chosenIndex = month ? list.findIndex((m) => m.month === month) : -1;
  const shown = allMonths || chosenIndex >= MONTHS_SHOWN ? list : list.slice(0, MONTHS_SHOWN);

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
        <View className="card">
          <Text className="ledger-review__note" style={{ marginTop: 0 }}>
            选择月份
          </Text>
          <View className="ledger-review__months" aria-label="选择月份">
            {shown.map((m) => (
              <Button
                key={m.month}
                className="ledger-review__month"
                type={m.month === month ? 'primary' : 'default'}
                aria-pressed={m.month === month}
                onClick={() => choose(m.month)}
              >
                {monthText(m.month)} · {STATE_TEXT[m.state]}
              </Button>
            ))}
          </View>
          {shown.length < list.length && (
            <Text className="ledger-review__link" onClick={() => setAllMonths(true)}>
              显示更早的月份 ›
            </Text>
          )}
        </View>

        {current && (
          <View>
            <Summary view={current} />

            <Text className="section-title" style={{ display: 'block' }}>
              {current.rows.length > 0 ? `本月账目 ${current.rows.length} 笔` : '本月没有记账'}
            </Text>
            {current.rows.map((row) => (
              <Row key={row.id} row={row} canQuery={canReview} onQuery={(reason) => query(row, reason)} />
            ))}

            {canSign && waitingForOthers && (
              <Text className="ledger-review__note card">您已签字。{current.signing.summary}，够数后本月账目自动公示。</Text>
            )}
            {canSign && !waitingForOthers && (
              <View className="card">
                <Text className="ledger-review__note" style={{ marginTop: 0 }}>
                  每一笔都核对过、质询都有答复、账是平的，才能签字。{current.signing.needed > 1 ? `${current.signing.body}过半数成员签字后` : '签字后'}本月账目向全村公示，不能再改。
                </Text>
                {refusal && (
                  <View className="warning-box" role="alert">
                    {refusal}
                  </View>
                )}
                <Button type="primary" size="large" block loading={signing} disabled={signing} onClick={sign}>
                  {current.signing.needed - current.signing.signatures.length > 1 ? '签字' : '签字公示'}
                </Button>
              </View>
            )}
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
