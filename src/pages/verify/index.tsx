import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useAction } from '../../hooks/useAction';
import { useRequest } from '../../hooks/useRequest';
import { identityApi } from '../../services/identity';
import { lastVillage } from '../../services/memory';
import './index.scss';
import { LimitedInput } from '../../components/Limited';
import H5Nav from '../../components/H5Nav';
import { FieldLabel } from '../../components/FormHints';
import Listen from '../../components/Listen';
import { useElderMode } from '../../services/elder';

const IN_PERSON = '已提交申请。请带上身份证，到村委会找村务监督委员会的任何一位成员当面确认；确认后就认证好了，您家户主和监委会也会收到消息。';

/**
 * Village verification: name + ID number against the roster, and then one thing a neighbour who
 * knows both does not have — the phone number WeChat verified for this account matching the
 * roster's, or the 监委会 seeing the person and their ID card.
 */
export default function VerifyPage() {
  const { params } = useRouter();
  // The people most likely to need 长辈模式 are the ones typing an 18-digit number here.
  const [elder] = useElderMode();
  const root = `page verify${elder ? ' elder' : ''}`;
  const villageId = params.villageId ?? lastVillage();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [demoPhone, setDemoPhone] = useState('');
  const { busy, error, setError, run } = useAction();
  const [sent, setSent] = useState(false);
  const status = useRequest(villageId ? `verify-status:${villageId}` : null, () => identityApi.status(villageId as string));
  const waiting = sent || !!status.data?.pending;

  async function submit(phoneCode?: string) {
    if (!villageId) return;
    await run(() => identityApi.verify({ villageId, name: name.trim(), idNumber: idNumber.trim(), ...(phoneCode ? { phoneCode } : {}) }), {
      // The platform's time for the toast: the page leaves as soon as it is up.
      done: (res) => (res.verified ? { title: '认证成功' } : null),
      failed: '认证失败，请稍后再试。',
      onDone: (res, toasted) => {
        if (!res.verified) return setSent(true);
        // The page goes once the toast is up, so the person sees it worked; it goes even if the toast could not show.
        const leave = () => Taro.switchTab({ url: '/pages/mine/index' });
        void toasted.then(leave, leave);
      },
    });
  }

  if (!villageId) {
    return (
      <View className={root}>
        <Text className="verify__hint">请先扫一扫本村的二维码，再来认证。</Text>
      </View>
    );
  }

  const filled = !!name.trim() && !!idNumber.trim();
  return (
    <View className={root}>
      {waiting && (
        <View className="verify__waiting" role="status">
          {IN_PERSON}
        </View>
      )}
      <Listen
        read={() => `${waiting ? IN_PERSON : ''}填写与村里花名册一致的姓名和身份证号。认证后可以提问、评议和参加表决。身份证号只用于核对，不会显示给任何人。`}
        what="认证说明"
        elderOnly
      />
      <Text className="verify__hint">填写与村里花名册一致的姓名和身份证号。认证后可以提问、评议和参加表决。身份证号只用于核对，不会显示给任何人。</Text>
      <View className="verify__field">
        <FieldLabel className="verify__label" required text="姓名" />
        <LimitedInput className="verify__input" value={name} onChange={setName} placeholder="例如：杨德福" maxLength={20} name="name" />
      </View>
      <View className="verify__field">
        <FieldLabel className="verify__label" required text="身份证号" />
        <LimitedInput
          className="verify__input"
          value={idNumber}
          onChange={setIdNumber}
          placeholder="18 位，最后一位可能是 X（老证 15 位也行）"
          maxLength={30}
          type="idcard"
          name="idNumber"
        />
      </View>
      <Text className="verify__hint">只凭姓名和身份证号还不能认证（邻居也可能知道）。请再选一种核对方式：</Text>
      {error && (
        <View className="verify__error" role="alert">
          {error}
        </View>
      )}
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          type="primary"
          size="large"
          block
          openType="getPhoneNumber"
          loading={busy}
          disabled={!filled || busy}
          onGetPhoneNumber={(e: { detail: { code?: string } }) => {
            if (e.detail.code) submit(e.detail.code);
            else setError('没有取得手机号。可以再点一次，或改为请村务监督委员会当面确认。');
          }}
        >
          用微信绑定的手机号核对（与花名册登记的比对）
        </Button>
      ) : (
        <View className="verify__demo" aria-label="用手机号核对">
          <Text className="verify__label">手机号（本地演示版本里代替微信的手机号核对）</Text>
          <LimitedInput
            className="verify__input"
            value={demoPhone}
            onChange={setDemoPhone}
            placeholder="这部手机的号码"
            maxLength={11}
            type="number"
            name="phone"
          />
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={!filled || !demoPhone.trim() || busy}
            onClick={() => submit(`dev:${demoPhone.trim()}`)}
          >
            用手机号核对
          </Button>
        </View>
      )}
      <Button size="large" block disabled={!filled || busy} onClick={() => submit()}>
        请村务监督委员会当面确认
      </Button>
      <H5Nav />
    </View>
  );
}
