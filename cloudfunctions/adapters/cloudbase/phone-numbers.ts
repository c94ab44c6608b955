import type tcb from '@cloudbase/node-sdk';
import type { PhoneNumbers } from '../../ports/phone-numbers';

type App = ReturnType<typeof tcb.init>;

/** phonenumber.getPhoneNumber through the cloud's open-API call (needs it in the function's config.json). */
export class WeChatPhoneNumbers implements PhoneNumbers {
  constructor(private readonly app: App) {}

  async numberOf(code: string): Promise<string | null> {
    try {
      const res = await this.app.callWxOpenApi({ apiName: '/wxa/business/getuserphonenumber', requestData: { code } });
      const out = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as { errcode?: number; phone_info?: { purePhoneNumber?: string } };
      const phone = out?.phone_info?.purePhoneNumber;
      return out?.errcode ? null : phone && /^1\d{10}$/.test(phone) ? phone : null;
    } catch {
      return null;
    }
  }
}
