import { Button, Tag } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TicketKind, TicketState, TicketView } from '../../../types/tickets';
import { dateText, formatChinaTime } from '../../services/china-time';
import { ticketsApi } from '../../services/disclosure';
import { quarterText } from '../../services/labels';
import { ApiCallError } from '../../services/transport';
import './index.scss';
import { LimitedTextArea } from '../Limited';

/**
 * What the 问题台账 and 交给我办理的事项 both show of a ticket, and how both act on one: one
 * card body, so a villager's point reads the same to the 监委会 and to the cadre who handles it.
 */

export const STATE_TEXT: Record<TicketState, string> = {
  open: '待处理',
  answered: '已答复',
  closed: '已销号',
  escalated: '已转镇里',
};

const STATE_TAG: Record<TicketState, 'warning' | 'primary' | 'success' | 'danger'> = {
  open: 'warning',
  answered: 'primary',
  closed: 'success',
  escalated: 'danger',
};

export const KIND_TEXT: Record<TicketKind, string> = { question: '提问', report: '反映', suggestion: '建议' };

const ESCALATED_WHY: Record<NonNullable<TicketView['escalated']>['why'], string> = {
  overdue: '超期',
  dissatisfied: '因不满意',
  major: '大事',
};

/** Code points, not UTF-16 units, so a label never ends in half an emoji. */
const firstChars = (text: string, n: number) => Array.from(text).slice(0, n).join('');

/** The card's accessible name: the first words of the point, as a reader would call it. */
export const ticketLabel = (t: TicketView) => `事项：${firstChars(t.text, 20)}`;

/** Still waiting for an answer: the only states an answer can be given in. */
export const canAnswer = (t: TicketView) => t.state === 'open' || t.state === 'escalated';

/** Runs a call for one card and answers null, or the server's refusal to show on that card. */
export type Act = (call: () => Promise<unknown>, done: string) => Promise<string | null>;

/** The page's Act: a toast when done, then `reload`; a refusal is handed back in the server's words. */
export function actThen(reload: () => void): Act {
  return async (call, done) => {
    try {
      await call();
      // WeChat cuts a toast with an icon to seven characters: no icon, so the whole sentence shows.
      Taro.showToast({ title: done, icon: 'none', duration: 2000 });
      reload();
      return null;
    } catch (e) {
      return e instanceof ApiCallError ? e.message : '没有成功，请稍后再试。';
    }
  };
}

/**
 * One card's busy flag and last refusal. `reset` clears what was typed once a call went through:
 * the card reloads in place, and text left in it must not linger to be sent twice.
 */
export function useCardAction(act: Act, reset: () => void) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  async function run(call: () => Promise<unknown>, done: string) {
    setBusy(true);
    setRefusal(null);
    const refused = await act(call, done);
    setBusy(false);
    setRefusal(refused);
    if (!refused) reset();
  }
  return { busy, refusal, run };
}

/** The server's refusal, kept on the card so it can be read while fixing what it says. */
export function Refusal({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View className="warning-box" role="alert">
      {text}
    </View>
  );
}

export function Photos({ t }: { t: TicketView }) {
  if (t.photos.length === 0) return null;
  const urls = t.photos.map((p) => p.url);
  return (
    <View className="ticket__photos">
      {t.photos.map((p, i) => (
        <View key={p.id} role="img" aria-label={`照片 ${i + 1}`} className="ticket__photo" onClick={() => Taro.previewImage({ current: p.url, urls })}>
          <Image src={p.url} mode="aspectFill" style={{ width: '100%', height: '100%' }} />
        </View>
      ))}
      <Text className="ticket__note">点照片可以放大</Text>
    </View>
  );
}

/** What was decided and said so far: 分流, who handles it, each answer with its rating. */
export function History({ t, showAssignee }: { t: TicketView; showAssignee: boolean }) {
  return (
    <View>
      {t.triage && (
        <Text className="ticket__line">
          分流：{t.triage.decision} · {t.triage.reason}
        </Text>
      )}
      {showAssignee && t.assignee && (
        <Text className="ticket__line">
          办理人：{t.assignee.name}（交办于 {dateText(t.assignee.at)}）
        </Text>
      )}
      {t.answers.map((a, i) => (
        <View key={a.at + i} className="ticket__answer">
          <Text className="keep-lines" style={{ display: 'block' }}>
            {t.answers.length > 1 ? `第 ${i + 1} 次答复` : '答复'}（{formatChinaTime(a.at)}）：{a.text}
          </Text>
          {t.ratings[i] ? (
            <Text className={t.ratings[i].rating === '不满意' ? 'ticket__late' : 'ticket__good'} style={{ display: 'block' }}>
              评价：{t.ratings[i].rating}
            </Text>
          ) : (
            t.state === 'answered' && <Text className="ticket__note">等待提出的人评价</Text>
          )}
        </View>
      ))}
      {t.reopened > 0 && <Text className="ticket__line">重新处理 {t.reopened} 次</Text>}
      {t.escalated && <Text className="ticket__line ticket__late">已转镇里：{ESCALATED_WHY[t.escalated.why]}</Text>}
      {t.closed && <Text className="ticket__line ticket__good">销号：{t.closed.result}</Text>}
      {t.kind === 'suggestion' && t.public && <Text className="ticket__line">已公开到建议栏 · 附议 {t.seconds} 人</Text>}
    </View>
  );
}

/**
 * The point itself: state, kind, who and when, the deadline (late said in words), the text and
 * photos, what it asks about, and its history. Actions go below it, page by page.
 */
export function TicketSummary({ t, showAssignee }: { t: TicketView; showAssignee: boolean }) {
  const subject = t.subject;
  const about = subject ? `${subject.type === 'disclosure' ? `${quarterText(subject.quarter)}公开内容` : '账目'}“${subject.title}”` : '';
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

/** The answer box: the asker hears of what is sent here. */
export function AnswerBox({ t, busy, run }: { t: TicketView; busy: boolean; run: (call: () => Promise<unknown>, done: string) => Promise<void> }) {
  const [answer, setAnswer] = useState('');
  return (
    <View className="ticket__action">
      <LimitedTextArea value={answer} onChange={setAnswer} placeholder="答复内容（提出的人会收到）" maxLength={500} name="answer" />
      <Button
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={busy || answer.trim().length < 2}
        onClick={() =>
          run(async () => {
            await ticketsApi.answer(t.villageId, t.id, answer.trim());
            // Sent: cleared before the card reloads, so it is never sent twice; kept if refused.
            setAnswer('');
          }, '已答复，提出的人会收到')
        }
      >
        答复
      </Button>
    </View>
  );
}
