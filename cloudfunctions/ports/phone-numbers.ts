/**
 * The phone number WeChat has verified for the caller's account: in production the open API
 * (phonenumber.getPhoneNumber, from the code the mini-program's 手机号 button returns); locally
 * a dev adapter, as the dev personas stand in for OPENIDs.
 */
export interface PhoneNumbers {
  /** The verified number for this one-time code (11 digits), or null if the code is no good. */
  numberOf(code: string): Promise<string | null>;
}
