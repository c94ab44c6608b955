import { Button, Cell, Empty } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { QuarterView } from '../../../types/disclosure';
import type { QuarterState, VillageView } from '../../../types/village';
import { useRequest } from '../../hooks/useRequest';
import { disclosureApi } from '../../services/disclosure';
import { matterUrl } from '../../services/matters';
import { villageApi } from '../../services/village';
import { ApiCallError } from '../../services/transport';
import { askToBeTold } from '../../services/subscribe';
import { checkHistory, type HistoryState } from '../../services/history';
import { useElderMode } from '../../services/elder';
import QuarterEntries from '../QuarterEntries';
import StateImage from '../StateImage';
import './index.scss';
import { dateText } from '../../services/china-time';

/**
 * A village's home: who it is, who supervises it, and where this quarter's disclosure stands.
 * `disclosed` is the reporting quarter's entries when the page already has them (village.home
 * sends them with the village); without them the home asks for them itself.
 */
export default function VillageHome({ village, disclosed: given = null }: { village: VillageView; disclosed?: QuarterView | null }) {
  const { supervisor, quarter, moreQuarters } = village;
  const [calling, setCalling] = useState(false);
  const [elder] = useElderMode();
  // 长辈模式 keeps the three common errands; "显示全部内容" is for this visit only, so the next
  // time the home opens it is simple again (the person chose simple in 我的, not here).
  const [showAll, setShowAll] = useState(false);
  const simple = elder && !showAll;
  const history = useHistoryWitness(village.id);
  // The simple home lists no entries: spare a slow connection the quarter's full list until asked.
  const fetched = useRequest(simple || given ? null : `quarter:${village.id}:${quarter.key}`, () => disclosureApi.quarter(village.id, quarter.key));
  const entries = given ?? fetched.data;

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

  const moneyUrl = `/pages/money/index?villageId=${village.id}`;
  const quarterUrl = quarterPage(village.id, quarter.key);
  const ticketsUrl = `/pages/tickets/index?villageId=${village.id}`;
  const canCall = !!supervisor?.phoneMasked;

  if (simple) {
    return (
      <View className="village-home village-home--elder">
        <View className="village-home__header">
          <Text className="village-home__name">{village.name}</Text>
        </View>
        {history === 'rewritten' && <HistoryWarning />}
        <View className="village-home__errands" role="list" aria-label="常用的三件事">
          <BigErrand title="看村里的钱" hint="每月收了多少钱、花在了哪里" onClick={go(moneyUrl)} primary />
          <BigErrand title="看本季度公开" hint={`${quarter.label}村里公开了哪些事`} onClick={go(quarterUrl)} />
          <BigErrand title="有事找监督委员会" hint="反映问题、提建议，村务监督委员会来办" onClick={go(ticketsUrl)} />
        </View>
        <View className="village-home__elder-more">
          {canCall && (
            <Button size="normal" loading={calling} onClick={callSupervisor}>
              打电话给监委会主任
            </Button>
          )}
          <Button size="normal" fill="none" onClick={() => setShowAll(true)}>
            显示全部内容
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="village-home">
      {elder && (
        <View className="village-home__elder-more">
          <Button size="normal" fill="none" onClick={() => setShowAll(false)}>
            只显示最常用的三件事
          </Button>
        </View>
      )}
      <View className="village-home__header">
        <Text className="village-home__name">{village.name}</Text>
        <Text className="village-home__place">
          {village.county}
          {village.townshipName}
        </Text>
      </View>

      {history === 'rewritten' && <HistoryWarning />}

      <View className="section-title">村务监督委员会</View>
      {supervisor ? (
        <Cell.Group>
          <Cell
            title={`主任：${supervisor.name}`}
            description={supervisor.phoneMasked ? `电话 ${supervisor.phoneMasked}` : '暂未登记电话'}
            extra={
              canCall ? (
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

      <View className="village-home__actions" style={{ padding: '0 16px' }}>
        <Button size="large" type="primary" block onClick={go(moneyUrl)}>
          村里的钱：每月收支公示
        </Button>
        <Button size="large" block onClick={go(ticketsUrl)}>
          码上监督：反映问题、提建议
        </Button>
        <Button size="large" block onClick={go(matterUrl(village.id))}>
          一事一议 · 村民表决
        </Button>
      </View>

      <View className="section-title">{quarter.label}公开情况</View>
      <View className="card village-home__quarter">
        <View className="village-home__progress">
          <QuarterCounts q={quarter} />
        </View>
        {quarter.publishedCount === 0 && (
          <Empty
            size="small"
            image={<StateImage kind="empty" />}
            imageSize={60}
            title="本季度还没有公开内容"
            description={`村两委应在${dateText(quarter.dueDate)}前公开以下${quarter.requiredCount}项内容。`}
          />
        )}
        <View className="village-home__actions">
          <Button size="large" type="primary" block onClick={go(quarterUrl)}>
            往期公开、评价与督办
          </Button>
          <FollowButton villageId={village.id} />
        </View>
      </View>

      {entries && <QuarterEntries villageId={village.id} view={entries} />}

      {moreQuarters.map((q) => (
        <View key={q.key} role="region" aria-label={`${q.label}公开情况`}>
          <View className="section-title">{q.label}公开情况</View>
          <View className="card village-home__quarter">
            <View className="village-home__progress">
              <QuarterCounts q={q} />
            </View>
            <View className="village-home__actions">
              <Button size="large" block onClick={go(quarterPage(village.id, q.key))}>
                查看{q.label}的公开内容
              </Button>
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}

const quarterPage = (villageId: string, key: string) => `/pages/quarter/index?villageId=${villageId}&quarter=${key}`;

/** A quarter's figures in words: how many of the catalog's items are out, late or missing, and its due date. */
function QuarterCounts({ q }: { q: QuarterState }) {
  const c = q.completeness;
  return (
    <>
      <Text className="village-home__count">
        已公开 {q.publishedCount} / {q.requiredCount} 项
      </Text>
      {q.adhocCount > 0 && <Text className="village-home__due">另有专项公开 {q.adhocCount} 项</Text>}
      {(c.late > 0 || c.missing > 0) && (
        <Text className="village-home__late">
          {c.late > 0 ? `逾期公开 ${c.late} 项` : ''}
          {c.late > 0 && c.missing > 0 ? '，' : ''}
          {c.missing > 0 ? `超过截止日期仍未公开 ${c.missing} 项` : ''}
        </Text>
      )}
      <Text className="village-home__due">截止日期：{dateText(q.dueDate)}</Text>
    </>
  );
}

const go = (url: string) => () => Taro.navigateTo({ url });

/**
 * This phone as a witness of the village's history (services/history.ts): checked after the home
 * has shown, so it never holds the page up; a failure to ask is simply no answer.
 */
function useHistoryWitness(villageId: string): HistoryState | null {
  const [state, setState] = useState<HistoryState | null>(null);
  useEffect(() => {
    let live = true;
    checkHistory(villageId)
      .then((s) => live && setState(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [villageId]);
  return state;
}

function HistoryWarning() {
  return (
    <View className="warning-box village-home__history" role="alert">
      注意：本村公开记录的历史被人改动过——和这部手机上次看到的记录对不上。已经自动报告镇里，请向镇纪委反映。
    </View>
  );
}

/**
 * One errand of the elder home: a plain-word title and a line saying what is behind it. A real
 * button (not a View), so screen readers announce it as one and read both lines. The words say
 * what each is; colour only repeats the home's usual "the first one is red".
 */
function BigErrand({ title, hint, onClick, primary }: { title: string; hint: string; onClick: () => void; primary?: boolean }) {
  return (
    <View role="listitem" className="village-home__errand">
      <Button className="village-home__big" size="xlarge" type={primary ? 'primary' : 'default'} block onClick={onClick}>
        <View className="village-home__big-text">
          <Text className="village-home__big-title">{title}</Text>
          <Text className="village-home__big-hint">{hint}</Text>
        </View>
      </Button>
    </View>
  );
}

/** 关注: told in 我的 (and by WeChat message) when the village publishes. */
export function FollowButton({ villageId }: { villageId: string }) {
  const [version, setVersion] = useState(0);
  const state = useRequest(`subscription:${villageId}:${version}`, () => disclosureApi.subscription(villageId));
  const on = state.data?.subscribed ?? false;
  async function toggle() {
    try {
      if (!on) await askToBeTold('disclosure');
      await disclosureApi.subscribe(villageId, !on);
      Taro.showToast({ title: on ? '已取消关注' : '已关注，公开时会通知您', icon: 'none' });
      setVersion((v) => v + 1);
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiCallError ? e.message : '操作失败', icon: 'none' });
    }
  }
  return (
    <Button size="large" block onClick={toggle} disabled={state.loading}>
      {on ? '已关注本村公开（点此取消）' : '关注本村公开，有新内容时通知我'}
    </Button>
  );
}
