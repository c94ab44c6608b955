import type { AssetSettings, ContractKind, ContractStatus, Installment, LandKind, PaySchedule, WarningKind } from '../../../types/assets';
import { CONTRACT_KIND_LABEL, LAND_KIND_LABEL } from '../../../types/assets';
import { formatFenPlain } from '../../../common/money';
import { addDays, addMonths, daysBetween, monthsBetween } from '../shared/time';

// The 三资 rules: what a contract asks to be paid and when, what is owed, and what warns.

export const DEFAULT_ASSET_SETTINGS: Omit<AssetSettings, 'townshipId'> = {
  termLimitYears: 30,
  expiringDays: 90,
  idleMonths: 6,
  referencePriceFen: {},
};

/** Months between two payments; `once` is paid at the start. */
const PERIOD_MONTHS: Record<Exclude<PaySchedule, 'once'>, number> = { yearly: 12, half_yearly: 6, quarterly: 3 };

/** The months a contract runs, from its first day to its last inclusive; a part month counts whole. */
export function termMonths(startOn: string, endOn: string): number {
  const after = addDays(endOn, 1);
  const whole = monthsBetween(startOn, after);
  return addMonths(startOn, whole) < after ? whole + 1 : whole;
}

/** The term as a villager reads it: 5年, 2年6个月, 8个月. */
export function termText(startOn: string, endOn: string): string {
  const m = termMonths(startOn, endOn);
  const y = Math.floor(m / 12);
  const rest = m % 12;
  return `${y ? `${y}年` : ''}${rest ? `${rest}个月` : ''}` || '不到1个月';
}

/**
 * What the contract asks and when: paid in advance at the start of each period (先交后用, as 承包费
 * is), the whole term's rent being the yearly price times the months over 12; the last period
 * takes what rounding left so the installments add up to exactly that.
 */
export function installmentsOf(c: { startOn: string; endOn: string; priceFenPerYear: number; schedule: PaySchedule }): { due: string; amountFen: number }[] {
  const months = termMonths(c.startOn, c.endOn);
  const total = Math.round((c.priceFenPerYear * months) / 12);
  if (c.schedule === 'once') return [{ due: c.startOn, amountFen: total }];
  const period = PERIOD_MONTHS[c.schedule];
  const out: { due: string; amountFen: number }[] = [];
  for (let m = 0; m < months; m += period) {
    const span = Math.min(period, months - m);
    out.push({ due: addMonths(c.startOn, m), amountFen: Math.round((c.priceFenPerYear * span) / 12) });
  }
  const last = out[out.length - 1];
  last.amountFen += total - out.reduce((s, i) => s + i.amountFen, 0);
  return out;
}

/** Rent received covers the oldest installments first. */
export function allocate(installments: { due: string; amountFen: number }[], receivedFen: number): Installment[] {
  let left = receivedFen;
  return installments.map((i) => {
    const paidFen = Math.min(i.amountFen, Math.max(0, left));
    left -= paidFen;
    return { ...i, paidFen };
  });
}

export interface Owing {
  /** Due on or before today. */
  dueFen: number;
  /** Owed of what fell due before today: an installment is owed from the day after its due day. */
  arrearsFen: number;
  /** The due day of the oldest installment still owed, if any. */
  owedSince: string | null;
}

export function owingOf(installments: Installment[], receivedFen: number, today: string): Owing {
  const dueFen = installments.filter((i) => i.due <= today).reduce((s, i) => s + i.amountFen, 0);
  const pastFen = installments.filter((i) => i.due < today).reduce((s, i) => s + i.amountFen, 0);
  const arrearsFen = Math.max(0, pastFen - receivedFen);
  const owed = installments.find((i) => i.due < today && i.paidFen < i.amountFen);
  return { dueFen, arrearsFen, owedSince: arrearsFen > 0 && owed ? owed.due : null };
}

/** Rent per 亩 per year, in fen, for land (area in hundredths of a 亩). */
export function pricePerMu(priceFenPerYear: number, areaMu100: number): number {
  return Math.round((priceFenPerYear * 100) / areaMu100);
}

/** A stored `active` contract whose last day has passed reads as ended. */
export function statusOn(status: ContractStatus, endOn: string, today: string): ContractStatus {
  return status === 'active' && endOn < today ? 'ended' : status;
}

/** What the warning rules need to know of a contract. */
export interface ContractFacts {
  id: string;
  subjectName: string;
  counterparty: string;
  kind: ContractKind;
  status: ContractStatus;
  startOn: string;
  endOn: string;
  priceFenPerYear: number;
  /** For land: its kind and area; null for a building or equipment. */
  land: { kind: LandKind; areaMu100: number } | null;
  hasDecision: boolean;
  installments: Installment[];
  receivedFen: number;
}

