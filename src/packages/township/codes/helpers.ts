/** The server takes 2–200 characters; the page says so before the buttons wake up. */
export const MIN_REASON = 2;
export const MAX_REASON = 200;
export const REASON_PLACEHOLDER = '原因（必填），如：海报丢失';

/** The poster page, for one village (`villageId=…`) or the whole township (`townshipId=…`). */
export const posterUrl = (query: string) => `/packages/board/poster/index?${query}`;
