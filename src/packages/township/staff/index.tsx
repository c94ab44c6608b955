import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { StaffInvite, TownshipRole } from '../../../../types/identity';
import PageShell from '../../../components/PageShell';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { staffApi } from '../../../services/identity';
import { ROLE_LABELS } from '../../../services/labels';
import { formatChinaTime } from '../../../services/china-time';
import { LimitedInput } from '../../../components/Limited';
import { StillNeeded } from '../../../components/FormHints';
import { STAFF_NAME } from '../../../../common/limits';

const TOWNSHIP_ROLES: TownshipRole[] = ['township_admin', 'township_discipline'];

/** 镇管理员: who holds township roles, invitations for new staff, and taking roles away. */
export default function StaffPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [version, setVersion] = useState(0);
  const list = useRequest(`staff:${townshipId}:${version}`, () => staffApi.list(townshipId));
  const [name, setName] = useState('');
  const [role, setRole] = useState<TownshipRole>('township_discipline');
  const [invite, setInvite] = useState<StaffInvite | null>(null);

  const { run } = useAction();

  const act = (work: () => Promise<unknown>) => run(work, { failed: '操作失败，请稍后再试', toast: true, onDone: () => setVersion((v) => v + 1) });

  return (
    <View className="page">
      <Cell.Group title="邀请镇级人员">
        <View style={{ padding: '12px 16px' }}>
          <LimitedInput value={name} onChange={setName} placeholder="姓名" maxLength={STAFF_NAME.max} name="staffName" />
        </View>
        {TOWNSHIP_ROLES.map((r) => (
          <Cell key={r} title={ROLE_LABELS[r]} extra={role === r ? '✓ 选中' : ''} onClick={() => setRole(r)} />
        ))}
      </Cell.Group>
      <View style={{ padding: '16px' }}>
        <StillNeeded items={[!name.trim() && '填写姓名']} />
        <Button
          type="primary"
          size="large"
          block
          disabled={!name.trim()}
          onClick={() => act(async () => setInvite(await staffApi.invite(townshipId, name.trim(), role)))}
        >
          生成邀请码
        </Button>
        {invite && (
          <View className="card" role="status">
            <Text style={{ fontSize: '28px', fontWeight: 700, letterSpacing: '4px' }}>{invite.code}</Text>
            <Text>
              {'\n'}请本人在“我的”里输入这个邀请码。只能用一次，{formatChinaTime(invite.expiresAt)} 前有效。
            </Text>
          </View>
        )}
      </View>
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload}>
        <Cell.Group title="镇级人员">
          {list.data?.staff.map((s) => (
            <View key={s.id}>
              <Cell title={s.name} extra={s.roles.map((r) => ROLE_LABELS[r]).join('、')} />
              {s.roles
                .filter((r): r is TownshipRole => (TOWNSHIP_ROLES as string[]).includes(r))
                .map((r) => (
                  <Cell key={r} title={`取消“${ROLE_LABELS[r]}”`} extra="›" onClick={() => act(() => staffApi.revoke(townshipId, s.id, r))} />
                ))}
            </View>
          ))}
        </Cell.Group>
      </PageShell>
    </View>
  );
}
