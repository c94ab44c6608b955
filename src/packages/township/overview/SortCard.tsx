import { Text, View } from '@tarojs/components';
import ChoiceRow from '../../../components/ChoiceRow';
import { SORTS, type SortBy } from './helpers';

/** How the villages are ordered, the chosen one ticked, and what that order puts first. */
export default function SortCard({ sortBy, onSort }: { sortBy: SortBy; onSort: (by: SortBy) => void }) {
  return (
    <View className="township-overview__sort">
      <Text className="township-overview__sort-label">排序：</Text>
      <ChoiceRow
        className="township-overview__sort-buttons"
        buttonClassName="township-overview__button"
        tick
        choices={SORTS}
        current={sortBy}
        onPick={onSort}
      />
      <Text className="township-overview__sort-note">{SORTS.find((s) => s.value === sortBy)?.note}</Text>
    </View>
  );
}
