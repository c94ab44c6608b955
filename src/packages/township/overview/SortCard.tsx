import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { SORTS, type SortBy } from './helpers';

/** How the villages are ordered, the chosen one ticked, and what that order puts first. */
export default function SortCard({ sortBy, onSort }: { sortBy: SortBy; onSort: (by: SortBy) => void }) {
  return (
    <View className="township-overview__sort">
      <Text className="township-overview__sort-label">排序：</Text>
      <View className="township-overview__sort-buttons">
        {SORTS.map((s) => (
          <Button
            key={s.value}
            className="township-overview__button"
            type={sortBy === s.value ? 'primary' : 'default'}
            aria-pressed={sortBy === s.value}
            onClick={() => onSort(s.value)}
          >
            {sortBy === s.value ? '✓ ' : ''}
            {s.label}
          </Button>
        ))}
      </View>
      <Text className="township-overview__sort-note">{SORTS.find((s) => s.value === sortBy)?.note}</Text>
    </View>
  );
}
