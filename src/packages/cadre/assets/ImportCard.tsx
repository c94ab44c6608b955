import { Button, Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ASSET_REGISTER_LABEL, type AssetImportPreview, type AssetRegister } from '../../../../types/assets';
import ChoiceRow from '../../../components/ChoiceRow';
import FileImport, { useFileImport } from '../../../components/FileImport';
import { assetsApi } from '../../../services/assets';
import { sizeText } from '../../../services/file-pick';

/** The functions take a 台账 of at most 1 MB (core/attachments/incoming.ts): refused here before uploading. */
const MAX_BYTES = 1024 * 1024;
const NOUN: Record<AssetRegister, string> = { assets: '资产', resources: '资源' };
/** The columns the import reads, in the words the platforms' exports use. */
const COLUMNS: Record<AssetRegister, string> = {
  assets:
    '表头要有：资产名称、资产类别、经营性质（经营性或非经营性）、购建日期、原值（元）、使用状态（在用、出租、闲置、报废）；可以有坐落位置、管理人、备注。',
  resources:
    '表头要有：资源名称、资源类别（地类：耕地、林地、园地、草地、水面、四荒地、建设用地）、面积（亩，最多两位小数）、发包状态（发包、未发包、自营）；可以有坐落、备注。',
};
const REGISTERS: AssetRegister[] = ['assets', 'resources'];

/** What the check found: the columns it read, the rows it skipped, and every row to fix, by its Excel line. */
function CheckResult({ preview: p, fileName }: { preview: AssetImportPreview; fileName: string }) {
  const noun = NOUN[p.register];
  return (
    <View aria-label="导入检查结果">
      <Text className="cadre-assets__line">
        {fileName}：共 {p.rows} 行，{p.ok} 行可以导入{p.already > 0 ? `，${p.already} 行以前已经导入过（这次不再重复）` : ''}。
      </Text>
      {p.headerRow !== null && p.columns.length > 0 && (
        <Text className="cadre-assets__hint">
          第 {p.headerRow} 行是表头：{p.columns.map((c) => (c.header === c.field ? c.header : `“${c.header}”当作“${c.field}”`)).join('，')}。
        </Text>
      )}
      {p.problems.length > 0 && (
        <Cell.Group title={`有 ${p.problems.length} 行需要修改（改好后重新选择文件）；没改好之前，一行也不会导入`}>
          {p.problems.map((x) => (
            <Cell key={`${x.line}:${x.message}`} title={`第 ${x.line} 行`} description={x.message} />
          ))}
        </Cell.Group>
      )}
      {p.skipped.length > 0 && (
        <Cell.Group title={`跳过 ${p.skipped.length} 行（不是一项${noun}，不会导入）`}>
          {p.skipped.map((x) => (
            <Cell key={`${x.line}:${x.message}`} title={`第 ${x.line} 行`} description={x.message} />
          ))}
        </Cell.Group>
      )}
    </View>
  );
}

/**
 * 导入资产台账 / 资源台账 as the county 三资 platform exports them: pick which, pick the file, see
 * every row that needs fixing, and import them all once none does.
 */
export default function ImportCard({ villageId, onImported }: { villageId: string; onImported: () => void }) {
  const [register, setRegister] = useState<AssetRegister>('assets');
  const imp = useFileImport<AssetImportPreview>({
    send: (picked) => assetsApi.send(villageId, picked),
    check: (file) => assetsApi.previewImport(villageId, register, file.name, file.fileId),
    failed: '检查失败，请稍后再试。',
    limit: { bytes: MAX_BYTES, text: (bytes) => `文件太大（${sizeText(bytes)}），请每次导入不超过 1 MB 的表格。` },
  });
  const { file, preview, action } = imp;
  const label = ASSET_REGISTER_LABEL[register];

  function choose(next: AssetRegister) {
    if (next === register) return;
    // A file checked as one register says nothing about the other: it is picked again.
    imp.clear();
    action.setError(null);
    setRegister(next);
  }

  async function commit() {
    if (!file || !preview) return;
    await action.run(() => assetsApi.commitImport(villageId, preview.register, file.name, file.fileId), {
      done: (out) => ({ title: `已导入 ${out.added} 项${NOUN[out.register]}`, duration: 2000 }),
      failed: '导入失败，请稍后再试。',
      onDone: () => {
        imp.clear();
        onImported();
      },
    });
  }

  return (
    <View className="card" aria-label="导入台账">
      <Text className="cadre-assets__label" style={{ marginTop: 0 }}>
        导入资产台账、资源台账
      </Text>
      <ChoiceRow
        className="cadre-assets__choices"
        label="导入哪个台账"
        size="large"
        tick
        choices={REGISTERS.map((r) => ({ value: r, label: ASSET_REGISTER_LABEL[r] }))}
        current={register}
        onPick={choose}
      />
      <Text className="cadre-assets__hint">{COLUMNS[register]}表头上面的标题行、下面的合计和签字行会自动跳过。</Text>
      <FileImport
        imp={imp}
        picker={{ text: `导入${label}（Excel 或 CSV）`, ariaLabel: `导入${label}（Excel 或 CSV）`, disabled: action.busy }}
        busyClassName="cadre-assets__hint"
      >
        {(shown, sent) => (
          <View>
            <CheckResult preview={shown} fileName={sent?.name ?? ''} />
            {shown.problems.length === 0 && shown.ok > 0 && (
              <View className="cadre-assets__buttons">
                <Button type="primary" size="large" block loading={action.busy} disabled={action.busy} onClick={commit}>
                  确认导入 {shown.ok} 项{NOUN[shown.register]}
                </Button>
              </View>
            )}
          </View>
        )}
      </FileImport>
    </View>
  );
}
