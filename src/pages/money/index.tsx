import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { CategoryTotal, LedgerRow, PeriodReport } from '../../../types/finance';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { chinaDay, formatChinaTime } from '../../services/china-time';
import { ticketsApi } from '../../services/disclosure';
import { financeApi, monthText } from '../../services/finance';
import { formatFen } from '../../services/money';
import { openAttachment } from '../../services/open-file';
import { ApiCallError } from '../../services/transport';
import { askToBeTold } from '../../services/subscribe';
import { useElderMode } from '../../services/elder';
import Archive from './Archive';
import './index.scss';
import { LimitedTextArea } from '../../components/Limited';

type PeriodKind = 'month' | 'quarter' | 'year';
const PERIOD_NAMES: Record<PeriodKind, string> = { month: '本月', quarter: '本季度', year: '本年' };

/**
 * Bars drawn with plain views: the chart libraries for both weapp and H5 cost more than the
 * whole main package of villager pages, and these bars say the same with their numbers beside.
 */
function Bars({ list, direction }: { list: CategoryTotal[]; direction: '收入' | '支出' }) {
  const mine = list.filter((c) => c.direction === direction).sort((a, b) => b.amountFen - a.amountFen);
  const max = Math.max(1, ...mine.map((c) => c.amountFen));
  if (mine.length === 0) return <Text style={{ display: 'block', color: '#595959' }}>没有{direction}</Text>;
  return (
    <View className="money__bars" role="list" aria-label={`${direction}按科目`}>
      {mine.map((c) => (
        <View key={c.accountId} className="money__bar-row" role="listitem" aria-label={`${c.account} ${formatFen(c.amountFen)} 元`}>
          <Text className="money__bar-label">{c.account}</Text>
          <View className="money__bar-track">
            <View
              className={`money__bar-fill money__bar-fill--${direction === '收入' ? 'in' : 'out'}`}
              style={{ width: `${Math.max(2, Math.round((c.amountFen / max) * 100))}%` }}
            />
          </View>
          <Text className="money__bar-value">{formatFen(c.amountFen)}</Text>
        </View>
      ))}
    </View>
  );
}

