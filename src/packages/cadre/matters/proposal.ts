import type { FundingPlanInput, ProposeInput } from '../../../../types/matters';
import { parseYuan } from '../../../services/money';
import type { DecisionBody } from '../../../components/MatterParts/words';
import { FUNDING_PROJECT, MATTER_SUMMARY, MATTER_TITLE } from '../../../../common/limits';

/** The 发起议题 form as typed: text fields stay strings until the whole form is checked. */
export interface ProposalForm {
  title: string;
  summary: string;
  decisionBody: DecisionBody;
  secret: boolean;
  liveCounts: boolean;
  withFunding: boolean;
  project: string;
  budget: string;
  perPerson: string;
  workdays: string;
  notes: string;
}

export const EMPTY_FORM: ProposalForm = {
  title: '',
  summary: '',
  decisionBody: 'representatives',
  secret: false,
  liveCounts: false,
  withFunding: false,
  project: '',
  budget: '',
  perPerson: '',
  workdays: '',
  notes: '',
};

/** The form as the service takes it, or what to fix first. Money goes from 元 to fen as digits, never floats. */
export function proposeInputOf(f: ProposalForm, villageId: string): ProposeInput | string {
  const title = f.title.trim();
  const summary = f.summary.trim();
  if (title.length < MATTER_TITLE.min || title.length > MATTER_TITLE.max) return `议题名称要 ${MATTER_TITLE.min} 到 ${MATTER_TITLE.max} 个字。`;
  if (summary.length < MATTER_SUMMARY.min || summary.length > MATTER_SUMMARY.max)
    return `议题内容要 ${MATTER_SUMMARY.min} 到 ${MATTER_SUMMARY.max} 个字，写清楚要办什么事、为什么。`;
  const input: ProposeInput = { villageId, title, summary, decisionBody: f.decisionBody, secret: f.secret, liveCounts: f.liveCounts };
  if (!f.withFunding) return input;
  const project = f.project.trim();
  if (project.length < FUNDING_PROJECT.min) return `请填写筹资筹劳的项目名称（至少 ${FUNDING_PROJECT.min} 个字）。`;
  const budget = parseYuan(f.budget);
  if (!budget.ok) return `项目预算：${budget.message}`;
  if (budget.fen <= 0) return '项目预算要大于 0 元。';
  // Left empty means none: a plan may raise only money or only labour.
  const perPerson = f.perPerson.trim() === '' ? ({ ok: true, fen: 0 } as const) : parseYuan(f.perPerson);
  if (!perPerson.ok) return `每人筹资：${perPerson.message}`;
  const days = f.workdays.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (days !== '' && !/^\d{1,3}$/.test(days)) return '筹劳工日请填整数，例如 3。';
  const funding: FundingPlanInput = { project, budgetFen: budget.fen, perPersonFen: perPerson.fen, workdays: days === '' ? 0 : Number(days) };
  if (f.notes.trim()) funding.notes = f.notes.trim();
  return { ...input, funding };
}
