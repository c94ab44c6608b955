import { speakCells, speakTable } from '../../../common/speech';
import type { Block, PublishedVersion } from '../../../types/disclosure';
import type { MoneyView, PeriodReport } from '../../../types/finance';
import type { HouseholdView } from '../../../types/household';
import type { InboxMessage } from '../../../types/identity';
import { dateText, formatChinaTime } from '../../services/china-time';
import { monthText } from '../../services/finance';
import { formatFen } from '../../services/money';

/**
 * What the 听 buttons read, built from the same data the page draws, so it works in the
 * mini-program too (where there is no page text to take). Written as the page says it, with the
 * numbers as shown; speak() turns them into words.
 */

/** Sentences joined with a full stop where one is missing, so the voice pauses between them. */
export function sentences(parts: (string | null | undefined | false)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim().replace(/([^。！？；：])$/, '$1。'))
    .join('');
}

/** Paragraphs as written; tables row by row with their headers. */
export function sayBlocks(blocks: Block[]): string {
  return sentences(blocks.map((b) => (b.type === 'paragraph' ? b.text : `表格，共${b.rows.length}行。${speakTable(b.columns, b.rows)}`)));
}

/** A published item: its title, who approved it when, why it changed, its amount, and its body. */
export function sayItem(category: string, v: PublishedVersion): string {
  return sentences([
    v.title,
    `${category}，第 ${v.version} 版，${dateText(v.approvedAt)}经${v.approvedBy ?? '村务监督委员会'}审核公开`,
    v.reason && `本版更正原因：${v.reason}`,
    v.amountFen !== null && `金额：${formatFen(v.amountFen)} 元`,
    sayBlocks(v.body),
  ]);
}

/** One period's report as PeriodCard shows it. */
export function sayReport(r: PeriodReport): string {
  const c = r.comparison;
  return sentences([
    `${r.label}${r.coverage ? `，按已公示的 ${r.coverage}计算` : ''}`,
    `收入 ${formatFen(r.incomeFen)} 元${c.comparable ? `，${c.income.words}` : ''}`,
    `支出 ${formatFen(r.expenseFen)} 元${c.comparable ? `，${c.expense.words}` : ''}`,
    !c.comparable && c.reason,
    r.gapFen !== null && r.gapFen !== 0 && `这段时间的账对不上，相差 ${formatFen(Math.abs(r.gapFen))} 元，可能有月份还没公示`,
    r.largest.length > 0 && '金额最大的几笔',
    ...r.largest.map((l) => `${l.date} ${l.direction} ${formatFen(l.amountFen)} 元，${l.account}，${l.summary}`),
  ]);
}

/** 村里的钱 in words: the balance, what is new since the last look, the period on screen, and what deserves a second look. */
export function sayMoney(m: MoneyView, report: PeriodReport | null): string {
  return sentences([
    m.latestMonth && `村集体账上现有 ${m.balanceFen === null ? '多少还不清楚' : `${formatFen(m.balanceFen)} 元`}，截至${monthText(m.latestMonth)}底`,
    m.sinceLastView.length === 0 ? '自上次查看以来，没有新公示的月份' : `${m.lastViewedAt ? '自上次查看以来，' : ''}新公示 ${m.sinceLastView.length} 个月`,
    ...m.sinceLastView.map((s) => `${monthText(s.month)}，收入 ${formatFen(s.incomeFen)} 元，支出 ${formatFen(s.expenseFen)} 元`),
    report && sayReport(report),
    m.flagged.length > 0 && `值得留意的账目 ${m.flagged.length} 笔`,
    ...m.flagged.slice(0, 3).map((r) => `${r.date} ${r.summary}，${formatFen(r.amountFen)} 元，${r.flags.join('；')}`),
  ]);
}

/** A message: whose village, when, and what it says. */
export function sayMessage(m: InboxMessage): string {
  return sentences([m.villageName && `${m.villageName}的消息`, formatChinaTime(m.at), m.stale, m.text]);
}

/**
 * 我家 as the page shows it: who the household is, then each list entry by quarter with its
 * amounts and dates (never the ID number), the 筹资筹劳 shares, the votes and the questions.
 */
export function sayHousehold(v: HouseholdView): string {
  const cells = (e: HouseholdView['entries'][number]) => {
    const shown = e.cells.filter((c) => c.kind !== 'name' && c.kind !== 'id');
    return speakCells(
      shown.map((c) => c.column),
      shown.map((c) => c.text),
    );
  };
  return sentences([
    `${v.viewer === 'supervisor' ? '这一户' : '我家'}：${v.members.map((m) => `${m.name}，${m.relation}`).join('；')}`,
    v.entries.length + v.shares.length + v.votes.length + v.questions.length === 0 && '村里公开的名单、筹资筹劳和表决里，还没有您家的人',
    v.entries.length > 0 && `公开的名单里有您家的 ${v.entries.length} 条`,
    ...v.entries.map((e) =>
      sentences([`${e.quarterLabel}，${e.title}`, `名单上的人：${e.member}`, cells(e), !e.certain && '村里有同名的人，请看原表确认是不是您家']),
    ),
    ...v.shares.map((s) =>
      sentences([
        `筹资筹劳：${s.title}`,
        `您家出资 ${formatFen(s.shareFen)} 元，${s.payers} 人，每人 ${formatFen(s.perPersonFen)} 元`,
        `您家出劳 ${s.shareWorkdays} 个工日，${s.labourers} 人，每人 ${s.workdays} 个`,
        s.exempt.join('；'),
      ]),
    ),
    ...v.votes.map((m) =>
      sentences([`可以参加的表决：${m.title}`, m.state === 'open' ? `正在表决，${dateText(m.closesAt)}截止` : `已结束${m.outcome ? `：${m.outcome}` : ''}`]),
    ),
    ...v.questions.map((q) => sentences([`您家提的问题：${q.text}`, dateText(q.createdAt)])),
  ]);
}
