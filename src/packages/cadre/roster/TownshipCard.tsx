import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { RosterImportMode, RosterModeCheck, RosterPreview } from '../../../../types/roster';
import type { FileImportState } from '../../../components/FileImport';
import { LimitedTextArea } from '../../../components/Limited';
import { rosterApi } from '../../../services/identity';
import { APPROVAL_TEXT } from './helpers';
import { ROSTER_REASON } from '../../../../common/limits';

/**
 * An import that removes more than a fifth of the roster, an office holder or the cadre themself
 * waits for the township admin: why, where the request stands, and asking with a reason.
 */
export default function TownshipCard({
  villageId,
  imp,
  mode,
  chosen,
  reason,
  onReason,
}: {
  villageId: string;
  imp: FileImportState<RosterPreview>;
  mode: RosterImportMode;
  chosen: RosterModeCheck;
  reason: string;
  onReason: (reason: string) => void;
}) {
  async function askTownship() {
    const { file, preview } = imp;
    if (!file || !preview) return;
    await imp.action.run(() => rosterApi.requestApproval(villageId, file.name, file.fileId, mode, reason.trim()), {
      failed: '没能发出申请，请稍后再试。',
      onDone: (approval) => imp.setPreview({ ...preview, modes: { ...preview.modes, [mode]: { ...preview.modes[mode], approval } } }),
    });
  }

  return (
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
          <LimitedTextArea
            value={reason}
            onChange={onReason}
            maxLength={ROSTER_REASON.max}
            placeholder="写明为什么要这样导入（镇管理员会看到）"
            name="reason"
          />
          <Button type="primary" size="large" block loading={imp.action.busy} disabled={reason.trim().length < ROSTER_REASON.min} onClick={askTownship}>
            请镇里确认
          </Button>
        </View>
      )}
    </View>
  );
}