function Period({ report }: { report: PeriodReport }) {
  // Whether and how to compare with last year is the server's call (like months only).
  const c = report.comparison;
  return (
    <View className="card" aria-label={`${report.label}收支`}>
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>{report.label}</Text>
      {report.coverage && <Text className="money__coverage">按已公示的 {report.coverage}计算</Text>}
      <Text style={{ display: 'block', marginTop: '6px' }}>
        收入 {formatFen(report.incomeFen)} 元{c.comparable ? `，${c.income.words}` : ''}
      </Text>
      <Text style={{ display: 'block' }}>
        支出 {formatFen(report.expenseFen)} 元{c.comparable ? `，${c.expense.words}` : ''}
      </Text>
      {!c.comparable && (
        <Text className="money__no-compare">
          {c.reason}。
        </Text>
      )}
      {report.gapFen !== null && report.gapFen !== 0 && (
        <Text style={{ display: 'block', color: '#a8071a' }}>
          ⚠ 这段时间的账对不上：期初 + 收入 − 支出 与期末相差 {formatFen(Math.abs(report.gapFen))} 元（可能有月份还没公示）。
        </Text>
      )}
      <Text style={{ display: 'block', marginTop: '12px', fontWeight: 600 }}>收入从哪里来</Text>
      <Bars list={report.byCategory} direction="收入" />
      <Text style={{ display: 'block', marginTop: '12px', fontWeight: 600 }}>钱花在哪里</Text>
      <Bars list={report.byCategory} direction="支出" />
      {report.largest.length > 0 && (
        <View style={{ marginTop: '12px' }}>
          <Text style={{ display: 'block', fontWeight: 600 }}>金额最大的几笔</Text>
          {report.largest.map((l) => (
            <Text key={l.rowId} style={{ display: 'block' }}>
              {l.date} {l.direction} {formatFen(l.amountFen)} 元 · {l.account} · {l.summary}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

function Row({ row, villageId, picked }: { row: LedgerRow; villageId: string; picked: boolean }) {
  const [asking, setAsking] = useState(false);
  const [text, setText] = useState('');
  async function ask() {
    try {
      await askToBeTold('ticket');
      await ticketsApi.ask({ villageId, subject: { type: 'ledger', month: row.month, rowId: row.id }, text: text.trim() });
      setAsking(false);
      setText('');
      Taro.showToast({ title: '已交给村务监督委员会，答复会出现在“我的”', icon: 'none', duration: 3000 });
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiCallError ? e.message : '没有提交成功', icon: 'none', duration: 3000 });
    }
  }
  return (
    <View className={`card${picked ? ' money__row--picked' : ''}`} aria-label={`账目：${row.date} ${row.summary}`}>
      <View style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
        <View style={{ flexShrink: 0 }}>
          <Tag type={row.direction === '收入' ? 'success' : 'default'}>{row.direction}</Tag>
        </View>
        <Text style={{ fontSize: '18px', fontWeight: 600 }}>{formatFen(row.amountFen)} 元</Text>
        <Text style={{ color: '#595959' }}>{row.date}</Text>
      </View>
      <Text style={{ display: 'block', marginTop: '4px' }}>
        {row.account} · {row.summary}
        {row.counterparty ? ` · ${row.counterparty}` : ''}
      </Text>
      {row.adjusts && <Text style={{ display: 'block', color: '#ad6800' }}>调整分录：{row.adjusts.reason}</Text>}
      {row.flags.map((f) => (
        <Text key={f} style={{ display: 'block', color: '#a8071a' }}>
          ⚠ 值得留意：{f}
        </Text>
      ))}
      {row.vouchers.map((v) => (
        <Text key={v.id} style={{ display: 'block', color: '#1677ff' }} onClick={() => openAttachment(v, row.vouchers)}>
          凭证：{v.name} ›
        </Text>
      ))}
      {asking ? (
        <View>
          <LimitedTextArea value={text} onChange={setText} placeholder="想问这一笔什么？" maxLength={500} />
          <Button type="primary" size="large" block disabled={text.trim().length < 4} onClick={ask}>
            提交问题
          </Button>
        </View>
      ) : (
        <Button size="normal" onClick={() => setAsking(true)}>
          问一问这笔
        </Button>
      )}
    </View>
  );
}

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

  function pick(p: string) {
    setPeriod(p);
    if (/^\d{4}-\d{2}$/.test(p)) setMonth(p);
  }

  // Once the page has shown what is new, it is no longer new next time.
  useEffect(() => {
    if (m) financeApi.seen(villageId).catch(() => undefined);
  }, [m, villageId]);

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      <PageShell
        loading={money.loading}
        error={money.error}
        onRetry={money.reload}
        empty={!!m && m.latestMonth === null}
        emptyTitle="还没有公示的账目"
        emptyDescription="民主理财小组签字后的月份会出现在这里。"
      >
        {m && m.latestMonth && (
          <View>
            <View className="card" aria-label="余额">
              <Text style={{ display: 'block', color: '#595959' }}>村集体账上现有（截至{monthText(m.latestMonth)}底）</Text>
              <Text className="money__balance">{m.balanceFen === null ? '—' : `${formatFen(m.balanceFen)} 元`}</Text>
            </View>

            <View className="card money__since" aria-label="自上次查看以来">
              <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>
                {m.lastViewedAt ? `自上次查看（${formatChinaTime(m.lastViewedAt)}）以来` : '最近公示的月份'}
              </Text>
              {m.sinceLastView.length === 0 ? (
                <Text style={{ display: 'block' }}>没有新公示的月份。</Text>
              ) : (
                m.sinceLastView.map((s) => (
                  <Text key={s.month} style={{ display: 'block', marginTop: '4px' }} onClick={() => pick(s.month)}>
                    新公示：{monthText(s.month)}，收入 {formatFen(s.incomeFen)} 元，支出 {formatFen(s.expenseFen)} 元 ›
                  </Text>
                ))
              )}
            </View>

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
            {report ? <Period report={report} /> : (other.loading || other.error) && <PageShell loading={other.loading} error={other.error} onRetry={other.reload} />}

            {m.flagged.length > 0 && (
              <Cell.Group title="值得留意的账目">
                {m.flagged.map((r) => (
                  <Cell key={r.id} title={`${r.date} ${r.summary}`} description={r.flags.join('；')} extra={`${formatFen(r.amountFen)} 元`} onClick={() => pick(r.month)} />
                ))}
              </Cell.Group>
            )}

            <PageShell loading={rows.loading} error={rows.error} onRetry={rows.reload}>
              {rows.data && (
                <View aria-label={`${monthText(rows.data.month)}明细`}>
                  <Text className="section-title" style={{ display: 'block' }}>
                    {monthText(rows.data.month)}明细（{rows.data.rows.length} 笔，{rows.data.publishedAt ? `${chinaDay(rows.data.publishedAt)} 公示` : ''}）
                  </Text>
                  {rows.data.rows.map((r) => (
                    <Row key={r.id} row={r} villageId={villageId} picked={r.id === params.rowId} />
                  ))}
                </View>
              )}
            </PageShell>
          </View>
        )}
      </PageShell>
    </View>
  );
}
