import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MeetingView } from '../../../../types/matters';
import { useAction } from '../../../hooks/useAction';
import { mattersApi } from '../../../services/matters';
import { FAILED } from './helpers';
import Refusal from './Refusal';

/** 结束表决并计票, after a confirmation that says what closing now means for the quorum. */
export default function CloseVoteCard({ villageId, meeting, onChanged }: { villageId: string; meeting: MeetingView; onChanged: () => void }) {
  const closing = useAction();

  async function close() {
    const quorum =
      meeting.quorumShort > 0
        ? `现在还差 ${meeting.quorumShort} 人达到法定人数：这样结束，本次表决无效，需要重新召开会议表决。`
        : '已达到法定人数，系统会按选票重新计票，按规则得出结果。';
    const { confirm } = await Taro.showModal({
      title: '结束表决并计票？',
      content: `结束后任何人都不能再投票，也不能再登记现场表决。${meeting.secret ? '不记名表决请先清点完票箱。' : ''}${quorum}`,
      confirmText: '结束计票',
      cancelText: '取消',
    });
    if (!confirm) return;
    await closing.run(() => mattersApi.close(villageId, meeting.id), { done: '表决已结束', failed: FAILED });
    // Refused or not, read again: the timer or another member may have closed it already.
    onChanged();
  }

  return (
    <View className="card" aria-label="结束表决">
      <Text className="meeting__note">
        到会的人都登记完{meeting.secret ? '、票箱清点完' : ''}后再结束。结束后不能再投票；没有达到法定人数，表决无效，需要重新召开会议。
      </Text>
      <Button type="danger" size="large" block loading={closing.busy} disabled={closing.busy} onClick={close}>
        结束表决并计票
      </Button>
      <Refusal text={closing.error} />
    </View>
  );
}
