import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Alert from '../../../components/Alert';
import PdfButton from '../../../components/PdfButton';
import { useAction } from '../../../hooks/useAction';
import { financeApi } from '../../../services/finance';
import { quarterText } from '../../../services/labels';
import { quarterOfMonth } from '../../../services/ledger-form';

/** H5 downloads through a link; the mini-program downloads the file and opens it, where it can be forwarded. */
async function saveSpreadsheet(fileName: string, url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const got = await Taro.downloadFile({ url, filePath: `${Taro.env.USER_DATA_PATH}/${fileName}` });
  await Taro.openDocument({ filePath: got.filePath ?? got.tempFilePath, fileType: 'xlsx', showMenu: true });
}

/** The month as a spreadsheet, the quarter's 财务公开 drafted from the published months, and both as PDF for the board. */
export default function ToolsCard({ villageId, month }: { villageId: string; month: string }) {
  // Each button shows its own loading; either holds both, and their refusals share one place.
  const exporting = useAction();
  const filling = useAction();
  const busy = exporting.busy || filling.busy;
  const error = exporting.error ?? filling.error;
  const quarter = quarterOfMonth(month);

  async function exportMonth() {
    filling.setError(null);
    await exporting.run(
      async () => {
        const file = await financeApi.exportMonth(villageId, month);
        await saveSpreadsheet(file.fileName, file.url);
      },
      { failed: '没有导出成功，请稍后再试。', alsoToast: true },
    );
  }

  async function fill() {
    exporting.setError(null);
    await filling.run(() => financeApi.fillDisclosure(villageId, quarter), {
      done: (out) => `已生成 ${out.drafted.length} 项草稿，请到“起草季度公开”提交审核`,
      failed: '没有生成成功，请稍后再试。',
      alsoToast: true,
    });
  }

  return (
    <View className="card" aria-label="导出与公开">
      <View className="ledger__actions" style={{ marginTop: 0 }}>
        <Button size="large" block loading={exporting.busy} disabled={busy} onClick={exportMonth}>
          导出本月 Excel
        </Button>
        <Button size="large" block loading={filling.busy} disabled={busy} onClick={fill}>
          生成本季度财务公开
        </Button>
      </View>
      <Text className="ledger__hint">
        “生成本季度财务公开”按已签字公示的月份，起草{quarterText(quarter)}的月度收支明细、收支汇总和非生产性开支三项，审核后才向村民公开。
      </Text>
      {error && <Alert text={error} />}
      <PdfButton make={() => financeApi.statementPdf(villageId, month)} label="打印本月收支明细（PDF）" primary={false} />
      <PdfButton make={() => financeApi.statementPdf(villageId, quarter)} label={`打印${quarterText(quarter)}收支汇总（PDF）`} primary={false} />
    </View>
  );
}
