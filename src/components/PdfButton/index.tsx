import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PrintFile } from '../../../types/print';
import Alert from '../Alert';
import { useAction } from '../../hooks/useAction';
import { openPdf } from '../../services/open-file';
import './index.scss';

interface Props {
  /** Asks the server for the file (villageApi.posterPdf, disclosureApi.boardPdf, financeApi.statementPdf …). */
  make: () => Promise<PrintFile>;
  label?: string;
  disabled?: boolean;
  /** The primary action of the screen, or one tool among others. */
  primary?: boolean;
}

/**
 * 打印 / 生成 PDF: the server draws the sheet as a PDF, and the phone opens it in WeChat's viewer,
 * where "…" prints it or sends it to a computer; H5 opens it in a new tab. A refusal is said in
 * the server's words under the button.
 */
export default function PdfButton({ make, label = '打印 / 生成 PDF', disabled = false, primary = true }: Props) {
  const { busy, error, run: runAction } = useAction();

  const run = () => runAction(() => openPdf(make), { failed: '文件没有生成或打不开，请稍后再试。' });

  return (
    <View className="pdf-button">
      <Button type={primary ? 'primary' : 'default'} size="large" block loading={busy} disabled={disabled || busy} onClick={run}>
        {busy ? '正在生成…' : label}
      </Button>
      {process.env.TARO_ENV !== 'h5' && <Text className="pdf-button__hint">打开后点右上角“…”，可以直接打印，或发送到电脑上再打印。</Text>}
      {error && <Alert text={error} />}
    </View>
  );
}
