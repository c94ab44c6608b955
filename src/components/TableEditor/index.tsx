import { Text, View } from '@tarojs/components';
import Blocks from '../Blocks';
import { parseTables } from './tables';
import { LimitedTextArea } from '../Limited';

export { parseTables, tablesText, type ParsedTables, type TableBlock } from './tables';

/** A long pasted list would make the preview slow to draw on an old phone; the start shows whether columns line up. */
const PREVIEW_ROWS = 20;

/**
 * Tables typed or pasted as text, with the result shown underneath as villagers will see it,
 * so a wrong column is caught before anything is saved.
 */
export default function TableEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const parsed = value.trim() === '' ? null : parseTables(value);
  return (
    <View>
      <LimitedTextArea value={value} onChange={onChange} placeholder="表格（可从 Excel 粘贴，第一行为表头）" maxLength={200000} autoSize name="tables" />
      <Text style={{ display: 'block', color: '#595959', fontSize: '15px', margin: '4px 0' }}>
        每行一条记录，各列之间用逗号隔开；从 Excel 复制的可以直接粘贴。两张表格之间空一行。
      </Text>
      {parsed && !parsed.ok && (
        <View role="alert" style={{ padding: '8px 12px', borderRadius: '6px', background: '#fdecea', color: '#a8071a' }}>
          <Text>{parsed.message}</Text>
        </View>
      )}
      {parsed?.ok && (
        <View aria-label="表格预览">
          <Text style={{ display: 'block', fontWeight: 600, marginTop: '8px' }}>
            表格预览（村民看到的样子）：{parsed.tables.length > 1 ? `${parsed.tables.length} 张表格，` : ''}共{' '}
            {parsed.tables.reduce((n, t) => n + t.rows.length, 0)} 行
          </Text>
          <Blocks blocks={parsed.tables.map((t) => ({ ...t, rows: t.rows.slice(0, PREVIEW_ROWS) }))} />
          {parsed.tables.some((t) => t.rows.length > PREVIEW_ROWS) && (
            <Text style={{ display: 'block', color: '#595959' }}>每张表格只预览前 {PREVIEW_ROWS} 行，保存时全部保存。</Text>
          )}
        </View>
      )}
    </View>
  );
}
