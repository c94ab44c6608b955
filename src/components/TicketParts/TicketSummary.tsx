import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TicketView } from '../../../types/tickets';
import { dateText, formatChinaTime } from '../../services/china-time';
import { ticketSubjectText } from '../../services/labels';
import { History, Photos } from './History';
import { canAnswer, KIND_TEXT, STATE_TAG, STATE_TEXT } from './labels';

/**
 * The point itself: state, kind, who and when, the deadline (late said in words), the text and
 * photos, what it asks about, and its history. Actions go below it, page by page.
 */
export function TicketSummary({ t, showAssignee }: { t: TicketView; showAssignee: boolean }) {
  const subject = t.subject;
  const about = subject ? ticketSubjectText(subject) : '';
  return (
    <View>
      <View className="ticket__head">
        <View style={{ flexShrink: 0 }}>
          <Tag type={STATE_TAG[t.state]}>{STATE_TEXT[t.state]}</Tag>
        </View>
        <Text className="ticket__kind">
          {KIND_TEXT[t.kind]}
          {t.category ? ` · ${t.category}` : ''}
        </Text>
      </View>
      <View className="ticket__meta">
        {/* The name only for those who asked in their own name; the server never sends one for anonymous tickets. */}
        <Text className="ticket__who">{t.anonymous ? '匿名' : (t.askerName ?? '实名')}</Text>
        <Text>提出于 {formatChinaTime(t.createdAt)}</Text>
      </View>
      {canAnswer(t) && <Text className="ticket__line">应在 {dateText(t.dueAt)} 前答复</Text>}
      {t.overdue && <Text className="ticket__line ticket__late">已超期</Text>}

      <Text className="ticket__text">{t.text}</Text>
      <Photos t={t} />
      {subject && (
        // A link only when there is somewhere to go; screen readers then hear where it leads.
        // A View, not a Text: Taro's Text takes no role.
        <View
          className="ticket__link"
          role={t.link ? 'link' : undefined}
          aria-label={t.link ? `查看${about}` : undefined}
          onClick={() => t.link && Taro.navigateTo({ url: t.link })}
        >
          关于：{about} ›
        </View>
      )}

      <History t={t} showAssignee={showAssignee} />
    </View>
  );
}
