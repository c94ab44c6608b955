import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CatalogEntry } from '../../../../types/disclosure';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { disclosureApi } from '../../../services/disclosure';
import { quarterText } from '../../../services/labels';
import { CATALOG_TITLE } from '../../../../common/limits';

interface Props {
  townshipId: string;
  item: CatalogEntry;
  /** Added after the catalog began, so the quarter it is required from is worth saying. */
  isNew: boolean;
  canEdit: boolean;
  onChanged: () => void;
}

/** One catalog item: since when it is (or no longer is) required; the 镇管理员 may rename or retire it. */
export default function CatalogItem({ townshipId, item, isNew, canEdit, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);
  const write = useAction();

  const note = item.retired
    ? item.retiredFrom
      ? `自 ${quarterText(item.retiredFrom)} 起不再要求`
      : '不再要求'
    : isNew
      ? `自 ${quarterText(item.since)} 起要求`
      : undefined;

  function rename() {
    void write.run(() => disclosureApi.catalogRename(townshipId, item.id, title.trim()), {
      done: '已改名',
      failed: '操作失败，请稍后再试',
      toast: true,
      onDone: () => {
        onChanged();
        setEditing(false);
      },
    });
  }

  async function retire() {
    const { confirm } = await Taro.showModal({
      title: `撤下“${item.title}”？`,
      content: '撤下后从本季度起不再要求公开，以前季度已公开的内容保留。',
      confirmText: '撤下',
      cancelText: '取消',
    });
    if (confirm)
      await write.run(() => disclosureApi.catalogRetire(townshipId, item.id), {
        done: '已撤下',
        failed: '操作失败，请稍后再试',
        toast: true,
        onDone: onChanged,
      });
  }

  if (editing) {
    return (
      <View className="catalog__edit">
        <LimitedInput value={title} onChange={setTitle} placeholder="目录项名称" maxLength={CATALOG_TITLE.max} name="catalogRename" />
        <View className="catalog__actions">
          <Button size="small" onClick={() => setEditing(false)}>
            取消
          </Button>
          <Button size="small" type="primary" disabled={title.trim().length < CATALOG_TITLE.min || title.trim() === item.title} onClick={rename}>
            保存
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className={`catalog__item${item.retired ? ' catalog__item--retired' : ''}`} aria-label={item.title}>
      <View className="catalog__item-text">
        <View className="catalog__item-title">
          {item.retired && (
            <View className="catalog__tag">
              <Tag type="default">已撤下</Tag>
            </View>
          )}
          <Text>{item.title}</Text>
        </View>
        {note && <Text className="catalog__note">{note}</Text>}
      </View>
      {canEdit && !item.retired && (
        <View className="catalog__actions">
          <Button
            size="small"
            onClick={() => {
              setTitle(item.title);
              setEditing(true);
            }}
          >
            改名
          </Button>
          <Button size="small" onClick={retire}>
            撤下
          </Button>
        </View>
      )}
    </View>
  );
}
