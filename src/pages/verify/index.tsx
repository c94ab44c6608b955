import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { identityApi } from '../../services/identity';
import { lastVillage } from '../../services/memory';
import { ApiCallError } from '../../services/transport';
import './index.scss';

/** Name + ID number against the village roster: one person, one WeChat account. */
export default function VerifyPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? lastVillage();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!villageId) return;
    setBusy(true);
    setError(null);
    try {
      await identityApi.verify({ villageId, name: name.trim(), idNumber: idNumber.trim() });
      await Taro.showToast({ title: '认证成功', icon: 'success' });
      Taro.switchTab({ url: '/pages/mine/index' });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : '认证失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  }

  if (!villageId) {
    return (
      <View className="page verify">
        <Text className="verify__hint">请先扫一扫本村的二维码，再来认证。</Text>
      </View>
    );
  }

  return (
    <View className="page verify">
      <Text className="verify__hint">
        填写与村里花名册一致的姓名和身份证号。认证后可以提问、评议和参加表决。身份证号只用于核对，不会显示给任何人。
      </Text>
      <View className="verify__field">
        <Text className="verify__label">姓名</Text>
        <Input className="verify__input" value={name} onChange={setName} placeholder="例如：杨德福" maxLength={20} name="name" />
      </View>
      <View className="verify__field">
        <Text className="verify__label">身份证号</Text>
        <Input className="verify__input" value={idNumber} onChange={setIdNumber} placeholder="18 位，最后一位可能是 X" maxLength={18} type="idcard" name="idNumber" />
      </View>
      {error && (
        <View className="verify__error" role="alert">
          {error}
        </View>
      )}
      <Button type="primary" size="large" block loading={busy} disabled={!name.trim() || !idNumber.trim()} onClick={submit}>
        提交认证
      </Button>
    </View>
  );
}
