import { Button, Cell, Empty } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RosterApprovalView, RosterImportMode, RosterImportResult, RosterPersonRef, RosterPreview } from '../../../../types/roster';
import StateImage from '../../../components/StateImage';
import { LimitedInput, LimitedTextArea } from '../../../components/Limited';
import { fromBrowserFile, pickChatFile, type PickedFile } from '../../../services/file-pick';
import { rosterApi } from '../../../services/identity';
import { formatChinaTime } from '../../../services/china-time';
import { ROLE_LABELS } from '../../../services/labels';
import { ApiCallError } from '../../../services/transport';
import './index.scss';

const HINT = [
  '表格里要有：姓名、身份证号、户号、与户主关系（列名写成身份证号码、公民身份号码、证件号码、与户主的关系等也可以）。',
  '可以有：性别、村民小组、联系电话（手机号码）、党员（或政治面貌）、村民代表、低保户、现役军人，以及“户籍所在村”（写村名，空着算本村）或“户籍在本村”（是/否，空着算“是”）。户籍不在本村的人不参加本村村民会议表决。',
  '表格上方的标题行、下方的签字行会自动跳过；15 位的老身份证号会按国家标准升为 18 位。身份证号一列请设为“文本”。',
];

const MODES: { value: RosterImportMode; label: string; note: string }[] = [
  { value: 'merge', label: '补充与更新（推荐）', note: '新增文件里的新人，更新变了的信息，不移出任何人。' },
  { value: 'replace', label: '全量替换', note: '以这份文件为准：文件里没有的人移出花名册（记录保留）。' },
];

const APPROVAL_TEXT: Record<RosterApprovalView['state'], string> = {
  pending: '已经请镇里确认，正在等镇管理员处理。处理后您会在“我的”里收到消息。',
  approved: '镇管理员已确认这个文件。',
  rejected: '镇管理员没有同意这次导入。',
  used: '镇里的确认已经用过一次。如需再导入，请重新请镇里确认。',
  expired: '镇里的确认已经过期，请重新请镇里确认。',
  changed: '镇里确认之后花名册又有了变化，要移出的人和确认时不一样了，请重新请镇里确认。',
};

/** A person as a removal list names them: 杨树林（村务监督委员会主任）· 户号 Y004. */
function personLine(p: RosterPersonRef): { title: string; description: string } {
  const offices = p.assignedRoles.map((r) => ROLE_LABELS[r]).join('、');
  return {
    title: `${p.name}${offices ? `（${offices}）` : ''}${p.isCaller ? ' · 您本人' : ''}`,
    description: `${p.idMasked} · 户号 ${p.householdNo}`,
  };
}

/** The typed confirmation, compared as the service compares it. */
const typedMatches = (typed: string, want: string) => typed.normalize('NFKC').replace(/\s/g, '') === want;

/**
 * Roster import for cadres: choose how (补充与更新 removes nobody; 全量替换 removes whoever the file
 * leaves out), pick a file, read what it would do — every problem row, each 15-digit ID upgraded,
 * everyone also on another village's roster, and for 全量替换 everyone it removes by name — and
 * import only when no problem is left, typing the number of people removed. An import that would
 * remove more than a fifth of the roster, an office holder or the cadre themself waits for the
 * township admin.
 */
