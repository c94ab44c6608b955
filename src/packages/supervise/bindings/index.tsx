import { Empty } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import StateImage from '../../../components/StateImage';
import { useRequest } from '../../../hooks/useRequest';
import { identityApi } from '../../../services/identity';
import Request from './Request';

/** 认证申请: villagers who asked the 监委会 to confirm them in person. */
export default function BindingsPage() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [version, setVersion] = useState(0);
  const list = useRequest(`bind-requests:${villageId}:${version}`, () => identityApi.bindRequests(villageId));
  return (
    <View className="page">
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload}>
        {list.data && list.data.requests.length === 0 && <Empty image={<StateImage kind="empty" />} title="没有等待确认的认证申请" />}
        {list.data?.requests.map((r) => (
          <Request key={r.id} r={r} villageId={villageId} onDone={() => setVersion((v) => v + 1)} />
        ))}
      </PageShell>
    </View>
  );
}
