import { Button, Empty } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { QuarterState } from '../../../types/village';
import { dateText } from '../../services/china-time';
import StateImage from '../StateImage';
import FollowButton from './FollowButton';
import { go, quarterPage } from './helpers';
import QuarterCounts from './QuarterCounts';

/** The reporting quarter: its figures, what is due when nothing is out yet, the way to past quarters, and 关注. */
export function QuarterCard({ villageId, quarter }: { villageId: string; quarter: QuarterState }) {
  return (
    <>
      <View className="section-title">{quarter.label}公开情况</View>
      <View className="card village-home__quarter">
        <View className="village-home__progress">
          <QuarterCounts q={quarter} />
        </View>
        {quarter.publishedCount === 0 && (
          <Empty
            size="small"
            image={<StateImage kind="empty" />}
            imageSize={60}
            title="本季度还没有公开内容"
            description={`村两委应在${dateText(quarter.dueDate)}前公开以下${quarter.requiredCount}项内容。`}
          />
        )}
        <View className="village-home__actions">
          <Button size="large" type="primary" block onClick={go(quarterPage(villageId, quarter.key))}>
            往期公开、评价与督办
          </Button>
          <FollowButton villageId={villageId} />
        </View>
      </View>
    </>
  );
}

/** An earlier quarter still worth a look: its figures and a way into it. */
export function PastQuarterCard({ villageId, q }: { villageId: string; q: QuarterState }) {
  return (
    <View role="region" aria-label={`${q.label}公开情况`}>
      <View className="section-title">{q.label}公开情况</View>
      <View className="card village-home__quarter">
        <View className="village-home__progress">
          <QuarterCounts q={q} />
        </View>
        <View className="village-home__actions">
          <Button size="large" block onClick={go(quarterPage(villageId, q.key))}>
            查看{q.label}的公开内容
          </Button>
        </View>
      </View>
    </View>
  );
}
