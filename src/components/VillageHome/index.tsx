import { Button, Cell, Empty, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { VillageView } from '../../../types/village';
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

      <Cell.Group title="本季度应公开的内容">
        {quarter.categories.map((c) => (
          <Cell
            key={c.category}
            title={
              <View className="village-home__category">
                <Text>{c.category}</Text>
                <Tag type="default">{c.items.length} 项</Tag>
              </View>
            }
            description={c.items.map((i) => i.title).join('；')}
          />
        ))}
      </Cell.Group>
    </View>
  );
}
