import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { personText, type People } from './helpers';

/** The village people a 小事 can be handed to: big buttons, one person each, with their roles. */
export default function AssigneePicker({ people, chosen, onChoose }: { people: People; chosen: string | null; onChoose: (personId: string) => void }) {
  return (
    <View className="tickets__assignees" aria-label="选择办理人">
      <Text className="tickets__filter-label">交给谁办理</Text>
      <Text className="ticket__note">办理人会收到通知，并可以直接答复。</Text>
      {people.error ? (
        <View className="warning-box" role="alert">
          {people.error}
        </View>
      ) : !people.list ? (
        <Text className="ticket__note">正在读取村里可以交办的人……</Text>
      ) : people.list.length === 0 ? (
        <View className="warning-box" role="alert">
          村里还没有可以交办的人：两委、监委会或民主理财小组成员绑定微信后才会出现在这里。
        </View>
      ) : (
        <View className="tickets__people">
          {people.list.map((p) => (
            <Button
              key={p.personId}
              className="tickets__person"
              size="large"
              block
              type={chosen === p.personId ? 'primary' : 'default'}
              aria-pressed={chosen === p.personId}
              onClick={() => onChoose(p.personId)}
            >
              {personText(p)}
            </Button>
          ))}
        </View>
      )}
    </View>
  );
}
