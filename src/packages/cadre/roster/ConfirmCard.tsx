import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { RosterImportMode, RosterImportResult, RosterModeCheck, RosterPreview } from '../../../../types/roster';
import type { FileImportState } from '../../../components/FileImport';
import { LimitedInput } from '../../../components/Limited';
import { formatChinaTime } from '../../../services/china-time';
import { rosterApi } from '../../../services/identity';
import { APPROVAL_TEXT, typedMatches } from './helpers';

/** The import itself: for 全量替换 only once the number of people removed is typed. */
export default function ConfirmCard({
  villageId,
  imp,
  mode,
  chosen,
  typed,
  onTyped,
  onImported,
}: {
  villageId: string;
  imp: FileImportState<RosterPreview>;
  mode: RosterImportMode;
  chosen: RosterModeCheck;
  typed: string;
  onTyped: (typed: string) => void;
  onImported: (result: RosterImportResult) => void;
}) {
  const { preview } = imp;
  const approved = chosen.approval?.state === 'approved';

  async function commit() {
    const { file } = imp;
    if (!file) return;
    await imp.action.run(() => rosterApi.commit(villageId, file.name, file.fileId, mode, mode === 'replace' ? typed : undefined), {
      failed: '导入失败，请稍后再试。',
      onDone: (result) => {
        onImported(result);
        imp.setPreview(null);
      },
    });
  }

  if (!preview) return null;
  return (
    <View className="roster-import__pick">
      {approved && chosen.approval?.expiresAt && (
        <View className="roster-import__status" role="status">
          {`${APPROVAL_TEXT.approved}${formatChinaTime(chosen.approval.expiresAt)} 前有效，只能导入一次。`}
        </View>
      )}
      {mode === 'replace' && chosen.confirmText && (
        <View className="roster-import__confirm">
          <Text className="roster-import__confirm-label">为防止误删，请输入要移出的人数（{chosen.confirmText}）：</Text>
          <LimitedInput value={typed} onChange={onTyped} maxLength={8} type="number" placeholder="输入要移出的人数" name="confirm" />
        </View>
      )}
      <Button
        type="primary"
        size="large"
        block
        loading={imp.action.busy}
        disabled={mode === 'replace' && !!chosen.confirmText && !typedMatches(typed, chosen.confirmText)}
        onClick={commit}
      >
        {mode === 'replace' && preview.notListed > 0 ? `确认导入 ${preview.total} 人并移出 ${preview.notListed} 人` : `确认导入 ${preview.total} 人`}
      </Button>
    </View>
  );
}
