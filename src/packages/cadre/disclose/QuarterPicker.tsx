import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { quarterText } from '../../../services/labels';

/** The quarters a cadre may draft for; the calendar's own is marked. */
export default function QuarterPicker(props: { options: string[]; quarter: string; calendar: string; onChoose: (key: string) => void }) {
  const { options, quarter, calendar, onChoose } = props;
  return (
    <View className="card">
      <Text className="disclose__label" style={{ marginTop: 0 }}>
        选择季度
      </Text>
      <View className="disclose__quarters" aria-label="选择季度">
        {options.map((key) => (
          <Button key={key} type={key === quarter ? 'primary' : 'default'} aria-pressed={key === quarter} onClick={() => onChoose(key)}>
            {quarterText(key)}
            {key === calendar ? '（本季度）' : ''}
          </Button>
        ))}
      </View>
    </View>
  );
}
