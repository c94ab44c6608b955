import Taro from '@tarojs/taro';

/**
 * Template ids by kind, replaced at build time from config/subscribe.ts (config/index.ts): no
 * `process` at run time. Cadres' templates are asked on the 消息提醒 card (services/reminders.ts).
 */
declare const SUBSCRIBE_TEMPLATES: { disclosure: string; ticket: string };

/**
 * WeChat delivers a subscribe message only after the user allowed that template, asked from a
 * tap. Without a template id (H5, local) nothing is asked and the in-app inbox still carries
 * every message. The answer does not matter to the caller.
 */
export async function askToBeTold(what: keyof typeof SUBSCRIBE_TEMPLATES): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const template = SUBSCRIBE_TEMPLATES[what];
  if (!template) return;
  await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] } as never).catch(() => undefined);
}
