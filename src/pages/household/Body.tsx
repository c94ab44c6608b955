import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { HouseholdEntry, HouseholdView } from '../../../types/household';
import { KIND_TEXT, STATE_TEXT } from '../../components/TicketParts/labels';
import { dateText } from '../../services/china-time';
import { formatFen } from '../../services/money';

// What the page shows of a household: the published lists by quarter, shares, votes and questions.

const BODY_TEXT: Record<HouseholdView['votes'][number]['body'], string> = {
  party: '党员大会',
  villagers: '村民会议',
  households: '村民会议（户代表）',
  representatives: '村民代表会议',
};

const open = (url: string) => Taro.navigateTo({ url });

/** The entries of one quarter, in the order the page shows quarters: newest first. */
function byQuarter(entries: HouseholdEntry[]): { label: string; entries: HouseholdEntry[] }[] {
  const groups: { quarter: string; label: string; entries: HouseholdEntry[] }[] = [];
  for (const e of entries) {
    const last = groups[groups.length - 1];
    if (last?.quarter === e.quarter) last.entries.push(e);
    else groups.push({ quarter: e.quarter, label: e.quarterLabel, entries: [e] });
  }
  return groups;
}

function EntryCard({ e }: { e: HouseholdEntry }) {
  const amounts = e.cells.filter((c) => c.kind === 'amount' && c.text.trim());
  const others = e.cells.filter((c) => (c.kind === 'date' || c.kind === 'other') && c.text.trim());
  return (
    <View className="household__entry" aria-label={e.title}>
      <Text className="household__title">{e.title}</Text>
      <Text className="household__line">名单上的人：{e.member}</Text>
      {amounts.map((c) => (
        <Text key={c.column} className="household__amount">
          {c.column}：{c.text}
        </Text>
      ))}
      {others.map((c) => (
        <Text key={c.column} className="household__line">
          {c.column}：{c.text}
        </Text>
      ))}
      {!e.certain && <Text className="household__note">村里有同名的人，这张表没有身份证号可以核对，请看原表确认是不是您家。</Text>}
      <Text className="household__link" onClick={() => open(e.link)}>
        看公开原文（第 {e.version} 版，{dateText(e.approvedAt)} 公开）
      </Text>
    </View>
  );
}

/** A part of the page under its heading, left out while the household has nothing in it. */
function Part({ label, title, show, children }: { label: string; title: string; show: boolean; children: ReactNode }) {
  if (!show) return null;
  return (
    <View aria-label={label}>
      <Text className="household__quarter">{title}</Text>
      {children}
    </View>
  );
}

/** One share, vote or question: its title, what it says, and the way to where it stands. */
function Entry({ title, link, linkText, children }: { title: ReactNode; link: string | null; linkText: string; children: ReactNode }) {
  return (
    <View className="household__entry">
      <Text className="household__title">{title}</Text>
      {children}
      {link !== null && (
        <Text className="household__link" onClick={() => open(link)}>
          {linkText}
        </Text>
      )}
    </View>
  );
}

export default function HouseholdBody({ v }: { v: HouseholdView }) {
  const nothing = v.entries.length + v.shares.length + v.votes.length + v.questions.length === 0;
  return (
    <View>
      <Text className="household__members">
        {v.viewer === 'supervisor' ? '这一户' : '我家'}：{v.members.map((m) => `${m.name}（${m.relation}）`).join('、')}
      </Text>
      {v.viewer === 'supervisor' && <Text className="household__note">这次查看已记入审计记录，并告诉了这一户。</Text>}
      {nothing && <Text className="household__line">村里公开的名单、筹资筹劳和表决里，还没有您家的人。</Text>}

      {byQuarter(v.entries).map((g) => (
        <Part key={g.label} label={g.label} title={g.label} show>
          {g.entries.map((e) => (
            <EntryCard key={`${e.itemId}:${e.at}`} e={e} />
          ))}
        </Part>
      ))}

      <Part label="筹资筹劳" title="筹资筹劳" show={v.shares.length > 0}>
        {v.shares.map((s) => (
          <Entry key={s.matterId} title={s.title} link={s.link} linkText="看这个议题">
            <Text className="household__amount">
              您家出资：{formatFen(s.shareFen)} 元（{s.payers} 人，每人 {formatFen(s.perPersonFen)} 元）
            </Text>
            <Text className="household__line">
              您家出劳：{s.shareWorkdays} 个工日（{s.labourers} 人，每人 {s.workdays} 个）
            </Text>
            {s.exempt.length > 0 && <Text className="household__note">{s.exempt.join('；')}</Text>}
          </Entry>
        ))}
      </Part>

      <Part label="表决" title="可以参加的表决" show={v.votes.length > 0}>
        {v.votes.map((m) => (
          <Entry key={m.meetingId} title={m.title} link={m.link} linkText="看这个议题">
            <Text className="household__line">
              {m.stage}·{BODY_TEXT[m.body]}，{m.state === 'open' ? `正在表决，${dateText(m.closesAt)} 截止` : `已结束${m.outcome ? `：${m.outcome}` : ''}`}
            </Text>
            <Text className="household__line">可以投票的：{m.members.join('、')}</Text>
          </Entry>
        ))}
      </Part>

      <Part label="提问" title="您家提的问题" show={v.questions.length > 0}>
        {v.questions.map((q) => (
          <Entry
            key={q.ticketId}
            title={
              <>
                {KIND_TEXT[q.kind]}（{q.askedBy}
                {q.anonymous ? '，匿名' : ''}）：{STATE_TEXT[q.state]}
              </>
            }
            link={q.link || null}
            linkText="看答复"
          >
            <Text className="household__line">{q.text}</Text>
            <Text className="household__line">{dateText(q.createdAt)}</Text>
          </Entry>
        ))}
      </Part>
    </View>
  );
}