export default function RosterImportPage() {
  const villageId = useRouter().params.villageId ?? '';
  const [mode, setMode] = useState<RosterImportMode>('merge');
  // The uploaded file: preview, request and import all name it; it is sent once.
  const [file, setFile] = useState<{ name: string; fileId: string } | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [result, setResult] = useState<RosterImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');

  async function check(picked: PickedFile) {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setTyped('');
    setBusy(true);
    try {
      const fileId = await rosterApi.send(villageId, picked);
      setFile({ name: picked.name, fileId });
      setPreview(await rosterApi.preview(villageId, picked.name, fileId));
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : '检查失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await rosterApi.commit(villageId, file.name, file.fileId, mode, mode === 'replace' ? typed : undefined));
      setPreview(null);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : '导入失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  }

  async function askTownship() {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const approval = await rosterApi.requestApproval(villageId, file.name, file.fileId, mode, reason.trim());
      setPreview({ ...preview, modes: { ...preview.modes, [mode]: { ...preview.modes[mode], approval } } });
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : '没能发出申请，请稍后再试。');
    } finally {
      setBusy(false);
    }
  }

  async function pickInMiniProgram() {
    const picked = await pickChatFile(['xlsx', 'csv']);
    if (picked) await check(picked);
  }

  const chosen = preview?.modes[mode];
  const approved = chosen?.approval?.state === 'approved';
  const waitsForTownship = !!chosen?.needsTownship && !approved;
  const renamed = preview?.columns.filter((c) => c.header !== c.as) ?? [];

  return (
    <View className="page roster-import">
      <View className="card">
        <Text className="roster-import__hint">{HINT.join('\n')}</Text>
      </View>
      <View className="roster-import__modes" aria-label="导入方式">
        {MODES.map((m) => (
          <View key={m.value} className="roster-import__mode">
            <Button size="large" block type={mode === m.value ? 'primary' : 'default'} aria-pressed={mode === m.value} onClick={() => { setMode(m.value); setTyped(''); setReason(''); }}>
              {mode === m.value ? `✓ ${m.label}` : m.label}
            </Button>
            <Text className="roster-import__mode-note">{m.note}</Text>
          </View>
        ))}
      </View>
      <View className="roster-import__pick">
        {process.env.TARO_ENV === 'h5' ? (
          <label className="roster-import__file">
            选择花名册文件（.xlsx 或 .csv）
            <input
              className="roster-import__input"
              type="file"
              accept=".xlsx,.csv"
              aria-label="选择花名册文件"
              onChange={async (e) => {
                // React clears currentTarget once the handler awaits: keep the element.
                const input = e.currentTarget;
                const f = input.files?.[0];
                if (f) await check(fromBrowserFile(f));
                input.value = '';
              }}
            />
          </label>
        ) : (
          <Button type="primary" size="large" block onClick={pickInMiniProgram}>
            从微信聊天中选择花名册文件
          </Button>
        )}
      </View>
      {busy && <Text className="roster-import__status">正在处理…</Text>}
      {error && (
        <View className="roster-import__error" role="alert">
          {error}
        </View>
      )}
      {preview && chosen && (
        <View aria-label="检查结果">
          <View className="card roster-import__summary">
            <Text>
              {file?.name}：共 {preview.total} 人（表头在第 {preview.headerRow} 行）。新增 {preview.added} 人，更新 {preview.updated} 人，不变 {preview.unchanged} 人。
              {mode === 'merge'
                ? preview.notListed > 0
                  ? `花名册上另有 ${preview.notListed} 人不在这份文件里，补充与更新不移出他们。`
                  : ''
                : `全量替换将移出 ${preview.notListed} 人。`}
            </Text>
            {renamed.length > 0 && (
              <Text className="roster-import__columns">{`\n按这些列名读：${renamed.map((c) => `“${c.header}”当作“${c.as}”`).join('，')}。`}</Text>
            )}
          </View>
          {preview.errors.length > 0 && (
            <Cell.Group title={`有 ${preview.errors.length} 处需要修改（改好后重新选择文件）`}>
              {preview.errors.map((e, i) => (
                <Cell key={i} title={`第 ${e.row} 行${e.column ? ` · ${e.column}` : ''}`} description={e.message} />
              ))}
            </Cell.Group>
          )}
          {preview.notes.length > 0 && (
            <Cell.Group title={`读表时做了这些处理（${preview.notes.length} 处）`}>
              {preview.notes.map((n, i) => (
                <Cell key={i} title={`第 ${n.row} 行${n.column ? ` · ${n.column}` : ''}`} description={n.message} />
              ))}
            </Cell.Group>
          )}
          {preview.crossVillage.length > 0 && (
            <Cell.Group title={`也在本镇其他村花名册上的人（${preview.crossVillage.length}）：一个人只在户籍所在的村参加村民会议表决`}>
              {preview.crossVillage.map((c, i) => (
                <Cell
                  key={i}
                  title={`第 ${c.row} 行 ${c.name}（${c.idMasked}）`}
                  description={`也在${c.otherVillageName}的花名册上${c.sameName ? '' : '（但那里登记的姓名不一样，请核对）'}。户籍：${c.hukouHere ? '本村' : c.otherHukouHere ? c.otherVillageName : '不在本村'}。`}
                />
              ))}
            </Cell.Group>
          )}
          {preview.losingVote.length > 0 && (
            <Cell.Group title={`户籍改为不在本村、以后不参加本村村民会议表决的人（${preview.losingVote.length}）`}>
              {preview.losingVote.map((p, i) => (
                <Cell key={i} {...personLine(p)} />
              ))}
            </Cell.Group>
          )}
          {mode === 'replace' && preview.notListed > 0 && (
            <Cell.Group title={`将移出花名册的 ${preview.notListed} 人`}>
              {preview.notListedPeople.map((p, i) => (
                <Cell key={i} {...personLine(p)} />
              ))}
              {preview.notListed > preview.notListedPeople.length && <Cell title={`还有 ${preview.notListed - preview.notListedPeople.length} 人没有列出`} />}
            </Cell.Group>
          )}
          {preview.errors.length === 0 && waitsForTownship && (
            <View className="roster-import__township">
              <View className="roster-import__error" role="alert">
                {chosen.needsTownship}
              </View>
              {chosen.approval && (
                <View className="roster-import__status" role="status">
                  {APPROVAL_TEXT[chosen.approval.state]}
                  {chosen.approval.note ? `镇里的说明：${chosen.approval.note}` : ''}
                </View>
              )}
              {chosen.approval?.state !== 'pending' && (
                <View className="roster-import__pick">
                  <LimitedTextArea value={reason} onChange={setReason} maxLength={200} placeholder="写明为什么要这样导入（镇管理员会看到）" name="reason" />
                  <Button type="primary" size="large" block loading={busy} disabled={reason.trim().length < 4} onClick={askTownship}>
                    请镇里确认
                  </Button>
                </View>
              )}
            </View>
          )}
          {preview.errors.length === 0 && !waitsForTownship && (
            <View className="roster-import__pick">
              {approved && chosen.approval?.expiresAt && (
                <View className="roster-import__status" role="status">
                  {`${APPROVAL_TEXT.approved}${formatChinaTime(chosen.approval.expiresAt)} 前有效，只能导入一次。`}
                </View>
              )}
              {mode === 'replace' && chosen.confirmText && (
                <View className="roster-import__confirm">
                  <Text className="roster-import__confirm-label">为防止误删，请输入要移出的人数（{chosen.confirmText}）：</Text>
                  <LimitedInput value={typed} onChange={setTyped} maxLength={8} type="number" placeholder="输入要移出的人数" name="confirm" />
                </View>
              )}
              <Button
                type="primary"
                size="large"
                block
                loading={busy}
                disabled={mode === 'replace' && !!chosen.confirmText && !typedMatches(typed, chosen.confirmText)}
                onClick={commit}
              >
                {mode === 'replace' && preview.notListed > 0 ? `确认导入 ${preview.total} 人并移出 ${preview.notListed} 人` : `确认导入 ${preview.total} 人`}
              </Button>
            </View>
          )}
        </View>
      )}
      {result && (
        <Empty
          image={<StateImage kind="empty" />}
          imageSize={80}
          title="导入完成"
          description={`共 ${result.imported} 人：新增 ${result.added}，更新 ${result.updated}，移出 ${result.removed}。`}
        />
      )}
      {!preview && !result && !busy && !error && (
        <Text className="roster-import__status">导入前会先逐行检查，有错误时不会导入任何人。</Text>
      )}
      <View className="roster-import__pick">
        <Button size="large" block onClick={() => Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </View>
  );
}
