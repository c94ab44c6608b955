import type { PhoneNumbers } from '../../ports/phone-numbers';

/**
 * The local host has no WeChat to vouch for a phone number: the H5 app's demo field sends
 * `dev:<number>` and this takes it at its word — like a dev persona, it exists only in the local
 * host, which answers nothing but this machine.
 */
export class DevPhoneNumbers implements PhoneNumbers {
  async numberOf(code: string): Promise<string | null> {
    const m = /^dev:(1\d{10})$/.exec(code.replace(/[\s-]/g, ''));
    return m ? m[1] : null;
  }
}
