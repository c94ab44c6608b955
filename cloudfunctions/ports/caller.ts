/**
 * Who is calling. In production the platform injects the OPENID; it is never read from the
 * event, which the client controls. Locally a dev persona stands in for it.
 */
export interface Caller {
  /** null: nobody we can identify — a visitor. */
  readonly openid: string | null;
}

export const visitor: Caller = { openid: null };
