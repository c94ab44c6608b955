import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell } from '@nutui/nutui-react-taro';
import dayjs from 'dayjs';

export default function Index() {
  return (
    <View>
      <Cell title="今天" description={dayjs().format('YYYY年M月D日')} />
      <Button type="primary" onClick={() => Taro.navigateTo({ url: '/pages/about/index' })}>
        下一页
      </Button>
    </View>
  );
}
