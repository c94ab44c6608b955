import { Button, Cell } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { VillageView } from '../../../types/village';

/** Who supervises the village, with a call button when a phone is on record. */
export default function SupervisorCard({ supervisor, calling, onCall }: { supervisor: VillageView['supervisor']; calling: boolean; onCall: () => void }) {
  return (
    <>
      <View className="section-title">村务监督委员会</View>
      {supervisor ? (
        <Cell.Group>
          <Cell
            title={`主任：${supervisor.name}`}
            description={supervisor.phoneMasked ? `电话 ${supervisor.phoneMasked}` : '暂未登记电话'}
            extra={
              supervisor.phoneMasked ? (
                <Button type="primary" size="normal" loading={calling} onClick={onCall}>
                  打电话
                </Button>
              ) : undefined
            }
          />
        </Cell.Group>
      ) : (
        <View className="card">本村尚未登记村务监督委员会主任。</View>
      )}
    </>
  );
}
