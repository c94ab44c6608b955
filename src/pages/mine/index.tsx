import { Button, Cell } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import DevPersonaSwitcher from '../../components/DevPersonaSwitcher';
import Listen from '../../components/Listen';
import { sayMessage, sentences } from '../../components/Listen/say';
import PageShell from '../../components/PageShell';
import { useRequest } from '../../hooks/useRequest';
import { identityApi } from '../../services/identity';
import { forgetVillage, lastVillage } from '../../services/memory';
import { useElderMode } from '../../services/elder';
import ClaimInvite from './ClaimInvite';
import ElderModeSetting from './ElderModeSetting';
import Messages from './Messages';
import TownshipMenu from './TownshipMenu';
import VillageMenu from './VillageMenu';

const go = (url: string) => () => Taro.navigateTo({ url });

/** 我的: who I am in each village, what I may do there, and what this phone remembers. */
/** Messages read aloud at most: a long inbox is read from the newest, and the rest is on the screen. */
const READ_ALOUD = 10;

export default function MinePage() {
  const [remembered, setRemembered] = useState<string | null>(() => lastVillage());
  const [shown, setShown] = useState(0);
  useDidShow(() => {
    setRemembered(lastVillage());
    setShown((n) => n + 1);
  });
  const who = useRequest(`whoami:${shown}`, () => identityApi.whoami());
  const inbox = useRequest(`inbox:${shown}`, () => identityApi.inbox());
  const messages = inbox.data?.messages ?? [];
  const me = who.data;
  const verifiedHere = me?.villages.some((v) => v.villageId === remembered) ?? false;
  const townshipRoles = me?.township.flatMap((t) => t.roles) ?? [];
  const [elder] = useElderMode();

  function clearVillage() {
    forgetVillage();
    setRemembered(null);
    Taro.showToast({ title: '已清除', icon: 'success' });
  }

  return (
    <View className={`page${elder ? ' elder' : ''}`}>
      <ElderModeSetting />
      <Listen
        read={() =>
          messages.length === 0
            ? '没有消息。'
            : sentences([
                `消息 ${messages.length} 条，未读 ${messages.filter((m) => !m.read).length} 条`,
                ...messages.filter((_, i) => i < READ_ALOUD).map(sayMessage),
              ])
        }
        what="我的消息"
        elderOnly
      />
      <PageShell loading={who.loading && !me} error={who.error} onRetry={who.reload}>
        <Cell.Group title="我的身份">
          {me && me.villages.length === 0 && townshipRoles.length === 0 && (
            <Cell title="身份" extra="访客" description="认证村民身份后，可以提问、评议和参加表决。" />
          )}
          {me?.villages.map((v) => (
            <VillageMenu key={v.villageId} v={v} />
          ))}
          {me && <TownshipMenu me={me} remembered={remembered} />}
        </Cell.Group>
        {me?.signedIn && <ClaimInvite onClaimed={() => setShown((n) => n + 1)} />}
        {me?.signedIn && remembered && !verifiedHere && (
          <View style={{ padding: '16px' }}>
            <Button type="primary" size="large" block onClick={go(`/pages/verify/index?villageId=${remembered}`)}>
              认证村民身份
            </Button>
          </View>
        )}
      </PageShell>
      <Messages messages={messages} onChanged={inbox.reload} />
      <Cell.Group title="本机记录">
        <Cell
          title="首页打开的村"
          extra={remembered ? '清除' : '未记录'}
          description={remembered ? '首页会直接打开上次扫码的村' : '扫村里的二维码后会记住'}
          onClick={remembered ? clearVillage : undefined}
        />
      </Cell.Group>
      {process.env.TARO_ENV === 'h5' && <DevPersonaSwitcher />}
    </View>
  );
}
