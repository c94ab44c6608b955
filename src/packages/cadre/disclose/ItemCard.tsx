import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import DraftEditor, { type EditorProps } from './DraftEditor';
import { STATE_TAG, STATE_TEXT, stateOf } from './helpers';
import Submitted from './Submitted';

/** One item of the quarter: where its draft stands, folded; opened, its editor (or what was submitted). */
export default function ItemCard({ villageId, quarter, row, onChanged, startOpen = false }: EditorProps & { startOpen?: boolean }) {
  const [open, setOpen] = useState(startOpen);
  // Once opened, the editor stays mounted (hidden when folded) so typed text is not lost.
  const [opened, setOpened] = useState(startOpen);
  const state = stateOf(row);
  const draft = row.draft;
  const action = state === 'none' ? '起草' : state === 'submitted' ? '查看' : state === 'published' ? '更正' : '修改';

  function toggle() {
    setOpened(true);
    setOpen((o) => !o);
  }

  return (
    <View className="card disclose__item" aria-label={`公开项：${row.title}`}>
      <View className="disclose__head" role="button" aria-expanded={open} onClick={toggle}>
        <View style={{ flexShrink: 0 }}>
          <Tag type={STATE_TAG[state]}>{STATE_TEXT[state]}</Tag>
        </View>
        <Text className="disclose__title">{row.title}</Text>
        <Text className="disclose__toggle">{open ? '收起' : `${action} ›`}</Text>
      </View>
      {draft && draft.title !== row.title && <Text className="disclose__hint">草稿标题：{draft.title}</Text>}
      {!row.required && <Text className="disclose__hint">专项公开</Text>}
      {state === 'returned' && (
        <View className="warning-box">
          <Text>监委会退回：{draft?.returnReason ?? '（未写原因）'}</Text>
        </View>
      )}
      {state === 'submitted' && <Text className="disclose__waiting">等待监委会审核</Text>}
      {draft && draft.publishedVersion > 0 && state !== 'published' && (
        <Text className="disclose__hint">已公开第 {draft.publishedVersion} 版，这次提交是更正，需要写明更正原因。</Text>
      )}
      {state === 'published' && <Text className="disclose__hint">已公开第 {draft?.publishedVersion} 版。如有错误，可以修改后提交更正。</Text>}
      {opened && (
        <View style={{ display: open ? 'block' : 'none' }}>
          {state === 'submitted' && draft ? (
            <Submitted draft={draft} />
          ) : (
            <DraftEditor villageId={villageId} quarter={quarter} row={row} onChanged={onChanged} />
          )}
        </View>
      )}
    </View>
  );
}
