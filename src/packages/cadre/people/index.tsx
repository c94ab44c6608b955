import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RosterPerson } from '../../../../types/roster';
import type { Role } from '../../../../types/roles';
import PageShell from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { householdUrl } from '../../../services/household';
import { identityApi, rebindApi, rosterApi } from '../../../services/identity';
import { ASSIGNABLE_ROLES, ROLE_LABELS } from '../../../services/labels';
import { LimitedInput } from '../../../components/Limited';
import { StillNeeded } from '../../../components/FormHints';
import { REBIND_REASON } from '../../../../common/limits';

/**
 * The roster with each person's roles. The 书记 and the township give and take village roles;
 * the 监委会 releases a changed phone's binding and looks at a household (我家), each with a reason.
 */
export default function PeoplePage() {
  const villageId = useRouter().params.villageId ?? '';
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const list = useRequest(`people:${villageId}:${page}:${version}`, () => rosterApi.list(villageId, page));
  const me = useRequest(`status:${villageId}`, () => identityApi.status(villageId));
  const [selected, setSelected] = useState<RosterPerson | null>(null);
  const [pending, setPending] = useState<Role[]>([]);
  const [reason, setReason] = useState('');
  const { busy, run: runAction } = useAction();

  // What the server says the caller may do here: the 书记 or the township admin give roles, the 监委会 rebinds.
  const can = me.data?.can ?? [];
  const canAssign = can.includes('identity.assignRole');
  const canRebind = can.includes('identity.rebind');
  const canInspect = can.includes('household.inspect');

  function open(p: RosterPerson) {
    setSelected(p);
    setPending(p.assignedRoles);
    setReason('');
  }

  // A refusal is toasted: the edit card has no line for a message, and closes once a change went through.
  const run = (work: () => Promise<unknown>, done: string) =>
    runAction(work, {
      done,
      failed: '操作失败，请稍后再试',
      toast: true,
      onDone: () => {
        setSelected(null);
        setVersion((v) => v + 1);
      },
    });

  const saveRoles = (p: RosterPerson) =>
    run(async () => {
      for (const role of ASSIGNABLE_ROLES) {
        const had = p.assignedRoles.includes(role);
        const wants = pending.includes(role);
        if (had !== wants) await identityApi.assignRole({ villageId, personId: p.id, role, granted: wants });
      }
    }, '角色已更新');

  const data = list.data;
  return (
    <View className="page">
      {selected && (
        <View className="card" aria-label={`编辑 ${selected.name}`}>
          <Text style={{ fontSize: '20px', fontWeight: 600 }}>{selected.name}</Text>
          {canAssign && (
            <Cell.Group title="村级角色（点击切换）">
              {ASSIGNABLE_ROLES.map((role) => {
                const on = pending.includes(role);
                return (
                  <Cell
                    key={role}
                    title={ROLE_LABELS[role]}
                    extra={on ? '✓ 担任' : '不担任'}
                    onClick={() => setPending(on ? pending.filter((r) => r !== role) : [...pending, role])}
                  />
                );
              })}
            </Cell.Group>
          )}
          {canAssign && (
            <Button type="primary" size="large" block loading={busy} onClick={() => saveRoles(selected)}>
              保存角色
            </Button>
          )}
          {canRebind && selected.verified && (
            <View style={{ marginTop: '16px' }}>
              <Text>换绑原因（例如：换了手机，旧微信无法登录）</Text>
              <LimitedInput value={reason} onChange={setReason} placeholder={`至少 ${REBIND_REASON.min} 个字`} maxLength={REBIND_REASON.max} name="reason" />
              <StillNeeded items={[reason.trim().length < REBIND_REASON.min && `写换绑原因（至少 ${REBIND_REASON.min} 个字）`]} />
              <Button
                size="large"
                block
                disabled={reason.trim().length < REBIND_REASON.min}
                loading={busy}
                onClick={() => run(() => rebindApi.rebind(villageId, selected.id, reason.trim()), '已解除绑定')}
              >
                解除微信绑定，让本人重新认证
              </Button>
            </View>
          )}
          {canInspect && (
            <Button size="large" block onClick={() => Taro.navigateTo({ url: householdUrl(villageId, selected.id) })}>
              查看这一户（我家）
            </Button>
          )}
          <Button size="large" block onClick={() => setSelected(null)}>
            取消
          </Button>
        </View>
      )}
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload} empty={data?.total === 0} emptyTitle="花名册还是空的">
        {data && (
          <Cell.Group title={`花名册共 ${data.total} 人（第 ${data.page} 页）`}>
            {data.people.map((p) => (
              <Cell
                key={p.id}
                title={`${p.name}（${p.relation}）`}
                description={[
                  p.idMasked,
                  `户号 ${p.householdNo}`,
                  ...p.flags,
                  ...p.assignedRoles.map((r) => ROLE_LABELS[r]),
                  p.verified ? '已认证' : '未认证',
                ].join(' · ')}
                onClick={canAssign || canRebind || canInspect ? () => open(p) : undefined}
              />
            ))}
          </Cell.Group>
        )}
        {data && (
          <View style={{ display: 'flex', gap: '12px', padding: '16px' }}>
            <Button size="large" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Button size="large" disabled={page * data.pageSize >= data.total} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </View>
        )}
      </PageShell>
    </View>
  );
}
