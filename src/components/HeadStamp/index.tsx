import { Image } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { HeadLinkView } from '../../../types/village';
import './index.scss';

/** 1a2b3c4d5e6f7a8b → 1a2b 3c4d 5e6f 7a8b: easier to read out and compare. */
const grouped = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;

/**
 * The village's history as it stood when this sheet was printed: its size, the first digits of
 * its fingerprint, and a code that opens 校验 at exactly that point. Scanned any day later, it
 * shows whether anything before it was changed since.
 */
export default function HeadStamp({ head }: { head: HeadLinkView }) {
  return (
    <View className="head-stamp" aria-label="本村公开记录的指纹">
      <View className="head-stamp__code" role="img" aria-label="扫码核对到这一刻为止的记录有没有被改动">
        <Image src={head.imageUrl} width="100%" height="100%" />
      </View>
      <View className="head-stamp__words">
        <Text className="head-stamp__line">本村公开记录的指纹（截至第 {head.size} 条记录）：</Text>
        <Text className="head-stamp__hash">{grouped(head.rootShort)}</Text>
        <Text className="head-stamp__small">以后任何时候扫左边的码，都能核对这之前的记录有没有被人改动过。</Text>
      </View>
    </View>
  );
}
