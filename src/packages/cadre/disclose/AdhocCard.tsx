import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DisclosureCategory } from '../../../../types/village';
import { LimitedInput } from '../../../components/Limited';
import { DISCLOSURE_CATEGORIES } from '../../../services/categories';
import { adhocIdOf, type Row } from './helpers';
import { ADHOC_NAME } from '../../../../common/limits';

/** 专项公开: a matter of this quarter outside the catalog (a road project, a land requisition…). */
export default function AdhocCard({ taken, onAdd }: { taken: Set<string>; onAdd: (row: Row) => void }) {
  const [category, setCategory] = useState<DisclosureCategory>('村务');
  const [name, setName] = useState('');
  // Nothing is written yet (the row lives on the page until its draft is saved), so no useAction.
  function add() {
    const itemId = adhocIdOf(name.trim());
    if (!itemId) return Taro.showToast({ title: '请写专项公开的名称（汉字、字母或数字）', icon: 'none' });
    if (taken.has(itemId)) return Taro.showToast({ title: '本季度已有同名的专项公开', icon: 'none' });
    onAdd({ itemId, category, title: name.trim(), required: false, draft: null });
    setName('');
  }
  return (
    <View className="card" aria-label="新增专项公开">
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>专项公开（目录以外的事项）</Text>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '8px 0' }}>
        {DISCLOSURE_CATEGORIES.map((c) => (
          <Button key={c} size="normal" type={c === category ? 'primary' : 'default'} aria-pressed={c === category} onClick={() => setCategory(c)}>
            {c}
          </Button>
        ))}
      </View>
      <LimitedInput value={name} onChange={setName} placeholder="专项公开名称，如：村内道路硬化工程" maxLength={ADHOC_NAME.max} name="adhocName" />
      <Button size="large" block disabled={name.trim() === ''} onClick={add}>
        新增专项公开
      </Button>
    </View>
  );
}
