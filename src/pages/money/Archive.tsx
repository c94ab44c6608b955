import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PublishedYear } from '../../../types/finance';
import type { RequestState } from '../../hooks/useRequest';

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

interface Props {
  years: RequestState<{ years: PublishedYear[] }>;
  /** The year whose reports are listed; the newest on record until one is picked. */
  year: string | undefined;
  /** The period on screen (2026-09, 2026Q3 or 2026), marked among the choices. */
  shown: string | null;
  onYear: (year: string) => void;
  onPick: (period: string) => void;
}

/**
 * Every year on record, and for the chosen year its 全年, quarters and months, each opening its
 * report. One year at a time: a village with many years of books still shows a short list.
 */
export default function Archive({ years, year, shown, onYear, onPick }: Props) {
  const list = years.data?.years ?? [];
  const picked = list.find((y) => y.year === year) ?? list[0];
  return (
    <View className="card money__archive" aria-label="按年份查看">
      {years.loading && !years.data && <Text className="money__choices-title">正在加载…</Text>}
      {years.error && (
        <View role="alert">
          <Text className="money__choices-title">{years.error.message}</Text>
          <Button size="normal" onClick={years.reload}>
            重试
          </Button>
        </View>
      )}
      {picked && (
        <View>
          <View className="money__choices" aria-label="年份">
            {list.map((y) => (
              <Button key={y.year} size="normal" type={y.year === picked.year ? 'primary' : 'default'} onClick={() => onYear(y.year)}>
                {y.year}年
              </Button>
            ))}
          </View>
          <Text className="money__choices-title">{picked.year}年的报告</Text>
          <View className="money__choices" aria-label={`${picked.year}年的报告`}>
            <Button size="normal" type={shown === picked.year ? 'primary' : 'default'} onClick={() => onPick(picked.year)}>
              全年
            </Button>
            {picked.quarters.map((q) => (
              <Button key={q} size="normal" type={shown === q ? 'primary' : 'default'} onClick={() => onPick(q)}>
                {QUARTER_NAMES[Number(q.slice(5)) - 1]}
              </Button>
            ))}
          </View>
          <Text className="money__choices-title">{picked.year}年公示的月份</Text>
          <View className="money__choices" aria-label={`${picked.year}年的月份`}>
            {picked.months.map((m) => (
              <Button key={m} size="normal" type={shown === m ? 'primary' : 'default'} onClick={() => onPick(m)}>
                {Number(m.slice(5, 7))}月
              </Button>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
