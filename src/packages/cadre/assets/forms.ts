import {
  type AssetInput,
  type AssetKind,
  type AssetState,
  type AssetUse,
  type AssetView,
  type Award,
  type ContractInput,
  type ContractKind,
  type ContractView,
  type Decision,
  type LandKind,
  type PaySchedule,
  type ResourceInput,
  type ResourceState,
  type ResourceView,
  WARNING_KIND_LABEL,
} from '../../../../types/assets';
import { ASSET_CHANGE_REASON, ASSET_NAME, AWARD_BIDS, AWARD_REASON, CONTRACT_PARTY } from '../../../../common/limits';
import type { RenewInput } from '../../../services/assets';
import { isCalendarDay } from '../../../services/china-time';
import { formatFen, parseYuan } from '../../../services/money';

// The 会计's forms as typed, and what each becomes for the service. Each check says what to fix,
// in the order the boxes appear; what only the server can judge (the top bid, the dates' order,
// a contract already running) it says itself, shown on the card.

/** A label table (ASSET_STATE_LABEL …) as the buttons of a ChoiceRow, in the table's order. */
export function choicesOf<T extends string>(table: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(table) as T[]).map((value) => ({ value, label: table[value] }));
}

/** 1234.5 元 as the box shows it again for a correction: no thousands separators to trip over. */
const yuanText = (fen: number) => formatFen(fen).replace(/,/g, '');

function nameProblem(text: string, what: string, min: number): string | null {
  return text.trim().length < min ? `请填写${what}（至少 ${min} 个字）。` : null;
}

function dayProblem(text: string, what: string): string | null {
  if (!text) return `请选择${what}。`;
  return isCalendarDay(text) ? null : `${what}不对，请写成 2026-10-08 这样。`;
}

/** A money box that must hold an amount: its 元 in fen, or what is wrong, named. */
function fenOf(text: string, what: string, { zero = false } = {}): number | string {
  const parsed = parseYuan(text);
  if (!parsed.ok) return `${what}：${parsed.message}`;
  if (!zero && parsed.fen === 0) return `${what}不能是 0。`;
  return parsed.fen;
}

export interface AssetForm {
  name: string;
  use: AssetUse | null;
  kind: AssetKind | null;
  location: string;
  acquiredOn: string;
  original: string;
  state: AssetState | null;
  keeper: string;
  note: string;
}

export const EMPTY_ASSET: AssetForm = { name: '', use: null, kind: null, location: '', acquiredOn: '', original: '', state: 'in_use', keeper: '', note: '' };

export function assetFormOf(a: AssetView): AssetForm {
  const { name, use, kind, location, acquiredOn, state, keeper, note } = a;
  return { name, use, kind, location, acquiredOn, original: yuanText(a.originalFen), state, keeper, note };
}

export function assetInputOf(f: AssetForm, villageId: string): AssetInput | string {
  const problem =
    nameProblem(f.name, '资产名称', ASSET_NAME.min) ??
    (f.use ? null : '请选择经营性或非经营性。') ??
    (f.kind ? null : '请选择资产类别。') ??
    dayProblem(f.acquiredOn, '购置日期');
  if (problem) return problem;
  const originalFen = fenOf(f.original, '原值', { zero: true });
  if (typeof originalFen === 'string') return originalFen;
  if (!f.state) return '请选择资产现在的状态。';
  const input: AssetInput = {
    villageId,
    name: f.name.trim(),
    use: f.use as AssetUse,
    kind: f.kind as AssetKind,
    location: f.location.trim(),
    acquiredOn: f.acquiredOn,
    originalFen,
    state: f.state,
    keeper: f.keeper.trim(),
  };
  if (f.note.trim()) input.note = f.note.trim();
  return input;
}

export interface ResourceForm {
  name: string;
  landKind: LandKind | null;
  area: string;
  location: string;
  state: ResourceState | null;
  note: string;
}

export const EMPTY_RESOURCE: ResourceForm = { name: '', landKind: null, area: '', location: '', state: 'uncontracted', note: '' };

export function resourceFormOf(r: ResourceView): ResourceForm {
  const { name, landKind, location, state, note } = r;
  return { name, landKind, area: String(r.areaMu100 / 100), location, state, note };
}

