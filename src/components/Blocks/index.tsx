import { Text, View } from '@tarojs/components';
import type { Block } from '../../../types/disclosure';
import './index.scss';

/** Whether this row's name cell (by `columns`, the block's name columns) is exactly `name`. */
const names = (row: string[], columns: number[], name: string): boolean => columns.some((i) => row[i]?.trim() === name);

/**
 * Rows of a table whose name column is exactly this name (a subsidy list names each household
 * head). `nameColumns` says, per block, which columns hold names (the item's view decides).
 */
export function rowsNamed(blocks: Block[], name: string, nameColumns: number[][]): number {
  const n = name.trim();
  if (!n) return 0;
  return blocks.reduce((sum, b, i) => sum + (b.type === 'table' ? b.rows.filter((r) => names(r, nameColumns[i] ?? [], n)).length : 0), 0);
}

/** A masked ID or phone number (3703**********1234, 139****7216): shown whole on one line. */
const MASKED = /^\d{2,6}\*{4,}[\dXx]{1,5}$/;

/**
 * Tables too wide for a phone held upright (four columns or more, or an 18-character ID in one
 * of them) are drawn as one small card per row, each value under its column's name, when the
 * screen is narrow or 长辈模式 is on; a wide screen and paper keep the table.
 */
const stacks = (b: { columns: string[]; rows: string[][] }) => b.columns.length >= 4 || b.rows.some((r) => r.some((c) => MASKED.test(c.trim())));

/**
 * Structured disclosure text: paragraphs and tables, rendered the same on a phone and on paper.
 * `highlight` marks the rows naming someone (查找我的名字) in the `nameColumns` of each block, in
 * words as well as colour.
 */
export default function Blocks({ blocks, highlight, nameColumns = [] }: { blocks: Block[]; highlight?: string; nameColumns?: number[][] }) {
  const wanted = highlight?.trim() ?? '';
  return (
    <View className="blocks">
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: published blocks keep their published order and never reorder, and two paragraphs may read the same
          <Text key={i} className="blocks__p">
            {b.text}
          </Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: published blocks keep their published order and never reorder, and two paragraphs may read the same
          <View key={i} className={`blocks__table${stacks(b) ? ' blocks__table--stack' : ''}`} role="table">
            <View className="blocks__row blocks__row--head" role="row">
              {b.columns.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional: the j-th cell sits under the j-th column
                <View key={j} className="blocks__cell" role="columnheader">
                  <Text>{c}</Text>
                </View>
              ))}
            </View>
            {b.rows.map((r, k) => {
              const found = wanted !== '' && names(r, nameColumns[i] ?? [], wanted);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows keep their published order and never reorder, and two rows may be identical
                <View key={k} className={`blocks__row${found ? ' blocks__row--found' : ''}`} role="row" aria-label={found ? `找到：${wanted}` : undefined}>
                  {r.map((c, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional: the j-th cell sits under the j-th column
                    <View key={j} className="blocks__cell" role="cell">
                      <Text className="blocks__label">{b.columns[j]}</Text>
                      <Text className={MASKED.test(c.trim()) ? 'blocks__value id-masked' : 'blocks__value'}>
                        {found && j === nameColumns[i]?.[0] ? `★ ${c}` : c}
                      </Text>
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
