import { formatFenPlain } from '../../../common/money';
import type { Choice, FundingPlan, FundingPlanInput, MeetingBody, MeetingResult, Stage } from '../../../types/matters';
import { STAGES } from '../../../types/matters';
import { RoleLabels, type Role } from '../../../types/roles';
import type { CallerInVillage } from '../caller/api';
import { ageOn, hukouHere, isAdultOn } from '../people/api';
import type { PersonDoc } from '../shared/records';
import { fail } from '../shared/errors';
import type { TownshipSettings } from '../shared/records';
import { type Approval, CHOICE_KEY, type MatterDoc, type MeetingDoc, type TallyDoc } from './model';

/**
 * The meeting rules of 《村民委员会组织法》 and the party's rules for 党员大会, as pure functions
 * of whole numbers: no floating point, so "exactly two thirds" is exactly two thirds.
 *
 * - 党员大会 (审议): quorum ≥ 2/3 of party members present; passes with > 1/2 of those present.
 * - 村民会议 (Art. 22): quorum > 1/2 of villagers aged 18+, or household representatives of ≥ 2/3
 *   of households; passes with > 1/2 of those present.
 * - 村民代表会议 (Art. 26): quorum ≥ 2/3 of members present; passes with > 1/2 of those present.
 * - Where the province says so, 一事一议 筹资筹劳 needs ≥ 2/3 of those present (township setting).
 */

/** The fewest present for a quorum of `eligible`. */
export function quorumNeeded(body: MeetingBody, eligible: number): number {
  if (eligible <= 0) return 1;
  // > 1/2 of adults: the smallest n with 2n > eligible.
  if (body === 'villagers') return Math.floor(eligible / 2) + 1;
  // ≥ 2/3: the smallest n with 3n ≥ 2·eligible.
  return Math.ceil((2 * eligible) / 3);
}

export function quorumMet(body: MeetingBody, eligible: number, present: number): boolean {
  return eligible > 0 && present >= quorumNeeded(body, eligible);
}

export type { Approval };

/** Passes: more than half (or at least two thirds) of those present agree. Abstaining counts as present. */
export function approved(approval: Approval, present: number, yes: number): boolean {
  if (present <= 0) return false;
  return approval === 'two_thirds' ? 3 * yes >= 2 * present : 2 * yes > present;
}

/** Villager proposals move on with ≥ 1/10 of adult villagers, or ≥ 1/5 of representatives, co-signing. */
export function cosignNeeded(adults: number, representatives: number): { adults: number; representatives: number } {
  return { adults: Math.max(1, Math.ceil(adults / 10)), representatives: Math.max(1, Math.ceil(representatives / 5)) };
}

/**
 * How far a villager proposal's co-signing has come, in the words the 联名 card shows. Either
 * threshold moves it on, and a representative counts towards both: when fewer representatives
 * than villagers are still needed, saying only "需要 N 人" would hide that one more 村民代表 is enough.
 */
export function cosignProgress(c: { neededAdults: number; neededRepresentatives: number; adults: number; representatives: number }): string {
  const adults = Math.max(0, c.neededAdults - c.adults);
  const reps = Math.max(0, c.neededRepresentatives - c.representatives);
  const so = `已有 ${c.adults} 人联名${c.representatives ? `（其中村民代表 ${c.representatives} 人）` : ''}`;
  if (adults === 0 || reps === 0) return `${so}，人数已够`;
  if (adults <= reps) return `${so}，再有 ${adults} 人联名就够了`;
  return `${so}，再有 ${adults} 位村民联名，或者 ${reps} 位村民代表联名，就够了`;
}

const pct = (n: number, d: number) => `${n}/${d}`;

/** The whole result with the rules applied written out, as the result page publishes it. */
export function decide(body: MeetingBody, approval: Approval, eligible: number, present: number, counts: Record<Choice, number>): MeetingResult {
  const met = quorumMet(body, eligible, present);
  const passed = met && approved(approval, present, counts.同意);
  const quorumRule =
    body === 'villagers'
      ? `到会人数须超过本村 18 周岁以上村民的一半（应到 ${eligible} 人，至少 ${quorumNeeded(body, eligible)} 人）`
      : body === 'households'
        ? `须有本村三分之二以上的户代表到会（应到 ${eligible} 户，至少 ${quorumNeeded(body, eligible)} 户）`
        : `到会人数须达到应到人数的三分之二（应到 ${eligible} 人，至少 ${quorumNeeded(body, eligible)} 人）`;
  const passRule = approval === 'two_thirds' ? '同意票须达到到会人数的三分之二（筹资筹劳，按本省规定）' : '同意票须超过到会人数的一半';
  return {
    eligible,
    present,
    counts,
    quorumMet: met,
    passed,
    rules: [
      `${quorumRule}；实到 ${present} 人，${met ? '达到' : '未达到'}法定人数。`,
      met ? `${passRule}；同意 ${pct(counts.同意, present)}，${passed ? '通过' : '未通过'}。` : '未达到法定人数，本次会议的表决无效，需要重新召开。',
    ],
  };
}

export const CHOICES: Choice[] = ['同意', '不同意', '弃权'];

