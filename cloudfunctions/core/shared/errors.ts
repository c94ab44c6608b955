import type { ApiError, ErrorCode } from '../../../types/errors';

/** A failure the caller can act on. The message is Chinese and says what to do next. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly next?: ApiError['next'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApi(): ApiError {
    return { code: this.code, message: this.message, ...(this.next ? { next: this.next } : {}) };
  }
}

export const fail = {
  invalid: (message: string) => new AppError('INVALID_ARGUMENT', message),
  notFound: (message: string) => new AppError('NOT_FOUND', message),
  denied: (message = '您没有权限进行此操作，如有疑问请联系村务监督委员会。') => new AppError('PERMISSION_DENIED', message),
  conflict: (message: string) => new AppError('CONFLICT', message),
  precondition: (message: string) => new AppError('FAILED_PRECONDITION', message),
  unauthenticated: () => new AppError('UNAUTHENTICATED', '请在微信中打开阳光村务后再试。'),
  /** Only a verified villager may: the app offers the way to 村民身份认证 where the person is. */
  unverified: (message = '请先在“我的”里完成村民身份认证。') => new AppError('PERMISSION_DENIED', message, 'verify'),
};
