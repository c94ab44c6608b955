import { Image, Text, View } from '@tarojs/components';
import type { CodeView } from '../../../../types/village';
import { dateText } from '../../../services/china-time';

/** The code on the village's poster now, or a plain warning that there is none. */
export default function CurrentCode({ villageName, code }: { villageName: string; code: CodeView | undefined }) {
  if (!code) {
    return (
      // Said in words and marked with a bar, so it reads the same without colour.
      <View className="warning-box">
        <Text>已停用，还没有新码</Text>
      </View>
    );
  }
  return (
    <View className="codes__current">
      {code.imageUrl && (
        <View className="codes__image" role="img" aria-label={`${villageName}现在用的二维码`}>
          <Image src={code.imageUrl} mode="aspectFit" style={{ width: '100%', height: '100%' }} />
        </View>
      )}
      <View className="codes__current-text">
        <Text className="codes__state">✓ 在用</Text>
        <Text className="codes__line">码号：{code.code}</Text>
        <Text className="codes__line">发码日期：{dateText(code.issuedAt)}</Text>
      </View>
    </View>
  );
}
