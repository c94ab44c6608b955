import Taro from '@tarojs/taro';
import type { Role } from '../../types/roles';
import type { ClientTemplates } from '../../config/subscribe';

/** Replaced at build time from config/subscribe.ts (config/index.ts): no `process` at run time. */
declare const SUBSCRIBE_TEMPLATES: ClientTemplates;

export type ReminderTemplate = ClientTemplates['card'][number];
export type Answer = 'accept' | 'reject' | 'ban' | 'filtered';

/** WeChat takes at most three template ids in one requestSubscribeMessage. */
export const MAX_PER_ASK = 3;

/**
 * Only the mini-program has WeChat messages, and only with templates chosen for this build;
 * elsewhere the in-app inbox carries everything and nothing is asked. The platform is asked of
 * Taro at run time, the edge where a test stands in for WeChat.
 */
export function offeredTemplates(): ReminderTemplate[] {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP || typeof SUBSCRIBE_TEMPLATES === 'undefined') return [];
  return SUBSCRIBE_TEMPLATES.card ?? [];
}

/** The templates these roles receive, in config order (most urgent first). */
export function templatesFor(roles: readonly Role[], offered = offeredTemplates()): ReminderTemplate[] {
  return offered.filter((t) => t.roles.some((r) => roles.includes(r)));
}

/**
 * What this phone was asked and answered, per template id. `turn` counts the asks so the next
 * tap renews the templates asked longest ago (no clock needed: the order is all that matters).
 */
export interface ReminderMemory {
  turn: number;
  answers: Record<string, { answer: Answer; turn: number }>;
}

const KEY = 'noticeReminders';

export function rememberedReminders(): ReminderMemory {
  const v = Taro.getStorageSync(KEY) as ReminderMemory | '' | undefined;
  return v && typeof v === 'object' && typeof v.turn === 'number' && v.answers ? v : { turn: 0, answers: {} };
}

function remember(answers: Record<string, Answer>): ReminderMemory {
  const before = rememberedReminders();
  const turn = before.turn + 1;
  const next: ReminderMemory = { turn, answers: { ...before.answers } };
  for (const [id, answer] of Object.entries(answers)) next.answers[id] = { answer, turn };
  Taro.setStorageSync(KEY, next);
  return next;
}

/**
 * The next tap's templates, three at most: those never asked until none is left (the panel then
 * shows only what is new to the person); afterwards those asked longest ago, in turn, leaving
 * out what the last tap just renewed while anything older waits.
 */
export function nextToAsk(templates: ReminderTemplate[], memory: ReminderMemory): ReminderTemplate[] {
  const unasked = templates.filter((t) => !memory.answers[t.id]);
  if (unasked.length > 0) return unasked.slice(0, MAX_PER_ASK);
  const turnOf = (t: ReminderTemplate) => memory.answers[t.id].turn;
  const oldest = [...templates].sort((a, b) => turnOf(a) - turnOf(b));
  const older = oldest.filter((t) => turnOf(t) < memory.turn);
  return (older.length > 0 ? older : oldest).slice(0, MAX_PER_ASK);
}

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filtered'];

/**
 * Asks WeChat for `templates` and remembers the answers. WeChat shows its panel only when this
 * runs straight from a tap, so the caller invokes it first thing in the tap handler, with nothing
 * awaited before. Resolves with the new memory, or null when WeChat refused to ask (switched off,
 * unknown template, no tap).
 */
export async function askForReminders(templates: ReminderTemplate[]): Promise<ReminderMemory | null> {
  const ids = templates.slice(0, MAX_PER_ASK).map((t) => t.id);
  if (ids.length === 0) return null;
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    const answers: Record<string, Answer> = {};
    for (const id of ids) if (ANSWERS.includes(res[id])) answers[id] = res[id] as Answer;
    return Object.keys(answers).length ? remember(answers) : null;
  } catch {
    return null;
  }
}

/**
 * WeChat's own switches: the mini-program's message switch, and the templates whose answer the
 * person made permanent (总是保持以上选择). Null when it cannot be read.
 */
export interface WechatSetting {
  mainSwitch: boolean;
  items: Record<string, string>;
}

export async function wechatSetting(): Promise<WechatSetting | null> {
  try {
    const res = await Taro.getSetting({ withSubscriptions: true });
    const s = res.subscriptionsSetting as { mainSwitch?: boolean; itemSettings?: Record<string, string> } | undefined;
    if (!s) return null;
    return { mainSwitch: s.mainSwitch !== false, items: s.itemSettings ?? {} };
  } catch {
    return null;
  }
}

/** Whether WeChat would deliver this template's next message, as far as the phone can tell. */
export function isOn(t: ReminderTemplate, memory: ReminderMemory, setting: WechatSetting | null): boolean {
  if (setting && !setting.mainSwitch) return false;
  // 总是拒绝 stops the panel from showing at all; 总是允许 still needs a tap per message.
  const always = setting?.items[t.id];
  if (always === 'reject' || always === 'ban') return false;
  return memory.answers[t.id]?.answer === 'accept';
}
