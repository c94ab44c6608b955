import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { ticketsApi } from '../../services/disclosure';
import type { Me } from './helpers';
import MyTicketCard from './MyTicketCard';

/** 我提过的: the villager's own, or why there are none yet. */
export default function MineList({ villageId, version, me, onChanged }: { villageId: string; version: number; me: Me | null; onChanged: () => void }) {
  const list = useRequest(`tickets-mine:${villageId}:${version}`, () => ticketsApi.mine(villageId));
  const tickets = list.data?.tickets ?? [];
  const unsigned = me !== null && !me.signedIn;
  return (
    <PageShell
      loading={list.loading && !list.data}
      error={list.error}
      onRetry={list.reload}
      empty={tickets.length === 0}
      emptyTitle={unsigned ? '在微信里打开阳光村务，才能看到您提过的' : '您还没有反映过问题或提过建议'}
      emptyDescription={unsigned ? undefined : '点上面的“我要反映问题”或“我要提建议”。'}
    >
      {tickets.map((t) => (
        <MyTicketCard key={t.id} t={t} villageId={villageId} onChanged={onChanged} />
      ))}
    </PageShell>
  );
}
