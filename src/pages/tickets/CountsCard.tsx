import { Text, View } from '@tarojs/components';
import type { TicketStats } from '../../../types/tickets';
import Listen from '../../components/Listen';
import { sentences } from '../../components/Listen/say';

/** The village's public figures, and in plain words what this page is for. */
export default function CountsCard({ s }: { s: TicketStats }) {
  return (
    <View className="card" aria-label="本村码上监督情况">
      <Text style={{ display: 'block', fontSize: '20px', fontWeight: 600 }}>本村码上监督情况</Text>
      <Listen
        read={() =>
          sentences([
            '本村码上监督情况',
            `已收到 ${s.received} 条，已答复 ${s.answered} 条，其中按时 ${s.answeredOnTime} 条，已销号 ${s.closed} 条，评价 ${s.rated} 条，满意 ${s.satisfied} 条`,
            s.overdueOpen > 0 && `超期未答复 ${s.overdueOpen} 条`,
            '有问题、有建议，都可以在这里交给村务监督委员会。过了答复期限还没答复的，会转到镇里处理',
          ])
        }
        what="本村码上监督情况"
        elderOnly
      />
      <Text className="tickets__counts">
        {`已收到 ${s.received} 条，已答复 ${s.answered} 条（按时 ${s.answeredOnTime} 条），已销号 ${s.closed} 条，满意 ${s.satisfied} / 评价 ${s.rated}`}
      </Text>
      {s.overdueOpen > 0 && <Text className="tickets__overdue">{`超期未答复 ${s.overdueOpen} 条`}</Text>}
      <Text className="tickets__hint">有问题、有建议，都可以在这里交给村务监督委员会。过了答复期限还没答复的，会转到镇里处理。</Text>
    </View>
  );
}
