import dayjs from 'dayjs';
import { lastEndedQuarter } from '../core/disclosure/rules';
import type { PersonDoc } from '../core/shared/records';
import { shiftQuarterKey, ZONE } from '../core/shared/time';
import type { Ports } from '../ports';
import type { MovableClock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';

/**
 * A township at the size the benchmarks need: 35 villages × 5 years by default — rosters of
 * 1,500–3,000 people, 200 三资 contracts a village, every catalog item of every quarter
 * published, about 100 ledger rows a month, 50,000 tickets with their answers and ratings, 100
 * 一事一议 votes of 2,000 voters.
 * Everything goes through the same services the app calls (drafts, reviews, imports, votes,
 * answers), on a clock moved through the five years, so derived figures — quarter stats,
 * month totals, ticket stats, tallies, audit chains — are exactly what real use would leave.
 * Only the roster is written directly, as the demo seed does, from sheets the import's own
 * checks have passed; and 三资 fees are booked as finance.addRow books them but without its look
 * over the village's warnings after each (scale-assets: bookFee).
 */
export interface ScaleOptions {
  villages: number;
  years: number;
  tickets: number;
  votes: number;
  votersPerVote: number;
  rosterMin: number;
  rosterMax: number;
  ledgerRowsPerMonth: number;
  /** 三资 contracts a village (default 200), each on its own piece of land or building. */
  contracts?: number;
  /** Share of adults with a bound WeChat account: those vote in the app, the rest in the village hall. */
  boundShare?: number;
  log?: (line: string) => void;
  /**
   * Runs one village's share of a phase; the SQLite script wraps it in one outer transaction,
   * so the thousands of small commits inside cost one write to disk.
   */
  batch?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export const FULL_SCALE: ScaleOptions = {
  villages: 35,
  years: 5,
  tickets: 50_000,
  votes: 100,
  votersPerVote: 2_000,
  rosterMin: 1_500,
  rosterMax: 3_000,
  ledgerRowsPerMonth: 100,
  contracts: 200,
};

export const SCALE_TOWNSHIP = 'scale';
/** One document describing the seeded data, read by `npm run bench:server`. */
export const SCALE_META = 'scale_meta';

export interface ScaleMeta {
  _id: string;
  now: string;
  counts: Record<string, number>;
  villages: string[];
  quarters: string[];
  months: string[];
  [k: string]: unknown;
}

const NAMES = [
  '王家庄',
  '李家洼',
  '前刘村',
  '后刘村',
  '东张村',
  '西张村',
  '马家店',
  '高家堡',
  '孙家集',
  '赵家屯',
  '小郭村',
  '大郭村',
  '陈家楼',
  '杜家湾',
  '邢家坊',
  '韩家营',
  '崔家口',
  '冯家庙',
  '田家坝',
  '宋家岭',
  '吕家河',
  '袁家台',
  '蒋家寨',
  '于家场',
  '许家桥',
  '魏家铺',
  '范家沟',
  '邱家埠',
  '侯家园',
  '苏家滩',
  '彭家圈',
  '阎家坨',
  '石家洼',
  '贾家墩',
  '金家屯',
  '段家窑',
  '雷家岗',
  '龙家坡',
  '白家埝',
  '秦家林',
];

export interface ScaleVillage {
  id: string;
  name: string;
  code: string;
  size: number;
}

/**
 * Roster sizes spread over [min, max]; the larger ones come first so the villages that hold
 * the 2,000-voter meetings have enough adults.
 */
export function scaleVillages(o: ScaleOptions): ScaleVillage[] {
  return Array.from({ length: o.villages }, (_, i) => {
    const span = o.rosterMax - o.rosterMin;
    const size = o.villages === 1 ? o.rosterMax : o.rosterMax - Math.round((span * i) / (o.villages - 1));
    return {
      id: `s${String(i + 1).padStart(2, '0')}`,
      name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? i : ''}`,
      code: `sc-s${String(i + 1).padStart(2, '0')}`,
      size,
    };
  });
}

/** The quarters of `years` years ending with the one being reported now, oldest first. */
export function scaleQuarters(now: Date, years: number): string[] {
  const out: string[] = [];
  const last = lastEndedQuarter(now);
  for (let n = 0; n < years * 4; n += 1) out.unshift(shiftQuarterKey(last, -n));
  return out;
}

/** The months of `years` years before last month (last month is still open), oldest first. */
export function scaleMonths(now: Date, years: number): string[] {
  const last = dayjs.tz(now, ZONE).startOf('month').subtract(1, 'month');
  return Array.from({ length: years * 12 }, (_, i) => last.subtract(years * 12 - i, 'month').format('YYYY-MM'));
}

export const DAY = 24 * 3600 * 1000;

/** The account a scale village's post or bound villager acts through. */
export const openidOf = (v: string, key: string) => `scale-openid-${v}-${key}`;

/** A scale village's roster as written: everyone, the adults, and who has bound WeChat. */
export interface ScaleRoster {
  people: PersonDoc[];
  adults: PersonDoc[];
  bound: Set<string>;
}

/** What each phase of the scale seed works with, and the counts they add to. */
export interface ScaleRun {
  store: DocStore;
  /** Moved through the years by each phase, as real use would have dated its records. */
  clock: MovableClock;
  idKey: string;
  /** When the data ends. */
  now: Date;
  o: ScaleOptions;
  counts: Record<string, number>;
  log: (line: string) => void;
  batch: NonNullable<ScaleOptions['batch']>;
  villages: ScaleVillage[];
  quarters: string[];
  months: string[];
  /** Filled by the roster phase; read by every phase after it. */
  rosters: Map<string, ScaleRoster>;
  /** A village post's ports on the run's clock. */
  as: (v: string, key: string) => Ports;
}

/** A village's roster, for the phases after the roster phase (which writes one for every village). */
export function rosterOf(run: ScaleRun, villageId: string): ScaleRoster {
  const roster = run.rosters.get(villageId);
  if (!roster) throw new Error(`scale seed: no roster for ${villageId}; the roster phase must run first`);
  return roster;
}
