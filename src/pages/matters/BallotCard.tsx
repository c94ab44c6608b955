import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Choice, MeetingView } from '../../../types/matters';
import { useAction } from '../../hooks/useAction';
import { mattersApi } from '../../services/matters';
import { CHOICES, go, verifyUrl } from './helpers';
import { keepReceipt, storedReceipt } from './receipts';

/** Only to say why someone cannot vote: signed in at all, or verified in this village. */
export interface Who {
  signedIn: boolean;
  verifiedHere: boolean;
}

function ReceiptBox({ receipt, fresh }: { receipt: string; fresh: boolean }) {
  return (
    <View className="matters__receipt" aria-label="回执号">
      <Text className="matters__receipt-title">{fresh ? '请保存回执号' : '您的回执号'}</Text>
      <Text className="matters__receipt-code" userSelect>
        {receipt}
      </Text>
      <Text className="matters__hint">{fresh ? '请抄下或截图保存。表决结束后，可以在这里用它核对您的票。' : '表决结束后，可以在这里用它核对您的票。'}</Text>
    </View>
  );
}

/** Who may vote, and the three choices behind a confirmation: a vote cannot be taken back. */
export default function BallotCard({ x, villageId, who, onVoted }: { x: MeetingView; villageId: string; who: Who | null; onVoted: () => void }) {
  const voting = useAction();
  // Which of the three buttons shows the wait; all three are disabled while it lasts.
  const [picked, setPicked] = useState<Choice | null>(null);
  const [cast, setCast] = useState<{ choice: Choice; receipt: string | null } | null>(null);
  const [receipt, setReceipt] = useState(() => storedReceipt(x.id));

  async function vote(choice: Choice) {
    const sure = await Taro.showModal({ title: '确认投票', content: `确定投“${choice}”吗？投票后不能更改。`, confirmText: '确定', cancelText: '再想想' })
      .then((r) => r.confirm)
      .catch(() => false);
    if (!sure) return;
    setPicked(choice);
    await voting.run(() => mattersApi.vote(villageId, x.id, choice), {
      done: '投票成功',
      failed: '没有投上，请稍后再试。',
      onDone: (out) => {
        if (out.receipt) {
          keepReceipt(x.id, out.receipt);
          setReceipt(out.receipt);
        }
        setCast(out);
      },
    });
    // Either way the turnout (or the reason for refusing) has moved on the server.
    onVoted();
  }

  if (x.me?.voted || cast) {
    return (
      <View className="matters__ballot">
        <Text className="matters__voted">✓ 您已投票</Text>
        {cast && !x.secret && <Text className="matters__line">{`您投的是“${cast.choice}”。`}</Text>}
        {x.secret && receipt && <ReceiptBox receipt={receipt} fresh={!!cast?.receipt} />}
        {x.secret && !receipt && <Text className="matters__hint">回执号只在投票时显示在您投票用的手机上。</Text>}
        {voting.error && <Text className="warning-box">{voting.error}</Text>}
      </View>
    );
  }

  if (!x.me) {
    const verifyButton = (
      <View className="matters__actions">
        <Button size="large" block onClick={go(verifyUrl(villageId))}>
          去认证村民身份
        </Button>
      </View>
    );
    return (
      <View className="matters__ballot">
        {who && !who.signedIn ? (
          <Text className="matters__notice">请在微信里打开阳光村务，才能投票。</Text>
        ) : (
          <View>
            <Text className="matters__notice">请先在“我的”里完成村民身份认证，才能投票。</Text>
            {!who?.verifiedHere && verifyButton}
          </View>
        )}
      </View>
    );
  }

  if (!x.me.eligible) {
    return (
      <View className="matters__ballot">
        <Text className="matters__notice">{`您不在这次表决的名单里（名单在表决开始时确定）。这次是${x.bodyName}的表决。`}</Text>
      </View>
    );
  }

  return (
    <View className="matters__ballot" aria-label="投票">
      <Text className="matters__heading">请投票</Text>
      {x.secret && (
        <Text className="matters__notice">
          不记名投票：系统只记录您投过票，不记录您投了什么。投票后会给您一个回执号，请抄下或截图保存，表决结束后可以用它核对。
        </Text>
      )}
      <View className="matters__choices">
        {CHOICES.map((c) => (
          <Button
            key={c}
            type={c === '同意' ? 'primary' : 'default'}
            size="large"
            block
            loading={voting.busy && picked === c}
            disabled={voting.busy}
            onClick={() => vote(c)}
          >
            {c}
          </Button>
        ))}
      </View>
      <Text className="matters__hint">每人只有一票，网上投了就不能再到现场投。</Text>
      {voting.error && <Text className="warning-box">{voting.error}</Text>}
    </View>
  );
}
