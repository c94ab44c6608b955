import { Text, View } from '@tarojs/components';
import type { FundingPlan } from '../../../types/matters';
import { dateText } from '../../services/china-time';
import { formatFen } from '../../services/money';

/** The 筹资筹劳 plan as it was made public before the vote: what each villager gives, who is exempt. */
export default function FundingCard({ f }: { f: FundingPlan }) {
  return (
    <View className="card" aria-label="筹资筹劳方案">
      <Text className="matters__heading">筹资筹劳方案</Text>
      <Text className="matters__line">{`项目：${f.project}`}</Text>
      <Text className="matters__line">{`预算：${formatFen(f.budgetFen)} 元`}</Text>
      <Text className="matters__line">{`每人筹资：${formatFen(f.perPersonFen)} 元（${f.payers} 人出资，共 ${formatFen(f.raisedFen)} 元）`}</Text>
      <Text className="matters__line">{`每个劳动力筹劳：${f.workdays} 个工日（${f.labourers} 人出劳）`}</Text>
      <Text className="matters__line">{`低保户 ${f.exempt.lowIncome} 人免交；现役军人 ${f.exempt.soldiers} 人免除；未成年人 ${f.exempt.minors} 人不筹资、不筹劳。`}</Text>
      {f.notes && <Text className="matters__line">{`其他：${f.notes}`}</Text>}
      <Text className="matters__hint">{`这个方案已于 ${dateText(f.publicisedAt)} 向村民公布，表决时按这个方案表决。`}</Text>
    </View>
  );
}
