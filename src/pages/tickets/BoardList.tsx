import { Text, View } from '@tarojs/components';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { ticketsApi } from '../../services/disclosure';
import SuggestionCard from './SuggestionCard';

/** 公开的建议: what the 监委会 put on the board for villagers to second. */
export default function BoardList({ villageId }: { villageId: string }) {
  const list = useRequest(`tickets-board:${villageId}`, () => ticketsApi.board(villageId));
  const tickets = list.data?.tickets ?? [];
  return (
    <View>
      <Text className="section-title" style={{ display: 'block' }}>
        监委会公开的村民建议。同意哪条，就点“附议”；认证过的村民每条只能附议一次。
      </Text>
      <PageShell loading={list.loading && !list.data} error={list.error} onRetry={list.reload} empty={tickets.length === 0} emptyTitle="还没有公开的建议">
        {tickets.map((t) => (
          <SuggestionCard key={t.id} t={t} villageId={villageId} />
        ))}
      </PageShell>
    </View>
  );
}
