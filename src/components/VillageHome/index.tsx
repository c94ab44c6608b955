import { Button, Cell, Empty, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { VillageView } from '../../../types/village';
import { useRequest } from '../../hooks/useRequest';
import { disclosureApi } from '../../services/disclosure';
import { villageApi } from '../../services/village';
import { ApiCallError } from '../../services/transport';
import StateImage from '../StateImage';
import './index.scss';

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A village's home: who it is, who supervises it, and where this quarter's disclosure stands. */
export default function VillageHome({ village }: { village: VillageView }) {
  const { supervisor, quarter } = village;
  const [calling, setCalling] = useState(false);
  const disclosed = useRequest(`quarter:${village.id}:${quarter.key}`, () => disclosureApi.quarter(village.id, quarter.key));
  const items = disclosed.data?.items ?? [];
  const published = new Map(items.map((p) => [p.itemId, p]));
  const adhoc = items.filter((p) => p.itemId.startsWith('adhoc-'));
  const openItem = (itemId: string) =>
    Taro.navigateTo({ url: `/pages/item/index?villageId=${village.id}&quarter=${quarter.key}&itemId=${encodeURIComponent(itemId)}` });

  async function callSupervisor() {
    setCalling(true);
    try {
      const { phone } = await villageApi.supervisorPhone(village.id);
      await Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiCallError ? e.message : '暂时无法拨打', icon: 'none' });
    } finally {
      setCalling(false);
    }
  }

  return (
    <View className="village-home">
      <View className="village-home__header">
        <Text className="village-home__name">{village.name}</Text>
        <Text className="village-home__place">
          {village.county}
          {village.townshipName}
        </Text>
      </View>

      <View className="section-title">村务监督委员会</View>
      {supervisor ? (
        <Cell.Group>
          <Cell
            title={`主任：${supervisor.name}`}
            description={supervisor.phoneMasked ? `电话 ${supervisor.phoneMasked}` : '暂未登记电话'}
            extra={
              supervisor.phoneMasked ? (
                <Button type="primary" size="normal" loading={calling} onClick={callSupervisor}>
                  打电话
                </Button>
              ) : undefined
            }
          />
        </Cell.Group>
      ) : (
        <View className="card">本村尚未登记村务监督委员会主任。</View>
      )}

      <View className="section-title">
        {quarter.label}公开情况
      </View>
      <View className="card village-home__quarter">
        <View className="village-home__progress">
          <Text className="village-home__count">
            已公开 {quarter.publishedCount} / {quarter.requiredCount} 项
          </Text>
          <Text className="village-home__due">截止日期：{formatDate(quarter.dueDate)}</Text>
        </View>
        {quarter.publishedCount === 0 && (
          <Empty
            size="small"
            image={<StateImage kind="empty" />}
            imageSize={60}
            title="本季度还没有公开内容"
            description={`村两委应在${formatDate(quarter.dueDate)}前公开以下${quarter.requiredCount}项内容。`}
          />
        )}
      </View>

      {quarter.categories.map((c) => (
        <Cell.Group
          key={c.category}
          title={
            <View className="village-home__category">
              <Text>{c.category}</Text>
              <Tag type="default">{c.items.filter((i) => published.has(i.id)).length} / {c.items.length} 项已公开</Tag>
            </View>
          }
        >
          {c.items.map((i) => {
            const p = published.get(i.id);
            return (
              <Cell
                key={i.id}
                title={p ? p.title : i.title}
                description={p ? `${i.title} · ${p.approvedAt.slice(0, 10)} 公开${p.version > 1 ? ` · 已更正 ${p.version - 1} 次` : ''}` : undefined}
                extra={p ? '查看 ›' : '未公开'}
                onClick={p ? () => openItem(i.id) : undefined}
              />
            );
          })}
        </Cell.Group>
      ))}
      {adhoc.length > 0 && (
        <Cell.Group title="专项公开">
          {adhoc.map((p) => (
            <Cell key={p.itemId} title={p.title} description={`${p.category} · ${p.approvedAt.slice(0, 10)} 公开`} extra="查看 ›" onClick={() => openItem(p.itemId)} />
          ))}
        </Cell.Group>
      )}
    </View>
  );
}
