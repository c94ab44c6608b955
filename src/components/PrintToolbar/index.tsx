import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useEffect } from 'react';
import type { PrintFile } from '../../../types/print';
import PdfButton from '../PdfButton';

/**
 * The print button of the printable pages (公开栏, 海报), hidden on paper. While such a page is
 * open the document is let to flow (the H5 app otherwise scrolls inside a fixed-height box, and
 * only the first screen would print); the print stylesheet keys on the `board-printing` class.
 * The mini-program cannot print a page: `pdf` has the server make the same sheet as a PDF, which
 * the phone opens to print or send to a computer (on H5 it is offered beside 打印).
 */
export default function PrintToolbar({ ready, label = '打印', pdf }: { ready: boolean; label?: string; pdf: () => Promise<PrintFile> }) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    document.body.classList.add('board-printing');
    return () => document.body.classList.remove('board-printing');
  }, []);
  return (
    <View className="print-page__toolbar print-page__noprint">
      {process.env.TARO_ENV === 'h5' ? (
        <View>
          <Button type="primary" disabled={!ready} onClick={() => window.print()}>
            {label}
          </Button>
          <PdfButton make={pdf} disabled={!ready} primary={false} label="下载 PDF" />
        </View>
      ) : (
        <PdfButton make={pdf} disabled={!ready} label={`${label} / 生成 PDF`} />
      )}
    </View>
  );
}