/** 12.5 亩 → 1250 hundredths, by the digits (not a float times 100); full-width digits read too. */
export function parseMu(text: string): { ok: true; mu100: number } | { ok: false; message: string } {
  const t = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/\s+/g, '')
    .replace(/亩$/, '');
  if (!t) return { ok: false, message: '请填写面积（亩）。' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m) return { ok: false, message: '面积只能填数字，例如 12.5。' };
  const [, whole, decimals = ''] = m;
  if (decimals.length > 2) return { ok: false, message: '面积最多保留两位小数，例如 12.55 亩。' };
  if (whole.replace(/^0+/, '').length > 6) return { ok: false, message: '面积不能超过 10 万亩。' };
  const mu100 = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (mu100 === 0) return { ok: false, message: '面积应大于 0。' };
  if (mu100 > 10_000_000) return { ok: false, message: '面积不能超过 10 万亩。' };
  return { ok: true, mu100 };
}

export function resourceInputOf(f: ResourceForm, villageId: string): ResourceInput | string {
  const problem = nameProblem(f.name, '资源名称', ASSET_NAME.min) ?? (f.landKind ? null : '请选择资源类别（耕地、林地……）。');
  if (problem) return problem;
  const area = parseMu(f.area);
  if (!area.ok) return area.message;
  if (!f.state) return '请选择发包、未发包或自营。';
  const input: ResourceInput = {
    villageId,
    name: f.name.trim(),
    landKind: f.landKind as LandKind,
    areaMu100: area.mu100,
    location: f.location.trim(),
    state: f.state,
  };
  if (f.note.trim()) input.note = f.note.trim();
  return input;
}

/** A correction is kept on the record with why it was made. */
export function reasonProblem(reason: string, what = '修改的原因'): string | null {
  return reason.trim().length < ASSET_CHANGE_REASON.min ? `请写明${what}（至少 ${ASSET_CHANGE_REASON.min} 个字），会记在审计记录里。` : null;
}

export interface BidForm {
  bidder: string;
  amount: string;
}

export interface AwardForm {
  method: Award['method'] | null;
  bids: BidForm[];
  reason: string;
}

export const EMPTY_AWARD: AwardForm = { method: null, bids: [{ bidder: '', amount: '' }], reason: '' };

/** The highest bid typed so far (the first of equal ones), or null while none reads as money. */
export function topBidOf(bids: BidForm[]): { bidder: string; fen: number } | null {
  let top: { bidder: string; fen: number } | null = null;
  for (const b of bids) {
    const p = parseYuan(b.amount);
    if (p.ok && p.fen > 0 && (!top || p.fen > top.fen)) top = { bidder: b.bidder.trim(), fen: p.fen };
  }
  return top;
}

export function awardOf(f: AwardForm): Award | string {
  if (f.method === 'negotiated') {
    return f.reason.trim().length < AWARD_REASON.min
      ? `请写明为什么协商确定（至少 ${AWARD_REASON.min} 个字）。`
      : { method: 'negotiated', reason: f.reason.trim() };
  }
  if (f.method !== 'auction') return '请选择公开竞价或协商。';
  if (f.bids.length < AWARD_BIDS.min) return '公开竞价至少要有一个出价。';
  const bids: { bidder: string; fen: number }[] = [];
  for (const [i, b] of f.bids.entries()) {
    const who = nameProblem(b.bidder, `第 ${i + 1} 位竞买人的名字`, CONTRACT_PARTY.min);
    if (who) return who;
    const fen = fenOf(b.amount, `第 ${i + 1} 位的出价`);
    if (typeof fen === 'string') return fen;
    bids.push({ bidder: b.bidder.trim(), fen });
  }
  return { method: 'auction', bids };
}

export type DecisionChoice = 'representatives' | 'villagers' | 'matter' | 'none';

export const DECISION_LABEL: Record<DecisionChoice, string> = {
  representatives: '村民代表会议',
  villagers: '村民会议',
  matter: '一事一议',
  none: '没有开会决议',
};

/** Said plainly before a contract is saved without a decision: it will be warned of. */
export const NO_DECISION_TEXT = `没有集体决议的合同会被标出警示（${WARNING_KIND_LABEL.no_decision}），监委会和镇里都会看到，并要求村里说明。`;

export interface DecisionForm {
  body: DecisionChoice | null;
  date: string;
  note: string;
  /** The passed 一事一议 matter picked, with its title as the contract will show it. */
  matter: { id: string; title: string } | null;
}

export const EMPTY_DECISION: DecisionForm = { body: null, date: '', note: '', matter: null };

export function decisionOf(f: DecisionForm): { decision: Decision | null } | string {
  if (!f.body) return '请选择批准这份合同的会议，没有开会的请选“没有开会决议”。';
  if (f.body === 'none') return { decision: null };
  if (f.body === 'matter') {
    if (!f.matter) return '请选择同意这份合同的一事一议事项。';
    return { decision: { kind: 'matter', matterId: f.matter.id, title: f.matter.title } };
  }
  const problem = dayProblem(f.date, '开会日期');
  if (problem) return problem;
  return { decision: { kind: 'meeting', body: f.body, date: f.date, note: f.note.trim() } };
}

