import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Attachment } from '../../../../types/disclosure';
import { sizeText } from '../../../services/file-pick';

/** A draft's files, each with its kind and size; removable while the draft is being edited. */
export default function AttachmentList({ list, onRemove }: { list: Attachment[]; onRemove?: (a: Attachment) => void }) {
  if (list.length === 0) return null;
  return (
    <View>
      {list.map((a) => (
        <View key={a.id} className="file-row disclose__file">
          <View style={{ flex: 1, minWidth: 0 }}>
            <Text style={{ display: 'block', wordBreak: 'break-all' }}>{a.name}</Text>
            <Text style={{ display: 'block', color: '#595959' }}>
              {a.mime === 'application/pdf' ? 'PDF 文件' : '图片'}，{sizeText(a.size)}
            </Text>
          </View>
          {onRemove && (
            <View style={{ flexShrink: 0 }}>
              <Button size="normal" aria-label={`移除附件：${a.name}`} onClick={() => onRemove(a)}>
                移除
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
