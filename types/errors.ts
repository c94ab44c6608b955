/**
 * Error codes cross process boundaries (cloud function → mini-program) where
 * `instanceof` cannot, so they are plain strings shared by both sides.
 */
export const ErrorCodes = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  /** Chinese, says what the person can do next. */
  message: string;
  /** Where the person can do it, when the app can take them there: `verify` is 村民身份认证. */
  next?: 'verify';
}

/**
 * `now` is the server's time when it answered (ISO-8601, UTC): the app reckons "today", deadlines
 * and quarters from it rather than from the phone's own clock, which may be wrong or far away.
 */
export type Envelope<T> = ({ ok: true; data: T } | { ok: false; error: ApiError }) & { now?: string };