export type PartyChoice = 'villager' | 'outside';

export const PARTY_LABEL: Record<PartyChoice, string> = { villager: '本村村民', outside: '外村或单位' };

export interface ContractForm {
  kind: ContractKind | null;
  party: PartyChoice;
  counterparty: string;
  /** The roster's id of the villager picked; null for an outside party or before one is picked. */
  personId: string | null;
  startOn: string;
  endOn: string;
  price: string;
  schedule: PaySchedule | null;
  deposit: string;
  award: AwardForm;
  decision: DecisionForm;
  note: string;
}

/** Land is let by 发包, a building or machine by 租赁: the usual kind comes ready. */
export function emptyContract(subject: 'asset' | 'resource'): ContractForm {
  return {
    kind: subject === 'asset' ? 'lease' : 'outsource',
    // Most contracts go to outsiders or firms; a villager is picked from the roster instead.
    party: 'outside',
    counterparty: '',
    personId: null,
    startOn: '',
    endOn: '',
    price: '',
    schedule: 'yearly',
    deposit: '',
    award: EMPTY_AWARD,
    decision: EMPTY_DECISION,
    note: '',
  };
}

/** The top bid fills in who won and at what price; they stay editable, and the server checks them. */
export function withTopBid<F extends { price: string; counterparty?: string }>(f: F, award: AwardForm): F {
  const top = award.method === 'auction' ? topBidOf(award.bids) : null;
  if (!top) return f;
  const next = { ...f, price: yuanText(top.fen) };
  if ('counterparty' in f && top.bidder) next.counterparty = top.bidder;
  return next;
}

export function contractInputOf(f: ContractForm, villageId: string, subject: ContractInput['subject']): ContractInput | string {
  if (!f.kind) return '请选择发包、租赁或承包。';
  const award = awardOf(f.award);
  if (typeof award === 'string') return award;
  if (f.party === 'villager' && !f.personId) return '请在花名册里查找并选上承包的村民。';
  const party = nameProblem(f.counterparty, '承包方（对方）的名字', CONTRACT_PARTY.min);
  if (party) return party;
  const days = dayProblem(f.startOn, '开始日期') ?? dayProblem(f.endOn, '结束日期');
  if (days) return days;
  const priceFenPerYear = fenOf(f.price, '每年价款');
  if (typeof priceFenPerYear === 'string') return priceFenPerYear;
  if (!f.schedule) return '请选择付款方式。';
  const depositFen = f.deposit.trim() ? fenOf(f.deposit, '押金', { zero: true }) : 0;
  if (typeof depositFen === 'string') return depositFen;
  const decision = decisionOf(f.decision);
  if (typeof decision === 'string') return decision;
  const input: ContractInput = {
    villageId,
    subject,
    kind: f.kind,
    counterparty: { name: f.counterparty.trim(), personId: f.party === 'villager' ? f.personId : null },
    startOn: f.startOn,
    endOn: f.endOn,
    priceFenPerYear,
    schedule: f.schedule,
    depositFen,
    award,
    decision: decision.decision,
  };
  if (f.note.trim()) input.note = f.note.trim();
  return input;
}

export interface RenewForm {
  endOn: string;
  price: string;
  schedule: PaySchedule | null;
  award: AwardForm;
  decision: DecisionForm;
}

export function renewFormOf(c: ContractView): RenewForm {
  // The sitting party bids again: their name comes ready in the first row.
  return {
    endOn: '',
    price: yuanText(c.priceFenPerYear),
    schedule: c.schedule,
    award: { ...EMPTY_AWARD, bids: [{ bidder: c.counterparty.name, amount: '' }] },
    decision: EMPTY_DECISION,
  };
}

export function renewInputOf(f: RenewForm, villageId: string, contractId: string): RenewInput | string {
  const end = dayProblem(f.endOn, '新的结束日期');
  if (end) return end;
  const priceFenPerYear = fenOf(f.price, '每年价款');
  if (typeof priceFenPerYear === 'string') return priceFenPerYear;
  if (!f.schedule) return '请选择付款方式。';
  const award = awardOf(f.award);
  if (typeof award === 'string') return award;
  const decision = decisionOf(f.decision);
  if (typeof decision === 'string') return decision;
  return { villageId, contractId, endOn: f.endOn, priceFenPerYear, schedule: f.schedule, award, decision: decision.decision };
}
