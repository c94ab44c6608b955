import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CrossVillagePerson, RosterApprovalItem, RosterApprovalState, RosterImportMode, RosterPersonRef } from '../../../../types/roster';
import { LimitedInput } from '../../../components/Limited';
import PageShell from '../../../components/PageShell';
import { useRequest } from '../../../hooks/useRequest';
import { formatChinaTime } from '../../../services/china-time';
import { identityApi, rosterApi } from '../../../services/identity';
import { ROLE_LABELS } from '../../../services/labels';
import { ApiCallError } from '../../../services/transport';
import './index.scss';
import { REFUSAL_NOTE } from '../../../../common/limits';

const MODE_NAMES: Record<RosterImportMode, string> = { merge: '补充与更新', replace: '全量替换' };
const STATE_TEXT: Record<RosterApprovalState, string> = {
  pending: '等您确认',
  approved: '已确认（村里还没有导入）',
  rejected: '没有同意',
  used: '已确认，村里已导入',
  expired: '已确认，但过期没有导入',
  changed: '已确认，但花名册又有变化',
};

const who = (p: RosterPersonRef) => `${p.name}${p.assignedRoles.length ? `（${p.assignedRoles.map((r) => ROLE_LABELS[r]).join('、')}）` : ''}`;

/** One village's request: what the file does, to whom, and the admin's decision. */
function Request({ a, townshipId, onDone }: { a: RosterApprovalItem; townshipId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(approve: boolean) {
    setBusy(true);
    setError(null);
    try {
      await rosterApi.decideApproval(townshipId, a.id, approve, note.trim() || undefined);
      onDone();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : '没能提交，请稍后再试。');
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card township-rosters__request" role="listitem" aria-label={`花名册导入申请：${a.villageName}`}>
      <Text className="township-rosters__title">{`${a.villageName} · ${MODE_NAMES[a.mode]} · ${a.fileName}`}</Text>
      <Text className="township-rosters__state">
        {STATE_TEXT[a.state]}
        {a.note ? `：${a.note}` : ''}
      </Text>
      <Text className="township-rosters__line">{`${a.requestedBy} ${formatChinaTime(a.requestedAt)} 申请，原因：${a.requestReason}`}</Text>
      <Text className="township-rosters__line">{`花名册现有 ${a.rosterSize} 人，文件里 ${a.fileRows} 人，新增 ${a.added} 人。`}</Text>
      <View className="township-rosters__reasons">{a.reasons.join('；')}。</View>
      {a.removing.length > 0 && (
        <Cell.Group title={`将移出花名册的 ${a.removing.length} 人`}>
          {a.removing.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a check's findings in file order, never reordered; they carry no id and may repeat
            <Cell key={i} title={who(p)} description={`${p.idMasked} · 户号 ${p.householdNo}`} />
          ))}
        </Cell.Group>
      )}
      {a.losingVote.length > 0 && (
        <Cell.Group title={`户籍改为不在本村、不再参加本村村民会议表决的 ${a.losingVote.length} 人`}>
          {a.losingVote.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a check's findings in file order, never reordered; they carry no id and may repeat
            <Cell key={i} title={who(p)} description={`${p.idMasked} · 户号 ${p.householdNo}`} />
          ))}
        </Cell.Group>
      )}
      {a.state === 'pending' && (
        <View className="township-rosters__actions">
          <LimitedInput value={note} onChange={setNote} maxLength={REFUSAL_NOTE.max} placeholder="说明（不同意时必填，村里会看到）" name="note" />
          <Button type="primary" size="large" block loading={busy} onClick={() => decide(true)}>
            核实无误，确认这次导入
          </Button>
          <Button size="large" block disabled={busy || note.trim().length < REFUSAL_NOTE.min} onClick={() => decide(false)}>
            不同意
          </Button>
          {error && (
            <View className="township-rosters__error" role="alert">
              {error}
            </View>
          )}
        </View>
      )}
    </View>
  );
}

function hukouText(p: CrossVillagePerson): string {
  const holder = p.villages.find((v) => v.hukouHere);
  if (p.hukou === 'one' && holder) return `户籍在${holder.villageName}，只在${holder.villageName}参加村民会议表决。`;
  if (p.hukou === 'none') return '几个村都写了户籍不在本村：请核实户籍在哪个村，由那个村在花名册里改过来。';
  return '几个村都登记为户籍在本村：核实之前，这个人在这几个村都不参加村民会议表决。请核实后由户籍不在的村改为“否”。';
}

/**
 * 镇里的花名册事务: imports a cadre may not make alone, waiting for the admin; and the people on
 * more than one village's roster, with where their 户籍 is (and so where they vote).
 */
export default function TownshipRostersPage() {
  const townshipId = useRouter().params.townshipId ?? '';
  const [version, setVersion] = useState(0);
  const me = useRequest('whoami', () => identityApi.whoami());
  const isAdmin = !!me.data?.township.some((t) => t.townshipId === townshipId && t.can.includes('roster.decideApproval'));
  const requests = useRequest(isAdmin ? `roster-approvals:${townshipId}:${version}` : null, () => rosterApi.approvals(townshipId));
  const cross = useRequest(`cross-village:${townshipId}`, () => rosterApi.crossVillage(townshipId));

  return (
    <View className="page township-rosters">
      {isAdmin && (
        <View aria-label="花名册导入确认">
          <Text className="township-rosters__intro">
            村里导入花名册时，如果会移出花名册五分之一以上的人、移出村两委、监委会或民主理财小组成员、移出导入的人自己，或让他们不再参加本村表决，要镇管理员看过名单确认后才能导入。每次确认只对那一个文件有效，只能用一次，72
            小时内有效。
          </Text>
          <PageShell
            loading={requests.loading}
            error={requests.error}
            onRetry={requests.reload}
            empty={requests.data?.approvals.length === 0}
            emptyTitle="没有等待确认的花名册导入"
          >
            <View role="list">
              {requests.data?.approvals.map((a) => (
                <Request key={a.id} a={a} townshipId={townshipId} onDone={() => setVersion((v) => v + 1)} />
              ))}
            </View>
          </PageShell>
        </View>
      )}
      <View aria-label="在几个村花名册上的人">
        <Text className="township-rosters__intro">同一个人可以在几个村的花名册上（住在一个村，户籍在另一个村），但只在户籍所在的村参加村民会议表决。</Text>
        <PageShell
          loading={cross.loading}
          error={cross.error}
          onRetry={cross.reload}
          empty={cross.data?.people.length === 0}
          emptyTitle="没有人同时在几个村的花名册上"
        >
          <Cell.Group title={`在本镇几个村花名册上的人（${cross.data?.people.length ?? 0}）`}>
            {cross.data?.people.map((p) => (
              <Cell
                key={p.idMasked + p.villages.map((v) => v.villageId).join()}
                title={`${p.villages[0]?.name ?? ''}（${p.idMasked}）${p.hukou === 'several' ? ' · 户籍待核实' : ''}`}
                description={`${p.villages.map((v) => `${v.villageName}${v.name !== p.villages[0]?.name ? `（写作“${v.name}”）` : ''}：${v.hukouHere ? '户籍在此' : '户籍不在此'}`).join('；')}。${hukouText(p)}`}
              />
            ))}
          </Cell.Group>
        </PageShell>
      </View>
    </View>
  );
}
