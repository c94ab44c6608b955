import { Button, Cell, Empty } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RosterImportResult, RosterPreview } from '../../../../types/roster';
import StateImage from '../../../components/StateImage';
import { pickChatFile, readBrowserFile, type PickedFile } from '../../../services/file-pick';
import { rosterApi } from '../../../services/identity';
import { ApiCallError } from '../../../services/transport';
import './index.scss';

const COLUMNS = '姓名、性别、身份证号、户号、与户主关系、村民小组、联系电话、党员、村民代表、低保户、现役军人';

/**
 * Roster import for cadres: pick a file, see every problem row by row, and import only when
 * none is left — all people or none.
 */
export default function RosterImportPage() {
  const villageId = useRouter().params.villageId ?? '';
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [result, setResult] = useState<RosterImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function check(picked: PickedFile) {
    setFile(picked);
    setPreview(null);
    setResult(null);
    setError(null);
    setBusy(true);
    try {
      setPreview(await rosterApi.preview(villageId, picked.name, picked.base64));
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
      setResult(await rosterApi.commit(villageId, file.name, file.base64));
      setPreview(null);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : '导入失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  }

  async function pickInMiniProgram() {
    const picked = await pickChatFile(['xlsx', 'csv']);
    if (picked) await check(picked);
  }

  return (
    <View className="page roster-import">
      <View className="card">
        <Text className="roster-import__hint">表格第一行是列名：{COLUMNS}。身份证号一列请设为“文本”。</Text>
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
                if (f) await check(await readBrowserFile(f));
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
      {preview && (
        <View>
          <View className="card roster-import__summary">
            <Text>
              {file?.name}：共 {preview.total} 行。新增 {preview.added} 人，更新 {preview.updated} 人，不变 {preview.unchanged} 人，移出 {preview.removed} 人。
            </Text>
          </View>
          {preview.errors.length > 0 ? (
            <Cell.Group title={`有 ${preview.errors.length} 处需要修改（改好后重新选择文件）`}>
              {preview.errors.map((e, i) => (
                <Cell key={i} title={`第 ${e.row} 行${e.column ? ` · ${e.column}` : ''}`} description={e.message} />
              ))}
            </Cell.Group>
          ) : (
            <View className="roster-import__pick">
              <Button type="primary" size="large" block loading={busy} onClick={commit}>
                确认导入 {preview.total} 人
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
