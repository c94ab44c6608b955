import { Button, Cell, Empty } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useRequest } from '../../hooks/useRequest';
import { rememberVillage } from '../../services/memory';
import { ApiCallError } from '../../services/transport';
import { villageApi } from '../../services/village';
import StateImage from '../StateImage';
import './index.scss';

/**
 * What a person sees after scanning a wrong, unknown or withdrawn code — and what to do. A code
 * that was replaced still says whose it was: the page names the village, its 监委会 contact, and
 * opens the village as it is now, so nobody is left with only "scan the paper again".
 */
export default function InvalidCode({ code }: { code?: string | null }) {
  const lapsed = useRequest(code ? `lapsed:${code}` : null, () => villageApi.lapsedCode(code as string));
  const [calling, setCalling] = useState(false);
  const v = lapsed.data;

  function openVillage() {
    if (!v) return;
    rememberVillage(v.villageId);
    Taro.switchTab({ url: '/pages/index/index' });
  }

  async function call() {
    if (!v) return;
    setCalling(true);
    try {
      const { phone } = await villageApi.supervisorPhone(v.villageId);
      await Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiCallError ? e.message : '暂时无法拨打', icon: 'none' });
    } finally {
      setCalling(false);
    }
  }

  return (
    <View className="invalid-code">
      <Empty
        image={<StateImage kind="error" />}
        imageSize={80}
        title={v ? `这是${v.villageName}以前的二维码，已经停用` : '二维码无效或已停用'}
        description={
          v
            ? `${v.villageName}已经换了新的二维码。下面可以直接打开${v.villageName}的村务公开；也可以联系村务监督委员会，请他们把新码贴到公开栏上。`
            : '这个二维码可能已经更换，或者没有扫完整。可以在首页的村庄列表里找到您的村，或扫描村务公开栏上最新张贴的二维码。'
        }
      />
      {v?.supervisor && (
        <Cell.Group>
          <Cell
            title={`村务监督委员会主任：${v.supervisor.name}`}
            description={v.supervisor.phoneMasked ? `电话 ${v.supervisor.phoneMasked}` : '暂未登记电话'}
            extra={
              v.supervisor.phoneMasked ? (
                <Button type="primary" size="normal" loading={calling} onClick={call}>
                  打电话
                </Button>
              ) : undefined
            }
          />
        </Cell.Group>
      )}
      <View style={{ padding: '0 32px' }}>
        {v ? (
          <Button type="primary" size="large" block onClick={openVillage}>
            打开{v.villageName}的村务公开
          </Button>
        ) : (
          <Button type="primary" size="large" block onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
            到首页找我的村
          </Button>
        )}
      </View>
    </View>
  );
}
