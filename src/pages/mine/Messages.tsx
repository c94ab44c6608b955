import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { InboxMessage } from '../../../types/identity';
import Listen from '../../components/Listen';
import { sayMessage } from '../../components/Listen/say';
import { formatChinaTime } from '../../services/china-time';
import { identityApi } from '../../services/identity';

/** The newest messages the page lists. */
const SHOWN = 10;

/**
 * Messages: each names its village and says when it is past (a vote closed, an answer already
 * rated); opening one marks it read, and all can be marked read at once.
 */
export default function Messages({ messages, onChanged }: { messages: InboxMessage[]; onChanged: () => void }) {
  if (messages.length === 0) return null;
  const unread = messages.filter((m) => !m.read);

  async function open(m: InboxMessage) {
    if (!m.read) await identityApi.markRead([m.id]).catch(() => undefined);
    if (m.link) Taro.navigateTo({ url: m.link });
    else onChanged();
  }

  async function readAll() {
    await identityApi.markRead(unread.slice(0, 50).map((m) => m.id)).catch(() => undefined);
    onChanged();
  }

  return (
    <View aria-label="消息">
      <Cell.Group title={unread.length > 0 ? `消息（${unread.length} 条未读）` : `消息（${messages.length}）`}>
        {messages.slice(0, SHOWN).map((m) => (
          // NutUI's Cell drops aria attributes: the label sits on a wrapper.
          <View key={m.id} aria-label={`${m.read ? '' : '未读：'}${m.text}`}>
            <Cell
              className={m.read ? 'mine__message' : 'mine__message mine__message--unread'}
              title={
                <View>
                  {!m.read && <Tag type="danger">未读</Tag>}
                  {m.stale && <Tag type="default">{m.stale}</Tag>}
                  <Text className="keep-lines"> {m.text}</Text>
                </View>
              }
              description={`${m.villageName ? `${m.villageName} · ` : ''}${formatChinaTime(m.at)}`}
              extra={m.link ? '查看 ›' : m.read ? undefined : '标为已读'}
              onClick={() => open(m)}
            />
            <View style={{ padding: '0 16px' }}>
              <Listen read={() => sayMessage(m)} what="这条消息" />
            </View>
          </View>
        ))}
      </Cell.Group>
      {unread.length > 1 && (
        <View style={{ padding: '0 16px 16px' }}>
          <Button size="large" block onClick={readAll}>
            全部标为已读
          </Button>
        </View>
      )}
    </View>
  );
}
