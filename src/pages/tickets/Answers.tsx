import { Image } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Attachment } from '../../../types/disclosure';
import type { TicketView } from '../../../types/tickets';
import { dateText } from '../../services/china-time';
import { openAttachment } from '../../services/open-file';

export function Photos({ list }: { list: Attachment[] }) {
  if (list.length === 0) return null;
  return (
    <View className="tickets__thumbs">
      {list.map((a, i) => (
        <View key={a.id} className="tickets__thumb" role="img" aria-label={`照片 ${i + 1}`} onClick={() => openAttachment(a, list)}>
          <Image src={a.url} mode="aspectFill" width="100%" height="100%" />
        </View>
      ))}
    </View>
  );
}

/** The answers, each with how the asker rated it, so a reopened ticket reads as a story. */
export function Answers({ t }: { t: TicketView }) {
  return (
    <View>
      {t.answers.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an append-only history shown in order; entries carry no id and may share a timestamp
        <View key={i} className="tickets__answer">
          <Text className="keep-lines" style={{ display: 'block' }}>
            答复：{a.text}
          </Text>
          <Text className="tickets__meta">
            {dateText(a.at)}
            {t.answers.length > 1 ? ` · 第 ${i + 1} 次答复` : ''}
            {t.ratings[i] ? ` · 评价：${t.ratings[i].rating}` : ''}
          </Text>
        </View>
      ))}
      {t.closed && <Text className="tickets__closed">销号：{t.closed.result}</Text>}
    </View>
  );
}
