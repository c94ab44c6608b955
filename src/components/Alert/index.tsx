import { Text, View } from '@tarojs/components';

/** A refusal or a failed check, said in words where the person is looking (styled in app.scss). */
export default function Alert({ text }: { text: string }) {
  return (
    <View className="alert" role="alert">
      <Text>{text}</Text>
    </View>
  );
}
