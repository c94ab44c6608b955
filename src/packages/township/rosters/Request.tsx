import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { REFUSAL_NOTE } from '../../../../common/limits';
import type { RosterApprovalItem, RosterApprovalState, RosterImportMode, RosterPersonRef } from '../../../../types/roster';
import { LimitedInput } from '../../../components/Limited';
import { useAction } from '../../../hooks/useAction';
import { formatChinaTime } from '../../../services/china-time';
import { rosterApi } from '../../../services/identity';
import { ROLE_LABELS } from '../../../services/labels';

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
export default function Request({ a, townshipId, onDone }: { a: RosterApprovalItem; townshipId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const decision = useAction();
  const { busy, error } = decision;
  const decide = (approve: boolean) =>
    decision.run(() => rosterApi.decideApproval(townshipId, a.id, approve, note.trim() || undefined), { failed: '没能提交，请稍后再试。', onDone });

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
