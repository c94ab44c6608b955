import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PublishedVersion } from '../../../types/disclosure';
import type { DisclosureCategory } from '../../../types/village';
import Blocks, { rowsNamed } from '../../components/Blocks';
import { LimitedInput } from '../../components/Limited';
import Listen from '../../components/Listen';
import { sayItem } from '../../components/Listen/say';
import { chinaDay } from '../../services/china-time';
import { formatFen } from '../../services/money';

interface Props {
  category: DisclosureCategory;
  shown: PublishedVersion;
  newest: number;
  /** The name looked for; kept by the page so it survives switching versions. */
  name: string;
  onName: (name: string) => void;
}

/** The version being read: who approved it and when, why it changed, its amount and body, and 查找我的名字. */
export default function VersionCard({ category, shown, newest, name, onName }: Props) {
  // Only a list of people can be searched for a name: not 月度收支明细, whose rows are months.
  const hasNames = shown.nameColumns.some((c) => c.length > 0);
  const found = rowsNamed(shown.body, name, shown.nameColumns);
  return (
    <View className="card">
      <View style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
        <View style={{ flexShrink: 0 }}>
          <Tag type="primary">{category}</Tag>
        </View>
        <Text>
          第 {shown.version} 版{shown.version === newest ? '（最新）' : '（旧版本）'} · {chinaDay(shown.approvedAt)} 经{shown.approvedBy ?? '村务监督委员会'}
          审核公开
        </Text>
      </View>
      <Text style={{ display: 'block', fontSize: '22px', fontWeight: 600, margin: '12px 0' }}>{shown.title}</Text>
      <Listen read={() => sayItem(category, shown)} what="这一条公开内容" />
      {shown.reason && <Text style={{ display: 'block', color: '#ad6800' }}>本版更正原因：{shown.reason}</Text>}
      {shown.amountFen !== null && <Text style={{ display: 'block', fontSize: '20px' }}>金额：{formatFen(shown.amountFen)} 元</Text>}
      {hasNames && (
        <View aria-label="查找我的名字" style={{ margin: '12px 0' }}>
          <LimitedInput value={name} onChange={onName} placeholder="查找我的名字：输入姓名" maxLength={20} name="findName" />
          {name.trim() !== '' && (
            <Text style={{ display: 'block', marginTop: '4px' }}>
              {found > 0 ? `找到 ${found} 行写着“${name.trim()}”，已用 ★ 标出。` : `名单里没有“${name.trim()}”。`}
            </Text>
          )}
        </View>
      )}
      <Blocks blocks={shown.body} highlight={hasNames ? name : undefined} nameColumns={shown.nameColumns} />
    </View>
  );
}
