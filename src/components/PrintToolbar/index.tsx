import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';

/**
 * The print button of the printable pages (公开栏, 海报), hidden on paper. While such a page is
 * open the document is let to flow (the H5 app otherwise scrolls inside a fixed-height box, and
 * only the first screen would print); the print stylesheet keys on the `board-printing` class.
 */
export default function PrintToolbar({ ready, label = '打印' }: { ready: boolean; label?: string }) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    document.body.classList.add('board-printing');
    return () => document.body.classList.remove('board-printing');
  }, []);
  return (
    <View className="print-page__toolbar print-page__noprint">
      {process.env.TARO_ENV === 'h5' ? (
        <Button type="primary" disabled={!ready} onClick={() => window.print()}>
          {label}
        </Button>
      ) : (
        <Text>小程序里不能直接打印，请在电脑上用网页版打开本页打印。</Text>
      )}
    </View>
  );
}
