import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useAction } from '../../../hooks/useAction';
import { useRequest } from '../../../hooks/useRequest';
import { plainApi } from '../../../services/plain';

/** Hands a text over: a .txt download in H5, the clipboard in the mini-program (it cannot save files). */
function saveText(fileName: string, text: string): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined' && typeof URL.createObjectURL === 'function') {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(a.href);
    return;
  }
  void Taro.setClipboardData({ data: text });
}

/**
 * The quarter's 明白账 for the 两委: the words, the 广播稿 for the loudspeaker and the 短信 for
 * villagers without smartphones, to copy or download; and drafting it as the quarter's item, so
 * it is reviewed and published with the rest.
 */
export default function PlainCard({ villageId, quarter, onChanged }: { villageId: string; quarter: string; onChanged: () => void }) {
  const preview = useRequest(`plain-preview:${villageId}:${quarter}`, () => plainApi.preview(villageId, quarter));
  const draft = useAction();
  const s = preview.data;
  return (
    <View className="card" aria-label="明白账、广播稿和短信">
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>明白账 · 广播稿 · 短信</Text>
      {!s ? (
        <Text className="disclose__hint">{preview.error ? preview.error.message : '正在生成……'}</Text>
      ) : (
        <View>
          <Text style={{ display: 'block', marginTop: '8px' }}>{s.text}</Text>
          <Text style={{ display: 'block', marginTop: '8px', fontWeight: 600 }}>广播稿（约两分钟）</Text>
          <Text style={{ display: 'block' }}>{s.broadcast}</Text>
          <Text style={{ display: 'block', marginTop: '8px', fontWeight: 600 }}>短信（{Array.from(s.sms).length} 字）</Text>
          <Text style={{ display: 'block' }}>{s.sms}</Text>
          <View className="disclose__actions">
            <Button size="large" block onClick={() => saveText(`${s.title}广播稿.txt`, s.broadcast)}>
              下载广播稿
            </Button>
            <Button size="large" block onClick={() => saveText(`${s.title}短信.txt`, s.sms)}>
              下载短信
            </Button>
            <Button size="large" block onClick={() => void Taro.setClipboardData({ data: s.sms })}>
              复制短信
            </Button>
            <Button
              type="primary"
              size="large"
              block
              loading={draft.busy}
              disabled={draft.busy}
              onClick={() =>
                void draft.run(() => plainApi.draft(villageId, quarter), {
                  done: '已生成明白账草稿',
                  failed: '没有生成成功，请稍后再试。',
                  toast: true,
                  onDone: onChanged,
                })
              }
            >
              生成明白账草稿
            </Button>
          </View>
          <Text className="disclose__hint">明白账作为本季度的一项公开内容，和其他各项一起交监委会审核，公开后印在公开栏上。</Text>
        </View>
      )}
    </View>
  );
}
