import { CODE_REASON } from '../../../../common/limits';

/** The server's bounds; the page says so before the buttons wake up. */
export const MIN_REASON = CODE_REASON.min;
export const MAX_REASON = CODE_REASON.max;
export const REASON_PLACEHOLDER = '原因（必填），如：海报丢失';

/** The poster page, for one village (`villageId=…`) or the whole township (`townshipId=…`). */
export const posterUrl = (query: string) => `/packages/board/poster/index?${query}`;
