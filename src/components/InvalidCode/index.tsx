import { Button, Empty } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import StateImage from '../StateImage';

/** What a person sees after scanning a wrong, unknown or withdrawn code — and what to do. */
export default function InvalidCode() {
  return (
    <View className="invalid-code">
      <Empty
        image={<StateImage kind="error" />}
        imageSize={80}
        title="二维码无效或已停用"
        description="这个二维码可能已经更换，或者没有扫完整。请扫描村务公开栏上最新张贴的二维码；仍然不行的话，请联系本村村务监督委员会。"
      />
      <View style={{ padding: '0 32px' }}>
        <Button type="primary" size="large" block onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
          回到首页
        </Button>
      </View>
    </View>
  );
}
