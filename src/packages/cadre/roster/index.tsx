import { Button, Empty } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RosterImportMode, RosterImportResult, RosterPreview } from '../../../../types/roster';
import FileImport, { useFileImport } from '../../../components/FileImport';
import StateImage from '../../../components/StateImage';
import { rosterApi } from '../../../services/identity';
import CheckResult from './CheckResult';
import ConfirmCard from './ConfirmCard';
import { HINT } from './helpers';
import ModeChooser from './ModeChooser';
import TownshipCard from './TownshipCard';
import './index.scss';

/**
 * Roster import for cadres: choose how (补充与更新 removes nobody; 全量替换 removes whoever the file
 * leaves out), pick a file, read what it would do — every problem row, each 15-digit ID upgraded,
 * everyone also on another village's roster, and for 全量替换 everyone it removes by name — and
 * import only when no problem is left, typing the number of people removed. An import that would
 * remove more than a fifth of the roster, an office holder or the cadre themself waits for the
 * township admin.
 */
export default function RosterImportPage() {
  // Only the village from the link: the service decides who may import, and says so when refusing.
  const villageId = useRouter().params.villageId ?? '';
  const [mode, setMode] = useState<RosterImportMode>('merge');
  const [result, setResult] = useState<RosterImportResult | null>(null);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const imp = useFileImport<RosterPreview>({
    send: (picked) => rosterApi.send(villageId, picked),
    check: (file) => rosterApi.preview(villageId, file.name, file.fileId),
    failed: '检查失败，请稍后再试。',
    onNewFile: () => {
      setResult(null);
      setTyped('');
    },
  });
  const { preview, action } = imp;

  function choose(m: RosterImportMode) {
    setMode(m);
    setTyped('');
    setReason('');
  }

  return (
    <View className="page roster-import">
      <View className="card">
        <Text className="roster-import__hint">{HINT.join('\n')}</Text>
      </View>
      <ModeChooser mode={mode} onChoose={choose} />
      <FileImport
        imp={imp}
        picker={{
          text: '选择花名册文件（.xlsx 或 .csv）',
          ariaLabel: '选择花名册文件',
          chatText: '从微信聊天中选择花名册文件',
          className: 'roster-import__file',
          inputClassName: 'roster-import__input',
          wrapClassName: 'roster-import__pick',
        }}
        busyClassName="roster-import__status"
        renderError={(message) => (
          <View className="roster-import__error" role="alert">
            {message}
          </View>
        )}
      >
        {(shown, file) => {
          const chosen = shown.modes[mode];
          if (!chosen) return null;
          const waitsForTownship = !!chosen.needsTownship && chosen.approval?.state !== 'approved';
          return (
            <CheckResult preview={shown} fileName={file?.name} mode={mode}>
              {shown.errors.length === 0 && waitsForTownship && (
                <TownshipCard villageId={villageId} imp={imp} mode={mode} chosen={chosen} reason={reason} onReason={setReason} />
              )}
              {shown.errors.length === 0 && !waitsForTownship && (
                <ConfirmCard villageId={villageId} imp={imp} mode={mode} chosen={chosen} typed={typed} onTyped={setTyped} onImported={setResult} />
              )}
            </CheckResult>
          );
        }}
      </FileImport>
      {result && (
        <Empty
          image={<StateImage kind="empty" />}
          imageSize={80}
          title="导入完成"
          description={`共 ${result.imported} 人：新增 ${result.added}，更新 ${result.updated}，移出 ${result.removed}。`}
        />
      )}
      {!preview && !result && !action.busy && !action.error && <Text className="roster-import__status">导入前会先逐行检查，有错误时不会导入任何人。</Text>}
      <View className="roster-import__pick">
        <Button size="large" block onClick={() => Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </View>
  );
}
