import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useElderMode } from '../../services/elder';

/**
 * 长辈模式 first and large, above everything that waits for the network: the person who needs it
 * is the one least likely to scroll for it. The whole row toggles (a bigger target than the
 * switch), and the switch says 开/关 in words as well as by colour and position.
 */
export default function ElderModeSetting() {
  const [elder, setElder] = useElderMode();
  function toggle(on: boolean) {
    setElder(on);
    Taro.showToast({ title: on ? '已打开长辈模式' : '已关闭长辈模式', icon: 'none' });
  }
  return (
    <Cell.Group title="设置">
      <Cell
        className="elder-setting"
        title="长辈模式"
        description="字更大、按钮更大，首页只留最常用的三件事"
        onClick={() => toggle(!elder)}
        extra={
          // Drawn here rather than with NutUI's Switch, which writes an `aria-role` attribute
          // browsers reject; the row is the tap target, the state is said in words too.
          <View role="switch" aria-checked={elder} aria-label="长辈模式" className={`elder-toggle${elder ? ' elder-toggle--on' : ''}`}>
            <Text className="elder-toggle__text">{elder ? '开' : '关'}</Text>
          </View>
        }
      />
    </Cell.Group>
  );
}
