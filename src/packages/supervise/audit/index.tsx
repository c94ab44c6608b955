import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AuditVerifyOutput } from '../../../../types/identity';
import PageShell from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { identityApi } from '../../../services/identity';
import { AUDIT_ACTION_LABELS, roleText } from '../../../services/labels';

/** The village's audit trail for the 监委会 and the township, with a check of its hash chain. */
export default function AuditPage() {
  const villageId = useRouter().params.villageId ?? '';
  const [page, setPage] = useState(1);
  const list = useRequest(`audit:${villageId}:${page}`, () => identityApi.auditList(villageId, page));
  const [result, setResult] = useState<AuditVerifyOutput | null>(null);
  const { error, run } = useAction();
  // The check's answer and its failure share one status card.
  const check: AuditVerifyOutput | string | null = error ?? result;

  async function verify() {
    setResult(null);
    await run(() => identityApi.auditVerify(villageId), { failed: '校验失败，请稍后再试。', onDone: setResult });
  }

  const data = list.data;
  return (
    <View className="page">
      <View style={{ padding: '16px' }}>
        <Button type="primary" size="large" block onClick={verify}>
          校验审计链
        </Button>
        {check && (
          <View className="card" role="status">
            {typeof check === 'string' ? (
              <Text>{check}</Text>
            ) : check.ok ? (
              <Text>审计链完整：共 {check.length} 条记录，没有被改动。</Text>
            ) : (
              <Text>
                审计链已损坏：第 {check.brokenAt?.seq} 条记录（{check.brokenAt?.id}）{check.brokenAt?.reason}。请报告镇纪委。
              </Text>
            )}
          </View>
        )}
      </View>
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload} empty={data?.entries.length === 0} emptyTitle="还没有审计记录">
        {data && (
          <Cell.Group title={`共 ${data.total} 条，最新的在前`}>
            {data.entries.map((e) => (
              <Cell
                key={e.seq}
                title={`#${e.seq} ${AUDIT_ACTION_LABELS[e.action] ?? e.action}`}
                description={`${formatChinaTime(e.at)} · ${roleText(e.actorRoles)} · ${e.target.split(':')[0]}`}
              />
            ))}
          </Cell.Group>
        )}
        {data && data.total > page * 30 && (
          <View style={{ padding: '16px' }}>
            <Button size="large" block onClick={() => setPage((p) => p + 1)}>
              更早的记录
            </Button>
          </View>
        )}
      </PageShell>
    </View>
  );
}
