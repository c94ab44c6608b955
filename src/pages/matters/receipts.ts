import Taro from '@tarojs/taro';

// A receipt is only ever on the phone that voted: the server cannot tell it to anyone again.
const receiptKey = (meetingId: string) => `receipt:${meetingId}`;

export function storedReceipt(meetingId: string): string {
  try {
    const v: unknown = Taro.getStorageSync(receiptKey(meetingId));
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

export function keepReceipt(meetingId: string, receipt: string) {
  try {
    Taro.setStorageSync(receiptKey(meetingId), receipt);
  } catch {
    // Still shown on screen to copy down; storing is a convenience.
  }
}

/** People copy receipts by hand: ignore case, spaces and dashes when comparing. */
export const bare = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const RECEIPT_LENGTH = 16;
