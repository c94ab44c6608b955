import { Text, View } from '@tarojs/components';
import type { DraftView } from '../../../../types/disclosure';
import Blocks from '../../../components/Blocks';
import { formatFen } from '../../../services/money';
import AttachmentList from './AttachmentList';

/** A submitted item cannot change until the 监委会 decides; show what they are looking at. */
export default function Submitted({ draft }: { draft: DraftView }) {
  return (
    <View>
      <Text className="disclose__label">标题</Text>
      <Text style={{ display: 'block', fontSize: '18px', fontWeight: 600 }}>{draft.title}</Text>
      {draft.amountFen !== null && <Text style={{ display: 'block', marginTop: '8px' }}>金额：{formatFen(draft.amountFen)} 元</Text>}
      <Blocks blocks={draft.body} />
      <AttachmentList list={draft.attachments} />
    </View>
  );
}
