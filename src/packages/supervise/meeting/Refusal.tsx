import { View } from '@tarojs/components';

/** The server's refusal beside the control that caused it; nothing when there is none. */
export default function Refusal({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View className="warning-box" role="alert">
      {text}
    </View>
  );
}
