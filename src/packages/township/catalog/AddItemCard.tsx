import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { DisclosureCategory } from '../../../../types/village';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { DISCLOSURE_CATEGORIES } from '../../../services/categories';
import { disclosureApi } from '../../../services/disclosure';
import { CATALOG_TITLE } from '../../../../common/limits';

/** The 镇管理员 adds an item every village must publish from this quarter on. */
export default function AddItemCard({ townshipId, onChanged }: { townshipId: string; onChanged: () => void }) {
  const [category, setCategory] = useState<DisclosureCategory>('村务');
  const [title, setTitle] = useState('');
  const add = useAction();
  function send() {
    void add.run(() => disclosureApi.catalogAdd(townshipId, category, title.trim()), {
      done: '已新增',
      failed: '操作失败，请稍后再试',
      toast: true,
      onDone: () => {
        onChanged();
        setTitle('');
      },
    });
  }
  return (
    <View className="card catalog__add">
      <Text className="catalog__add-title">新增目录项</Text>
      <Text className="catalog__hint">新增的项目从本季度起要求各村公开，以前的季度不用补。</Text>
      <View className="catalog__categories" aria-label="类别">
        {DISCLOSURE_CATEGORIES.map((c) => (
          <Button key={c} size="small" type={c === category ? 'primary' : 'default'} onClick={() => setCategory(c)}>
            {c === category ? `✓ ${c}` : c}
          </Button>
        ))}
      </View>
      <LimitedInput value={title} onChange={setTitle} placeholder="新增目录项名称" maxLength={CATALOG_TITLE.max} name="catalogTitle" />
      <Button type="primary" size="large" block disabled={add.busy || title.trim().length < CATALOG_TITLE.min} onClick={send}>
        新增目录项
      </Button>
    </View>
  );
}
