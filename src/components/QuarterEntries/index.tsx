import { Cell, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { QuarterView } from '../../../types/disclosure';
import { itemUrl } from '../../services/disclosure';
import { STATUS_TAG, STATUS_TEXT } from '../../services/labels';
import { chinaDay } from '../../services/china-time';
import './index.scss';

/**
 * How many of `total` rows are on screen: a few at once, then a few more each task. The whole
 * list is some 24 rows of Taro components; built in one go it holds a slow phone's main thread
 * long enough to miss a tap, built a few rows at a time it never does.
 */
const ROWS_PER_TASK = 2;

function useProgressive(total: number): number {
  const [shown, setShown] = useState(ROWS_PER_TASK);
  useEffect(() => {
    if (shown >= total) return undefined;
    const timer = setTimeout(() => setShown((n) => n + ROWS_PER_TASK), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  return Math.min(shown, total);
}

/** A quarter's items by category, each with where it stands; published ones open. */
export default function QuarterEntries({ villageId, view }: { villageId: string; view: QuarterView }) {
  const categories = [...new Set(view.entries.map((e) => e.category))];
  const shown = useProgressive(view.entries.length);
  // Rows in the order they are listed, so the first `shown` fill the first categories.
  const order = new Map(categories.flatMap((c) => view.entries.filter((e) => e.category === c)).map((e, i) => [e.itemId, i]));
  return (
    <View>
      {categories.map((category) => {
        const entries = view.entries.filter((e) => e.category === category);
        // The catalog's items are what the quarter owes; a 专项公开 is counted apart, never as one of them.
        const required = entries.filter((e) => e.required);
        const out = required.filter((e) => e.version > 0).length;
        const adhoc = entries.length - required.length;
        const visible = entries.filter((e) => (order.get(e.itemId) ?? 0) < shown);
        if (visible.length === 0) return null;
        return (
          <Cell.Group
            key={category}
            title={
              <View style={{ display: 'flex', alignItems: 'center', gap: '8px' }}>
                <Text style={{ fontSize: '18px', fontWeight: 600 }}>{category}</Text>
                <Text style={{ color: '#595959' }}>
                  {required.length > 0 ? `${out} / ${required.length} 项已公开` : ''}
                  {required.length > 0 && adhoc > 0 ? '，' : ''}
                  {adhoc > 0 ? `专项公开 ${adhoc} 项` : ''}
                </Text>
              </View>
            }
          >
            {visible.map((e) => (
              <Cell
                key={e.itemId}
                title={e.publishedTitle ?? e.title}
                // The status sits under the title rather than beside it: a status column beside a
                // tag left item titles ~180px of a 360px phone, three lines each.
                description={
                  <View className="quarter-entries__status">
                    <Tag type={STATUS_TAG[e.status]}>{STATUS_TEXT[e.status]}</Tag>
                    {e.publishedAt && (
                      <Text>
                        {`${e.required ? e.title : '专项公开'} · ${chinaDay(e.publishedAt)} 公开${e.version > 1 ? ` · 已更正 ${e.version - 1} 次` : ''}`}
                      </Text>
                    )}
                  </View>
                }
                extra={e.version > 0 ? '查看 ›' : undefined}
                onClick={e.version > 0 ? () => Taro.navigateTo({ url: itemUrl({ villageId, quarter: view.quarter, itemId: e.itemId }) }) : undefined}
              />
            ))}
          </Cell.Group>
        );
      })}
    </View>
  );
}