export interface AssetFacts {
  id: string;
  name: string;
  state: string;
  stateSince: string;
}

/** One warning the rules raise: `occasion` makes its id, so the same occasion warns once. */
export interface WarningCandidate {
  kind: WarningKind;
  subject: { type: 'asset' | 'contract'; id: string; name: string };
  occasion: string;
  level: 'red' | 'yellow';
  text: string;
}

/** How a contract is named wherever a villager reads of it: its warnings, a question asked about it. */
export const contractTitle = (subjectName: string, kind: ContractKind, counterparty: string) =>
  `${subjectName}的${CONTRACT_KIND_LABEL[kind]}合同（${counterparty}）`;

const yuan = (fen: number) => `${formatFenPlain(fen)}元`;
const day = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The contract's warnings on `today` under the township's settings. */
export function contractWarnings(c: ContractFacts, s: Omit<AssetSettings, 'townshipId'>, today: string): WarningCandidate[] {
  const out: WarningCandidate[] = [];
  const what = contractTitle(c.subjectName, c.kind, c.counterparty);
  const subject = { type: 'contract' as const, id: c.id, name: what };
  const owing = owingOf(c.installments, c.receivedFen, today);
  if (owing.owedSince) {
    out.push({
      kind: 'overdue',
      subject,
      occasion: owing.owedSince,
      level: 'red',
      // No amount: the warning is on the village's page, and rent in months not yet published is
      // not public; the contract shows those who see the open books what is owed.
      text: `${what}${day(owing.owedSince)}起应交的租金还没收齐。`,
    });
  }
  if (c.status !== 'active') return out;
  const left = daysBetween(today, c.endOn);
  if (left < 0) {
    out.push({ kind: 'expiring', subject, occasion: c.endOn, level: 'red', text: `${what}已于${day(c.endOn)}到期，还没有续签、重新招标或收回。` });
  } else if (left <= s.expiringDays) {
    out.push({
      kind: 'expiring',
      subject,
      occasion: c.endOn,
      level: 'yellow',
      text: `${what}将于${day(c.endOn)}到期，还有${left}天。请提前商定续签还是公开招标。`,
    });
  }
  if (termMonths(c.startOn, c.endOn) > s.termLimitYears * 12) {
    out.push({
      kind: 'long_term',
      subject,
      occasion: `${c.startOn}~${c.endOn}`,
      level: 'red',
      text: `${what}期限${termText(c.startOn, c.endOn)}，超过镇里规定的${s.termLimitYears}年。`,
    });
  }
  const reference = c.land ? s.referencePriceFen[c.land.kind] : undefined;
  if (c.land && reference && pricePerMu(c.priceFenPerYear, c.land.areaMu100) < reference) {
    out.push({
      kind: 'low_price',
      subject,
      occasion: String(c.priceFenPerYear),
      level: 'red',
      text: `${what}每亩每年${yuan(pricePerMu(c.priceFenPerYear, c.land.areaMu100))}，低于镇里${LAND_KIND_LABEL[c.land.kind]}的参考价${yuan(reference)}。`,
    });
  }
  if (!c.hasDecision) {
    out.push({ kind: 'no_decision', subject, occasion: 'decision', level: 'red', text: `${what}没有记录村民代表会议或一事一议的决议。` });
  }
  return out;
}

/** An asset standing idle for the township's months or longer. */
export function assetWarnings(a: AssetFacts, s: Omit<AssetSettings, 'townshipId'>, today: string): WarningCandidate[] {
  if (a.state !== 'idle') return [];
  const months = monthsBetween(a.stateSince, today);
  if (months < s.idleMonths) return [];
  return [
    {
      kind: 'idle',
      subject: { type: 'asset', id: a.id, name: a.name },
      occasion: a.stateSince,
      level: 'yellow',
      text: `${a.name}从${day(a.stateSince)}起闲置，已${months}个月。请说明打算出租、使用还是处置。`,
    },
  ];
}

/**
 * How well a contract matches a ledger income row, to suggest it (the 会计 still picks): the
 * counterparty's name in the row's 对方 counts most, the asset's name in its 摘要 next, the words
 * of rent (租金, 承包费) a little.
 */
export function rentMatchScore(c: { counterparty: string; subjectName: string }, row: { counterparty?: string; summary?: string }): number {
  const party = (row.counterparty ?? '').trim();
  const summary = row.summary ?? '';
  let score = 0;
  if (party && party === c.counterparty) score += 3;
  else if (party && (party.includes(c.counterparty) || c.counterparty.includes(party))) score += 2;
  if (summary.includes(c.counterparty)) score += 1;
  if (summary.includes(c.subjectName)) score += 2;
  if (/租金|租赁费|承包费|发包款|承包款/.test(summary)) score += 0.5;
  return score;
}
