import { Text, View } from '@tarojs/components';
import type { Block } from '../../../types/disclosure';
import './index.scss';

/** Rows of a table with a cell that is exactly this name (a subsidy list names each household head). */
export function rowsNamed(blocks: Block[], name: string): number {
  const n = name.trim();
  if (!n) return 0;
  return blocks.reduce((sum, b) => sum + (b.type === 'table' ? b.rows.filter((r) => r.some((c) => c.trim() === n)).length : 0), 0);
}

/**
 * Structured disclosure text: paragraphs and tables, rendered the same on a phone and on paper.
 * `highlight` marks the rows naming someone (查找我的名字), in words as well as colour.
 */
export default function Blocks({ blocks, highlight }: { blocks: Block[]; highlight?: string }) {
  const wanted = highlight?.trim() ?? '';
  return (
    <View className="blocks">
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          <Text key={i} className="blocks__p">
            {b.text}
          </Text>
        ) : (
          <View key={i} className="blocks__table" role="table">
            <View className="blocks__row blocks__row--head" role="row">
              {b.columns.map((c, j) => (
                <View key={j} className="blocks__cell" role="columnheader">
                  <Text>{c}</Text>
                </View>
              ))}
            </View>
            {b.rows.map((r, k) => {
              const found = wanted !== '' && r.some((c) => c.trim() === wanted);
              return (
                <View key={k} className={`blocks__row${found ? ' blocks__row--found' : ''}`} role="row" aria-label={found ? `找到：${wanted}` : undefined}>
                  {r.map((c, j) => (
                    <View key={j} className="blocks__cell" role="cell">
                      <Text>{found && j === 0 ? `★ ${c}` : c}</Text>
                    </View>
                  ))}
                </View>
              );
            })}
          </View>
        ),
      )}
    </View>
  );
}
