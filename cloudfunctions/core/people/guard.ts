import { RoleLabels, type Role } from '../../../types/roles';
import { CADRES, SUPERVISORS } from '../shared/policy';

/**
 * Nobody is removed by accident. An import that takes people off the roster (全量替换) or takes
 * away their vote here (户籍 moved to another village) changes who decides the village's matters,
 * which is exactly what a cadre must not be able to do alone. These are the pure rules; the
 * service applies them to the file in hand.
 */

/** The village offices whose holders an import may not remove without the township: 两委, 监委会, 民主理财小组. */
export const OFFICE_ROLES: readonly Role[] = [...CADRES, ...SUPERVISORS, 'finance_panel'];

export interface AffectedPerson {
  personId: string;
  name: string;
  assignedRoles: Role[];
}

export interface GuardInput {
  /** People on the roster now. */
  rosterSize: number;
  /** Taken off the roster by this import (全量替换 only). */
  removing: AffectedPerson[];
  /** Staying, but their 户籍 moves elsewhere: they stop voting in this village's 村民会议. */
  losingVote: AffectedPerson[];
  /** The caller's own roster person, if any. */
  callerId: string | null;
}

/** A person and the offices they hold, as a refusal names them: 李风昌（村党组织书记）. */
export function personWithOffices(p: AffectedPerson): string {
  const offices = p.assignedRoles.filter((r) => OFFICE_ROLES.includes(r)).map((r) => RoleLabels[r]);
  return offices.length ? `${p.name}（${offices.join('、')}）` : p.name;
}

/** More than a fifth: n / size > 1/5, in whole numbers. */
export const moreThanAFifth = (n: number, size: number) => n > 0 && 5 * n > size;

/**
 * Why this import needs the township admin's confirmation, one sentence per reason, each naming
 * the people concerned; empty when a cadre may go ahead alone.
 */
export function townshipReasons(g: GuardInput): string[] {
  const reasons: string[] = [];
  const affected = [...g.removing, ...g.losingVote];
  const [before, after] =
    g.removing.length && g.losingVote.length
      ? ['会移出', '（或让其不再参加本村村民会议表决）']
      : g.removing.length
        ? ['会移出', '']
        : ['会让', '不再参加本村村民会议表决'];
  const does = (who: string, list = '') => `${before}${who}${after}${list ? `：${list}` : ''}`;
  if (moreThanAFifth(affected.length, g.rosterSize)) reasons.push(`${does(` ${affected.length} 人`)}，超过花名册现有 ${g.rosterSize} 人的五分之一`);
  const officers = affected.filter((p) => p.assignedRoles.some((r) => OFFICE_ROLES.includes(r)));
  if (officers.length) reasons.push(does('担任职务的人', officers.map(personWithOffices).join('、')));
  const self = g.callerId ? affected.find((p) => p.personId === g.callerId) : undefined;
  if (self) reasons.push(does(`您本人（${self.name}）`));
  return reasons;
}

/** The refusal a cadre reads: the reasons, then what to do. */
export function townshipRefusal(reasons: string[]): string {
  return `这次导入要镇管理员确认后才能进行：${reasons.join('；')}。如果确实要这样导入，请点“请镇里确认”，写明原因；镇管理员确认后再导入这个文件。`;
}

/**
 * The typed confirmation of a 全量替换: the number of people it removes, as digits (full-width
 * digits and spaces allowed). Typing a number you have just read is easy for anyone and is not
 * done by reflex the way pressing 确认 is.
 */
export function confirmationMatches(typed: string | undefined, removing: number): boolean {
  if (removing === 0) return true;
  return (typed ?? '').normalize('NFKC').replace(/\s/g, '') === String(removing);
}
