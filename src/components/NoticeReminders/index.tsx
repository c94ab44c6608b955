import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Role } from '../../../types/roles';
import { useAction } from '../../hooks/useAction';
import { useRequest } from '../../hooks/useRequest';
import { identityApi } from '../../services/identity';
import {
  askForReminders,
  isOn,
  nextToAsk,
  offeredTemplates,
  rememberedReminders,
  templatesFor,
  wechatSetting,
  type ReminderMemory,
  type WechatSetting,
} from '../../services/reminders';
import './index.scss';

const NOTHING_YET: ReminderMemory = { turn: 0, answers: {} };

/**
 * 消息提醒, on the pages of the 两委, the 监委会, the 民主理财小组 and the township. WeChat only
 * delivers a subscribe message the person allowed, one message per allowance, and only asks
 * from a tap: so the card asks for the templates of the caller's roles when tapped (three at a
 * time, WeChat's limit), remembers the answers on this phone, and offers to ask again, since
 * each allowance is used up by one message. Renders nothing outside the mini-program or when
 * the build has no templates: the in-app inbox carries every message anyway.
 *
 * `roles` when the page knows them; otherwise every role of the account (whoami), since a
 * WeChat allowance belongs to the account, not to a village.
 */
export default function NoticeReminders({ roles }: { roles?: readonly Role[] }) {
  const offered = offeredTemplates();
  const who = useRequest(offered.length > 0 && !roles ? 'reminders:whoami' : null, () => identityApi.whoami());
  const mine = roles ?? [...(who.data?.villages.flatMap((v) => v.roles) ?? []), ...(who.data?.township.flatMap((t) => t.roles) ?? [])];
  const templates = templatesFor(mine, offered);
  const [memory, setMemory] = useState<ReminderMemory>(() => (offered.length > 0 ? rememberedReminders() : NOTHING_YET));
  const [setting, setSetting] = useState<WechatSetting | null>(null);
  const { busy, run } = useAction();
  const wanted = templates.length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `memory.turn` is not read; each round of asking changes it, and WeChat's setting is read again after it
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void wechatSetting().then((s) => current && setSetting(s));
    return () => {
      current = false;
    };
  }, [wanted, memory.turn]);

  if (!wanted) return null;

  const on = templates.filter((t) => isOn(t, memory, setting));
  const unasked = templates.filter((t) => !memory.answers[t.id]);
  const askedAny = unasked.length < templates.length;
  const status = on.length === templates.length ? '已开启' : on.length > 0 ? '部分开启' : '未开启';
  const label = !askedAny ? '开启消息提醒' : unasked.length > 0 ? `继续开启（还有 ${unasked.length} 项）` : '重新开启提醒';

  // WeChat shows its panel only from the tap itself: `run` starts the call before it awaits anything.
  const tap = () => {
    const batch = nextToAsk(templates, memory);
    void run(
      async () => {
        const next = await askForReminders(batch);
        // No answer at all (WeChat refused to ask, or the panel failed): said as the failure toast.
        if (!next) throw new Error('no answer');
        return next;
      },
      {
        failed: '没有打开提醒，请看微信的通知设置后再试',
        toast: true,
        onDone: (next) => {
          setMemory(next);
          const accepted = batch.filter((t) => next.answers[t.id]?.answer === 'accept').length;
          const title = accepted === batch.length ? '已开启提醒' : accepted > 0 ? '部分提醒已开启' : '您没有允许，不会收到微信提醒';
          Taro.showToast({ title, icon: 'none', duration: 2500 });
        },
      },
    );
  };

  // Everything on: a short row, so the page's own work stays near the top.
  if (status === '已开启' && unasked.length === 0) {
    return (
      <View className="card reminders reminders--on" aria-label="消息提醒">
        <View className="reminders__head">
          <Text className="reminders__title">消息提醒</Text>
          <Tag type="success">已开启</Tag>
        </View>
        <Text className="reminders__how">每项开启一次只能收到一条。收到提醒后，请点这里再开启。</Text>
        <Button type="primary" fill="outline" size="normal" block loading={busy} onClick={tap}>
          重新开启提醒
        </Button>
      </View>
    );
  }

  return (
    <View className="card reminders" aria-label="消息提醒">
      <View className="reminders__head">
        <Text className="reminders__title">消息提醒</Text>
        <Tag type={status === '已开启' ? 'success' : status === '部分开启' ? 'warning' : 'default'}>{status}</Tag>
      </View>
      <Text className="reminders__what">开启后，这些事会用微信消息告诉您：</Text>
      {templates.map((t) => {
        const yes = on.includes(t);
        return (
          <Text key={t.id} className={`reminders__item${yes ? '' : ' reminders__item--off'}`}>
            {`${yes ? '✓' : '○'} ${t.label}${yes ? '' : '（未开启）'}`}
          </Text>
        );
      })}
      {setting && !setting.mainSwitch && (
        <Text className="warning-box">您在微信里关掉了本小程序的消息。请点右上角“···”→“设置”→“通知管理”打开，再点下面的按钮。</Text>
      )}
      <Text className="reminders__how">
        微信的规定：每开启一次，每项只能收到一条消息。收到一条以后，请回到这里点“重新开启提醒”，下次才能再收到。所有提醒在“我的”页面的“消息”里也都能看到。
      </Text>
      <Button type="primary" fill={askedAny && unasked.length === 0 ? 'outline' : 'solid'} size="large" block loading={busy} onClick={tap}>
        {label}
      </Button>
      {askedAny && unasked.length > 0 && <Text className="reminders__more">微信一次最多问三项，还有 {unasked.length} 项，请再点一次。</Text>}
    </View>
  );
}
