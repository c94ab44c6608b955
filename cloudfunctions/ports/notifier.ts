/**
 * Messages outside the app: WeChat subscribe messages in production (only to people who
 * subscribed), recorded locally. The in-app inbox is written by the core itself, always.
 */
export interface Notice {
  /** What happened, in a word the template maps: e.g. `disclosure.published`. */
  kind: string;
  /** The page the message opens, with its query. */
  page: string;
  /** Short fields for the template: title, village, date. */
  fields: Record<string, string>;
}

export interface Notifier {
  send(openids: string[], notice: Notice): Promise<void>;
}
