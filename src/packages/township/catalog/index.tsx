import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { DISCLOSURE_CATEGORIES } from '../../../services/categories';
import { disclosureApi } from '../../../services/disclosure';
import { identityApi } from '../../../services/identity';
import AddItemCard from './AddItemCard';
import CatalogItem from './CatalogItem';
import './index.scss';

/**
 * 公开目录: what every village of the township must publish each quarter. Anyone may read it;
 * only the 镇管理员 sees the controls (the server refuses everyone else anyway).
 */
export default function CatalogPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [version, setVersion] = useState(0);
  const list = useRequest(`catalog:${townshipId}:${version}`, () => disclosureApi.catalog(townshipId));
  const who = useRequest('whoami', () => identityApi.whoami());
  const isAdmin = who.data?.township.some((t) => t.townshipId === townshipId && t.can.includes('disclosure.catalogAdd')) ?? false;
  const items = list.data?.items ?? [];
  // Items the catalog started with carry the earliest `since`; anything later was added since.
  // biome-ignore lint/complexity/useMathMinMax: `since` is a YYYY-MM-DD string, compared as text; Math.min would turn it into NaN
  const start = items.reduce((min, i) => (i.since < min ? i.since : min), items[0]?.since ?? '');
  const reload = () => setVersion((v) => v + 1);

  return (
    <View className="page catalog">
      <PageShell
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        empty={!!list.data && items.length === 0}
        emptyTitle="目录是空的"
      >
        {who.data && (
          <Text className="catalog__intro">
            {isAdmin
              ? '各村每季度都要公开以下项目。改名后，已公开的内容保留原来的标题。'
              : '各村每季度都要公开以下项目。目录由镇管理员维护，需要增减请联系镇里。'}
          </Text>
        )}
        {DISCLOSURE_CATEGORIES.map((category) => {
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
                <CatalogItem
                  key={`${item.id}:${item.title}`}
                  townshipId={townshipId}
                  item={item}
                  isNew={item.since > start}
                  canEdit={isAdmin}
                  onChanged={reload}
                />
              ))}
            </Cell.Group>
          );
        })}
        {isAdmin && <AddItemCard townshipId={townshipId} onChanged={reload} />}
      </PageShell>
    </View>
  );
}
