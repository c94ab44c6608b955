import Taro from '@tarojs/taro';

/**
 * WeChat delivers a subscribe message only after the user allowed that template, asked from a
 * tap. Template ids are set at build time; without one (H5, local) nothing is asked and the
 * in-app inbox still carries every message. The answer does not matter to the caller.
 */
const TEMPLATES = {
  disclosure: process.env.TARO_APP_SUBSCRIBE_TEMPLATE_DISCLOSURE,
  ticket: process.env.TARO_APP_SUBSCRIBE_TEMPLATE_TICKET,
};

export async function askToBeTold(what: keyof typeof TEMPLATES): Promise<void> {
  const template = TEMPLATES[what];
  if (process.env.TARO_ENV !== 'weapp' || !template) return;
  await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] } as never).catch(() => undefined);
}
