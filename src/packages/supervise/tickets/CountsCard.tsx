import { Text, View } from '@tarojs/components';
import type { TicketStats } from '../../../../types/tickets';

/** The village's running totals: received, answered (on time), closed, rated, and what is overdue now. */
export default function CountsCard({ stats }: { stats: TicketStats }) {
  return (
    <View className="card" aria-label="办理情况">
      <Text className="tickets__title">办理情况</Text>
      <Text className="tickets__count">收到 {stats.received} 件</Text>
      <Text className="tickets__count">
        答复 {stats.answered} 件，其中按时答复 {stats.answeredOnTime} 件
      </Text>
      <Text className="tickets__count">销号 {stats.closed} 件</Text>
      <Text className="tickets__count">
        评价 {stats.rated} 次，其中满意或基本满意 {stats.satisfied} 次
      </Text>
      <Text className={stats.overdueOpen > 0 ? 'tickets__count ticket__late' : 'tickets__count'}>超期未答复 {stats.overdueOpen} 件</Text>
    </View>
  );
}