export const nextStage = (s: Stage): Stage => STAGES[Math.min(STAGES.indexOf(s) + 1, STAGES.length - 1)];

/** Who did it, in words, as the stage record shows: "村党组织书记 杨振华". */
export function byline(ctx: Pick<CallerInVillage, 'roles' | 'person'>, prefer: readonly Role[]): string {
  const role = prefer.find((r) => ctx.roles.includes(r));
  return `${role ? RoleLabels[role] : '村民'} ${ctx.person?.name ?? ''}`.trim();
}

/**
 * 筹资筹劳 against the roster and the province's caps: 低保 households pay no money, active-duty
 * soldiers are exempt from both, labour comes only from working-age villagers.
 */
export function fundingPlan(
  input: FundingPlanInput,
  people: PersonDoc[],
  day: string,
  settings: Required<TownshipSettings>,
  at: string,
  idKey: string,
): FundingPlan {
  if (input.perPersonFen > settings.fundingCapFen) {
    throw fail.invalid(`每人每年筹资不能超过 ${(settings.fundingCapFen / 100).toFixed(0)} 元（本省上限），方案里是 ${formatFenPlain(input.perPersonFen)} 元。`);
  }
  if (input.workdays > settings.labourCapDays) {
    throw fail.invalid(`每个劳动力每年筹劳不能超过 ${settings.labourCapDays} 个工日（本省上限），方案里是 ${input.workdays} 个。`);
  }
  if (input.perPersonFen === 0 && input.workdays === 0) throw fail.invalid('筹资筹劳方案要写明每人筹资金额或筹劳工日。');
  const lowIncomeHouseholds = new Set(people.filter((p) => p.lowIncome).map((p) => p.householdNo));
  const exempt = { lowIncome: 0, soldiers: 0, minors: 0 };
  let payers = 0;
  let labourers = 0;
  for (const p of people) {
    if (p.activeSoldier) {
      exempt.soldiers += 1;
      continue;
    }
    if (!isAdultOn(idKey, p, day)) {
      exempt.minors += 1;
      continue;
    }
    if (lowIncomeHouseholds.has(p.householdNo)) exempt.lowIncome += 1;
    else payers += 1;
    if (ageOn(idKey, p, day) <= settings.workingAgeMax) labourers += 1;
  }
  return { ...input, payers, labourers, exempt, raisedFen: payers * input.perPersonFen, publicisedAt: at };
}

/** Who may take part in a meeting of `body`, from the roster as it stands on `day`. */
export function eligibleFor(body: MeetingBody, p: PersonDoc, day: string, idKey: string): boolean {
  if (!p.inRoster) return false;
  if (body === 'party') return p.partyMember;
  if (body === 'representatives') return p.representative;
  // 村民会议 (by adults or by 户代表): only in the village that holds the person's 户籍.
  if (!hukouHere(p)) return false;
  if (body === 'households') return p.isHouseholdHead;
  return isAdultOn(idKey, p, day);
}

/** The 村民会议's: one person, one village, by 户籍 (see people/cross-village.ts). */
export const BY_HUKOU: MeetingBody[] = ['villagers', 'households'];

/** A ballot or an attendance is taken only while the meeting is open and before its closing time. */
export function openForVoting(m: MeetingDoc, now: Date): void {
  if (m.state !== 'open') throw fail.precondition('这次表决已经结束。');
  if (now.toISOString() >= m.closesAt) throw fail.precondition('这次表决已经过了截止时间。');
}

/** Whether the running tally says what the ballots themselves say. */
export const sameCounts = (t: TallyDoc, r: { counts: Record<Choice, number>; present: number }) =>
  t.present === r.present && CHOICES.every((c) => t[CHOICE_KEY[c]] === r.counts[c]);

/**
 * Where a closed meeting leaves its matter: no quorum → the stage stays and a new meeting can be
 * called; voted down → the matter stops; passed → the next stage (a 筹资筹劳 plan first goes to
 * the township to file). `said` is the counts in words, written into the stage record.
 */
export function afterMeeting(matter: MatterDoc, m: Pick<MeetingDoc, 'stage'>, result: MeetingResult, said: string, at: string, by: string): Partial<MatterDoc> {
  let patch: Partial<MatterDoc> = { openMeetingId: null };
  if (!result.quorumMet) {
    patch = { ...patch, history: [...matter.history, { stage: m.stage, at, by, record: `${said}未达到法定人数，表决无效，需要重新召开会议。` }] };
  } else if (!result.passed) {
    patch = {
      ...patch,
      status: 'stopped',
      stopReason: `${m.stage}未通过`,
      history: [...matter.history, { stage: m.stage, at, by, record: `${said}未通过。` }],
    };
  } else {
    const record = { stage: m.stage, at, by, record: `${said}通过。` };
    patch =
      m.stage === '审议'
        ? { ...patch, stage: '决议', history: [...matter.history, record] }
        : matter.funding
          ? // Still 决议 until the township files the plan: a returned plan never reaches 决议公开.
            { ...patch, status: 'filing', filing: { state: 'pending', reason: null, at: null }, history: [...matter.history, record] }
          : { ...patch, stage: '决议公开', history: [...matter.history, record] };
  }
  return patch;
}
