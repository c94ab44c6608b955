import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell, { isDenied } from '../../../components/PageShell';
import NoticeReminders from '../../../components/NoticeReminders';
import { useRequest } from '../../../hooks/useRequest';
import { ticketsApi } from '../../../services/disclosure';
import { identityApi } from '../../../services/identity';
import './index.scss';
import CountsCard from './CountsCard';
import FilterCard from './FilterCard';
import { useTicketFilter } from './filter';
import type { People } from './helpers';
import Reveal from './Reveal';
import TicketCard from './TicketCard';

/**
 * 问题台账 of the 村务监督委员会: every question, report and suggestion of the village, with
 * 三事分流, answers, 销号 and the public suggestion board. Township staff reach it from their
 * overview to answer and close. The server decides who may do what; the page only offers what
 * the ticket's state and the caller's roles allow.
 */
export default function TicketsPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const f = useTicketFilter(params.show);
  const [version, setVersion] = useState(0);

  const filterKey = f.key;
  const list = useRequest(villageId ? `tickets:${villageId}:${filterKey}:${version}` : null, async () => ({
    filterKey,
    ...(await ticketsApi.queue({ villageId, ...f.query })),
  }));
  const stats = useRequest(villageId ? `ticket-stats:${villageId}:${version}` : null, () => ticketsApi.stats(villageId));
  const who = useRequest(villageId ? 'whoami' : null, () => identityApi.whoami());
  const myCan = who.data?.villages.find((v) => v.villageId === villageId)?.can ?? [];
  // Only the 监委会 triages (and keeps the suggestion board: tickets.markPublic has the same rule).
  // Unknown (whoami failed) leaves the controls on: the server still says no to anyone else.
  const committee = who.error ? true : myCan.includes('tickets.triage');
  // 镇纪委 may see who sent an anonymous report (recorded); the server decides, this only offers it.
  const discipline = !!who.data?.township.some((t) => t.can.includes('tickets.reveal'));
  const assignees = useRequest(villageId && who.data && committee ? `assignees:${villageId}` : null, () => ticketsApi.assignees(villageId));
  const people: People = { list: assignees.data?.people, error: assignees.error?.message ?? null };
  // After an action the cards stay on screen while they reload; another filter shows the skeleton.
  const current = list.data?.filterKey === filterKey ? list.data : undefined;
  const reload = () => setVersion((v) => v + 1);

  const missingVillage = villageId ? null : { code: 'INVALID_ARGUMENT', message: '没有指明是哪个村，请从“我的”页面进入。' };
  const denied = !!list.error && isDenied(list.error);
  if (missingVillage || denied) {
    return (
      <View className="page tickets">
        <PageShell
          loading={false}
          error={missingVillage ?? list.error ?? null}
          renderError={(e) =>
            denied ? (
              <View className="card" role="alert">
                <Text className="tickets__title">只有村务监督委员会和镇里可以查看问题台账</Text>
                <Text className="ticket__note">{e.message}</Text>
              </View>
            ) : null
          }
        />
      </View>
    );
  }

  const error = list.error ?? null;
  const tickets = current?.tickets ?? [];
  // The cards wait for the caller's roles too, so 分流 never shows and then vanishes.
  const rolesKnown = !!who.data || !!who.error;

  return (
    <View className="page tickets">
      <NoticeReminders />
      {stats.data && <CountsCard stats={stats.data} />}
      <FilterCard f={f} />

      <PageShell
        loading={!error && (!current || !rolesKnown)}
        error={error}
        onRetry={list.reload}
        empty={tickets.length === 0}
        emptyTitle={f.filtered ? '没有符合条件的事项' : '没有待处理的事项'}
        emptyDescription="村民的提问、反映和建议都会出现在这里。"
      >
        <Text className="section-title" style={{ display: 'block' }}>
          共 {tickets.length} 件{current && current.open > 0 ? `；全村还有 ${current.open} 件没有答复（含已转镇里的）` : ''}
        </Text>
        {tickets.map((t) => (
          <View key={t.id}>
            <TicketCard t={t} reload={reload} committee={committee} people={people} />
            {discipline && t.anonymous && <Reveal villageId={villageId} ticketId={t.id} />}
          </View>
        ))}
      </PageShell>
    </View>
  );
}
