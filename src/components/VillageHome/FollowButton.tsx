import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { useAction } from '../../hooks/useAction';
import { useRequest } from '../../hooks/useRequest';
import { disclosureApi } from '../../services/disclosure';
import { askToBeTold } from '../../services/subscribe';

/** 关注: told in 我的 (and by WeChat message) when the village publishes. */
export default function FollowButton({ villageId }: { villageId: string }) {
  const [version, setVersion] = useState(0);
  const state = useRequest(`subscription:${villageId}:${version}`, () => disclosureApi.subscription(villageId));
  const on = state.data?.subscribed ?? false;
  // One tap, no form: a refusal is said in a toast.
  const follow = useAction();
  function toggle() {
    return follow.run(
      async () => {
        if (!on) await askToBeTold('disclosure');
        await disclosureApi.subscribe(villageId, !on);
      },
      { done: on ? '已取消关注' : '已关注，公开时会通知您', failed: '操作失败', toast: true, onDone: () => setVersion((v) => v + 1) },
    );
  }
  return (
    <Button size="large" block onClick={toggle} disabled={state.loading}>
      {on ? '已关注本村公开（点此取消）' : '关注本村公开，有新内容时通知我'}
    </Button>
  );
}
