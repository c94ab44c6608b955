/** The subscribe-message templates in the deploy plan, from config/subscribe.ts and the notice kinds the functions send. */
import { C, INDEXES } from '../../cloudfunctions/core/collections';
import { readDeployFiles, type FunctionAnalysis } from '../../scripts/deploy/analyse';
import { formatPlan, makePlan, type DeployPlan } from '../../scripts/deploy/plan';
import { clientTemplates, fieldsText, NOTICE_TEMPLATES, templateOf } from '../../config/subscribe';
import { AUDIT_SIGNING_KEY, functionIn, ID_HASH_KEY, loadPlan, ROOT } from './deploy/fixture';

let analyses: FunctionAnalysis[];
let plan: DeployPlan;

beforeAll(async () => {
  ({ analyses, plan } = await loadPlan());
}, 60_000);

const fn = (name: string) => functionIn(plan, name);

describe('subscribe templates, from config/subscribe.ts', () => {
  const planWith = (extra: Record<string, string>, templates = NOTICE_TEMPLATES) =>
    makePlan({
      envId: null,
      functions: analyses,
      files: readDeployFiles(ROOT),
      collections: C,
      indexes: INDEXES,
      env: { ID_HASH_KEY, AUDIT_SIGNING_KEY, ...extra },
      templates,
    });

  it('lists every kind the functions send, once, with who receives it and which functions send it', () => {
    const sent = [...new Set(analyses.flatMap((a) => a.noticeKinds))].sort();
    expect(plan.templates.map((t) => t.kind).sort()).toEqual(sent);
    expect(NOTICE_TEMPLATES.map((t) => t.kind).sort()).toEqual(sent);
    for (const t of plan.templates) {
      expect({ kind: t.kind, id: t.id }).toEqual({ kind: t.kind, id: `tmpl-${t.kind}` });
      expect(t.functions.length).toBeGreaterThan(0);
      for (const name of t.functions) expect(fn(name).env[t.envVar]).toBe(`tmpl-${t.kind}`);
    }
    // The three that wait on a cadre, each sent where its event happens.
    const by = (kind: string) => plan.templates.find((t) => t.kind === kind);
    expect(by('ledger.queried')).toMatchObject({ functions: ['finance'], roles: ['accountant'] });
    expect(by('disclosure.returned')).toMatchObject({ functions: ['disclosure'], roles: expect.arrayContaining(['secretary']) });
    expect(by('matter.proposed')).toMatchObject({ functions: ['matters'], roles: expect.arrayContaining(['secretary', 'director']) });
    expect(formatPlan(plan)).toContain('SUBSCRIBE_TEMPLATE_LEDGER_QUERIED = tmpl-ledger.queried');
  });

  it('needs only the template id: the fields come from config/subscribe.ts, and the mini-program build gets the same id', () => {
    const p = planWith({ SUBSCRIBE_TEMPLATE_LEDGER_QUERIED: 'abc' });
    // Nothing beyond what the full plan reports (which the first test holds at none).
    expect(p.problems).toEqual(plan.problems);
    const finance = p.functions.find((f) => f.name === 'finance');
    expect(finance?.env).toMatchObject({
      SUBSCRIBE_TEMPLATE_LEDGER_QUERIED: 'abc',
      SUBSCRIBE_FIELDS_LEDGER_QUERIED: fieldsText(templateOf('ledger.queried')!.fields),
    });
    expect(
      p.functions
        .filter((f) => f.name !== 'finance')
        .flatMap((f) => Object.keys(f.env))
        .filter((k) => k.startsWith('SUBSCRIBE_')),
    ).toEqual([]);
    expect(clientTemplates({ SUBSCRIBE_TEMPLATE_LEDGER_QUERIED: 'abc' }).card).toEqual([
      { kind: 'ledger.queried', id: 'abc', label: '账目被质询', roles: ['accountant'] },
    ]);
  });

  it('still takes the older build variables, and refuses two different templates for one notice', () => {
    const old = { TARO_APP_SUBSCRIBE_TEMPLATE_TICKET: 'old-ticket', TARO_APP_SUBSCRIBE_TEMPLATE_DISCLOSURE: 'old-disclosure' };
    const p = planWith(old);
    expect(p.problems).toEqual(plan.problems);
    expect(p.functions.find((f) => f.name === 'tickets')?.env.SUBSCRIBE_TEMPLATE_TICKET_ANSWERED).toBe('old-ticket');
    expect(p.functions.find((f) => f.name === 'disclosure')?.env.SUBSCRIBE_TEMPLATE_DISCLOSURE_PUBLISHED).toBe('old-disclosure');
    expect(clientTemplates(old)).toMatchObject({ ticket: 'old-ticket', disclosure: 'old-disclosure', card: [] });
    expect(planWith({ ...old, SUBSCRIBE_TEMPLATE_TICKET_ANSWERED: 'new-ticket' }).problems.join('\n')).toMatch(
      /SUBSCRIBE_TEMPLATE_TICKET_ANSWERED 和 TARO_APP_SUBSCRIBE_TEMPLATE_TICKET/,
    );
  });

  it('refuses a kind the code sends but config/subscribe.ts lacks, and one it lists that nothing sends', () => {
    const edited = [...NOTICE_TEMPLATES.filter((t) => t.kind !== 'ledger.queried'), { ...NOTICE_TEMPLATES[0], kind: 'ledger.queired' }];
    const problems = planWith({}, edited).problems.join('\n');
    expect(problems).toMatch(/“ledger\.queried”通知，config\/subscribe\.ts 里没有它/);
    expect(problems).toMatch(/“ledger\.queired”没有云函数发送/);
  });
});
