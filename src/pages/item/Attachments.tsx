import { Cell, Image } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { Attachment } from '../../../types/disclosure';
import { openAttachment } from '../../services/open-file';

/** The item's files: a PDF opens, an image shows in the page and enlarges among the item's images. */
export default function Attachments({ list }: { list: Attachment[] }) {
  if (list.length === 0) return null;
  const images = list.filter((a) => a.mime !== 'application/pdf');
  return (
    <Cell.Group title="附件">
      {list.map((a) =>
        a.mime === 'application/pdf' ? (
          <Cell key={a.id} title={a.name} description={`PDF 文件，${Math.ceil(a.size / 1024)} KB`} extra="打开 ›" onClick={() => openAttachment(a)} />
        ) : (
          <View key={a.id}>
            <Cell title={a.name} description="图片，点按放大" extra="放大 ›" onClick={() => openAttachment(a, images)} />
            <View aria-label={`图片附件：${a.name}`} role="img" onClick={() => openAttachment(a, images)} style={{ padding: '0 16px 12px' }}>
              <Image src={a.url} mode="widthFix" width="100%" />
            </View>
          </View>
        ),
      )}
    </Cell.Group>
  );
}
