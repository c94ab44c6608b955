import { Button, Cell } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { StillNeeded } from '../../components/FormHints';
import { LimitedInput } from '../../components/Limited';
import { useAction } from '../../hooks/useAction';
import { staffApi } from '../../services/identity';
import { INVITE_CODE } from '../../../common/limits';

/** Township staff join with a one-time code from the 镇管理员. */
export default function ClaimInvite({ onClaimed }: { onClaimed: () => void }) {
  const [code, setCode] = useState('');
  const [open, setOpen] = useState(false);
  const join = useAction();
  const claim = () =>
    join.run(() => staffApi.claim(code.trim()), {
      done: '已加入',
      failed: '操作失败',
      toast: true,
      onDone: () => {
        setOpen(false);
        onClaimed();
      },
    });
  if (!open) return <Cell title="我有镇里的邀请码" extra="›" onClick={() => setOpen(true)} />;
  return (
    <View style={{ padding: '12px 16px' }}>
      <LimitedInput value={code} onChange={setCode} placeholder={`${INVITE_CODE.length} 位邀请码`} maxLength={INVITE_CODE.length} name="inviteCode" />
      <StillNeeded items={[code.trim().length !== INVITE_CODE.length && `填完 ${INVITE_CODE.length} 位邀请码（已填 ${code.trim().length} 位）`]} />
      <Button type="primary" size="large" block disabled={code.trim().length !== INVITE_CODE.length} loading={join.busy} onClick={claim}>
        使用邀请码
      </Button>
    </View>
  );
}
