/**
 * Every WeChat subscribe message the product sends, in one place. The mini-program build
 * (config/index.ts → SUBSCRIBE_TEMPLATES), the deploy plan (scripts/deploy/plan.ts, which sets
 * the functions' SUBSCRIBE_TEMPLATE_<KIND> / SUBSCRIBE_FIELDS_<KIND> from here) and its test all
 * read this list, so the template a phone agreed to is the template a function sends with.
 *
 * A template id belongs to one mini-program account (picked in 小程序管理后台 → 订阅消息), so it
 * comes from the deployer's environment: SUBSCRIBE_TEMPLATE_<KIND> (e.g. SUBSCRIBE_TEMPLATE_TICKET_DUE),
 * or `id` below for a team that prefers to commit it. The field mapping is the chosen template's
 * keyword numbering; SUBSCRIBE_FIELDS_<KIND> overrides it for a template numbered differently.
 *
 * Types only from types/: this file runs in Taro's config loader, tsx and jest alike.
 */
import type { Role } from '../types/roles';

export interface NoticeTemplate {
  /** The Notice's kind as the core writes it (`{ kind: 'ticket.due', fields }`). */
  kind: string;
  /** What the message is about, in the words the reminder card and the deploy plan show. */
  label: string;
  /** Who receives it. */
  roles: readonly Role[];
  /**
   * Where the app asks for it. `card`: the 消息提醒 card of the 两委, 监委会, 民主理财小组 and
   * township pages, for every template of the caller's roles. `action`: at the villager's own tap
   * (following a village, asking a question), or not yet asked anywhere.
   */
  askedOn: 'card' | 'action';
  /** The template id when committed here; empty means the environment gives it. */
  id: string;
  /** Our notice fields → the template's keywords (thing = 20 characters, date = a date). */
  fields: Record<string, string>;
  /** An older build variable that still gives the mini-program this template's id. */
  legacyClientEnv?: string;
}

/** The 两委 and everyone a 小事 can be handed to (tickets/policy.ts ASSIGNABLE). */
const HANDLERS: readonly Role[] = ['secretary', 'director', 'accountant', 'supervisor_chair', 'supervisor', 'finance_panel'];
const TWO_COMMITTEES: readonly Role[] = ['secretary', 'director', 'accountant'];
const TOWNSHIP: readonly Role[] = ['township_admin', 'township_discipline'];
const STANDARD = { title: 'thing1', village: 'thing2', date: 'date3' };

/** In the order the card asks (three per tap): what needs a person soonest comes first. */
export const NOTICE_TEMPLATES: readonly NoticeTemplate[] = [
  { kind: 'ticket.assigned', label: '交给您办理的事项', roles: HANDLERS, askedOn: 'card', id: '', fields: STANDARD },
  { kind: 'ticket.due', label: '事项快到答复期限', roles: HANDLERS, askedOn: 'card', id: '', fields: STANDARD },
  { kind: 'ticket.overdue', label: '事项超期转到镇里', roles: TOWNSHIP, askedOn: 'card', id: '', fields: STANDARD },
  { kind: 'ticket.escalated', label: '大事转到镇里', roles: TOWNSHIP, askedOn: 'card', id: '', fields: STANDARD },
  { kind: 'ledger.queried', label: '账目被质询', roles: ['accountant'], askedOn: 'card', id: '', fields: STANDARD },
  { kind: 'disclosure.returned', label: '公开内容被退回', roles: TWO_COMMITTEES, askedOn: 'card', id: '', fields: STANDARD },
  { kind: 'matter.proposed', label: '议题待两委商议', roles: TWO_COMMITTEES, askedOn: 'card', id: '', fields: STANDARD },
  {
    kind: 'disclosure.published',
    label: '关注的村公开了新内容',
    roles: ['visitor', 'villager'],
    askedOn: 'action',
    id: '',
    fields: STANDARD,
    legacyClientEnv: 'TARO_APP_SUBSCRIBE_TEMPLATE_DISCLOSURE',
  },
  {
    kind: 'ticket.answered',
    label: '提问或反映有了答复',
    roles: ['villager'],
    askedOn: 'action',
    id: '',
    fields: STANDARD,
    legacyClientEnv: 'TARO_APP_SUBSCRIBE_TEMPLATE_TICKET',
  },
  { kind: 'vote.opened', label: '开始表决', roles: ['villager'], askedOn: 'action', id: '', fields: STANDARD },
  { kind: 'vote.closing', label: '表决快截止', roles: ['villager'], askedOn: 'action', id: '', fields: STANDARD },
];

type Env = Record<string, string | undefined>;

/** The Notifier's name for a kind's variables: `ticket.answered` → `TICKET_ANSWERED`. */
export const noticeEnvSuffix = (kind: string) => kind.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
export const templateEnvOf = (kind: string) => `SUBSCRIBE_TEMPLATE_${noticeEnvSuffix(kind)}`;
export const fieldsEnvOf = (kind: string) => `SUBSCRIBE_FIELDS_${noticeEnvSuffix(kind)}`;

export const templateOf = (kind: string, list: readonly NoticeTemplate[] = NOTICE_TEMPLATES) => list.find((t) => t.kind === kind);

/** `title=thing1,village=thing2,date=date3`, the form the Notifier reads. */
export const fieldsText = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** The template id both sides use: the environment's, else the older build variable's, else `id`. */
export function templateIdOf(t: NoticeTemplate, env: Env): string {
  const own = env[templateEnvOf(t.kind)]?.trim();
  const legacy = t.legacyClientEnv ? env[t.legacyClientEnv]?.trim() : undefined;
  return own || legacy || t.id;
}

/** The field mapping the function sends with: the environment's override, else this file's. */
export function fieldsOf(t: NoticeTemplate, env: Env): string {
  return env[fieldsEnvOf(t.kind)]?.replace(/\s+/g, '') || fieldsText(t.fields);
}

/** What the mini-program is built with (defineConstants SUBSCRIBE_TEMPLATES): ids only where one is set. */
export interface ClientTemplates {
  /** Kept for askToBeTold('disclosure' | 'ticket'), which asks at a villager's tap. */
  disclosure: string;
  ticket: string;
  /** Asked on the 消息提醒 card: one entry per template with an id. */
  card: { kind: string; id: string; label: string; roles: Role[] }[];
}

export function clientTemplates(env: Env, list: readonly NoticeTemplate[] = NOTICE_TEMPLATES): ClientTemplates {
  const idOf = (kind: string) => {
    const t = templateOf(kind, list);
    return t ? templateIdOf(t, env) : '';
  };
  return {
    disclosure: idOf('disclosure.published'),
    ticket: idOf('ticket.answered'),
    card: list
      .filter((t) => t.askedOn === 'card' && templateIdOf(t, env))
      .map((t) => ({ kind: t.kind, id: templateIdOf(t, env), label: t.label, roles: [...t.roles] })),
  };
}
