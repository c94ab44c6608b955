import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CatalogEntry } from '../../../../types/disclosure';
import type { DisclosureCategory } from '../../../../types/village';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { disclosureApi } from '../../../services/disclosure';
import { identityApi } from '../../../services/identity';
import { quarterText } from '../../../services/labels';
import { ApiCallError } from '../../../services/transport';
import './index.scss';
import { LimitedInput } from '../../../components/Limited';

const CATEGORIES: DisclosureCategory[] = ['党务', '村务', '财务', '资金', '资产', '资源'];

function toastError(e: unknown) {
  Taro.showToast({ title: e instanceof ApiCallError ? e.message : '操作失败，请稍后再试', icon: 'none', duration: 3000 });
}

function AddItem({ onAdd }: { onAdd: (category: DisclosureCategory, title: string) => Promise<boolean> }) {
  const [category, setCategory] = useState<DisclosureCategory>('村务');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  async function add() {
    setBusy(true);
    if (await onAdd(category, title.trim())) setTitle('');
    setBusy(false);
  }
  return (
    <View className="card catalog__add">
      <Text className="catalog__add-title">新增目录项</Text>
      <Text className="catalog__hint">新增的项目从本季度起要求各村公开，以前的季度不用补。</Text>
      <View className="catalog__categories" aria-label="类别">
        {CATEGORIES.map((c) => (
          <Button key={c} size="small" type={c === category ? 'primary' : 'default'} onClick={() => setCategory(c)}>
            {c === category ? `✓ ${c}` : c}
          </Button>
        ))}
      </View>
      <LimitedInput value={title} onChange={setTitle} placeholder="新增目录项名称" maxLength={40} name="catalogTitle" />
      <Button type="primary" size="large" block disabled={busy || title.trim().length < 2} onClick={add}>
        新增目录项
      </Button>
    </View>
  );
}

function Item(props: { item: CatalogEntry; isNew: boolean; canEdit: boolean; onRename: (title: string) => Promise<boolean>; onRetire: () => void }) {
  const { item, isNew, canEdit, onRename, onRetire } = props;
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);

  const note = item.retired
    ? item.retiredFrom
      ? `自 ${quarterText(item.retiredFrom)} 起不再要求`
      : '不再要求'
    : isNew
      ? `自 ${quarterText(item.since)} 起要求`
      : undefined;

  if (editing) {
    return (
      <View className="catalog__edit">
        <LimitedInput value={title} onChange={setTitle} placeholder="目录项名称" maxLength={40} name="catalogRename" />
        <View className="catalog__actions">
          <Button size="small" onClick={() => setEditing(false)}>
            取消
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={title.trim().length < 2 || title.trim() === item.title}
            onClick={async () => {
              if (await onRename(title.trim())) setEditing(false);
            }}
          >
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
          <Button size="small" onClick={onRetire}>
            撤下
          </Button>
        </View>
      )}
    </View>
  );
}

/**
 * 公开目录: what every village of the township must publish each quarter. Anyone may read it;
 * only the 镇管理员 sees the controls (the server refuses everyone else anyway).
 */
export default function CatalogPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [version, setVersion] = useState(0);
  const list = useRequest(`catalog:${townshipId}:${version}`, () => disclosureApi.catalog(townshipId));
  const who = useRequest('whoami', () => identityApi.whoami());
  const isAdmin = who.data?.township.some((t) => t.townshipId === townshipId && t.roles.includes('township_admin')) ?? false;
  const items = list.data?.items ?? [];
  // Items the catalog started with carry the earliest `since`; anything later was added since.
  const start = items.reduce((min, i) => (i.since < min ? i.since : min), items[0]?.since ?? '');

  async function act(work: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await work();
      Taro.showToast({ title: done, icon: 'success' });
      setVersion((v) => v + 1);
      return true;
    } catch (e) {
      toastError(e);
      return false;
    }
  }

  async function retire(item: CatalogEntry) {
    const { confirm } = await Taro.showModal({
      title: `撤下“${item.title}”？`,
      content: '撤下后从本季度起不再要求公开，以前季度已公开的内容保留。',
      confirmText: '撤下',
      cancelText: '取消',
    });
    if (confirm) await act(() => disclosureApi.catalogRetire(townshipId, item.id), '已撤下');
  }

  return (
    <View className="page catalog">
      <PageShell loading={list.loading && !list.data} error={list.error} onRetry={list.reload} empty={!!list.data && items.length === 0} emptyTitle="目录是空的">
        {who.data && (
          <Text className="catalog__intro">
            {isAdmin
              ? '各村每季度都要公开以下项目。改名后，已公开的内容保留原来的标题。'
              : '各村每季度都要公开以下项目。目录由镇管理员维护，需要增减请联系镇里。'}
          </Text>
        )}
        {CATEGORIES.map((category) => {
          const inCategory = items.filter((i) => i.category === category).sort((a, b) => a.order - b.order);
          const current = inCategory.filter((i) => !i.retired).length;
          return (
            <Cell.Group
              key={category}
              title={
                <View className="catalog__heading">
                  <Text className="catalog__category">{category}</Text>
                  <Text className="catalog__count">{current} 项</Text>
                </View>
              }
            >
              {inCategory.map((item) => (
                <Item
                  key={`${item.id}:${item.title}`}
                  item={item}
                  isNew={item.since > start}
                  canEdit={isAdmin}
                  onRename={(title) => act(() => disclosureApi.catalogRename(townshipId, item.id, title), '已改名')}
                  onRetire={() => retire(item)}
                />
              ))}
            </Cell.Group>
          );
        })}
        {isAdmin && <AddItem onAdd={(category, title) => act(() => disclosureApi.catalogAdd(townshipId, category, title), '已新增')} />}
      </PageShell>
    </View>
  );
}
