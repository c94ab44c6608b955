import { functions } from '../../cloudfunctions/functions/registry';
import { startTestHost, type TestHost } from '../helpers/host';
import { testId } from '../helpers/roster-file';

/**
 * Every action of every function, called by every kind of caller against 杨家村, and what must
 * happen: allowed, or refused with PERMISSION_DENIED / UNAUTHENTICATED. Written out by hand
 * (not read from the policy tables), so a policy that drifts fails here. An action missing
 * from this table fails too: new actions need a decision.
 */
const CALLERS = {
  visitor: undefined,
  villager: 'yangjia-villager',
  secretary: 'yangjia-secretary',
  accountant: 'yangjia-accountant',
  supervisor: 'yangjia-supervisor',
  otherVillager: 'dajiang-villager',
  otherSecretary: 'dajiang-secretary',
  townshipAdmin: 'township-admin',
  townshipDiscipline: 'township-discipline',
} as const;
type CallerKind = keyof typeof CALLERS;
const ALL = Object.keys(CALLERS) as CallerKind[];
const SIGNED_IN = ALL.filter((c) => c !== 'visitor');

const headerOnlyCsv = Buffer.from('姓名,性别,身份证号,户号,与户主关系\r\n').toString('base64');

const MATRIX: Record<string, Record<string, { input: unknown; allowed: CallerKind[] }>> = {
  village: {
    resolveCode: { input: { code: 'hs-yangjia' }, allowed: ALL },
    get: { input: { villageId: 'yangjia' }, allowed: ALL },
    supervisorPhone: { input: { villageId: 'yangjia' }, allowed: ALL },
  },
  roster: {
    previewImport: { input: { villageId: 'yangjia', fileName: 'r.csv', fileBase64: headerOnlyCsv }, allowed: ['secretary', 'accountant'] },
    commitImport: { input: { villageId: 'yangjia', fileName: 'r.csv', fileBase64: headerOnlyCsv }, allowed: ['secretary', 'accountant'] },
    list: { input: { villageId: 'yangjia' }, allowed: ['secretary', 'accountant', 'supervisor', 'townshipAdmin'] },
  },
  disclosure: {
    saveDraft: {
      input: { villageId: 'yangjia', quarter: '2026Q4', itemId: 'huangsheng:1-1', title: '党组织设置', body: [{ type: 'paragraph', text: '支部委员会 5 人' }] },
      allowed: ['secretary', 'accountant'],
    },
    submit: { input: { villageId: 'yangjia', quarter: '2026Q4', itemId: 'huangsheng:1-1' }, allowed: ['secretary', 'accountant'] },
    review: {
      input: { villageId: 'yangjia', quarter: '2026Q4', itemId: 'huangsheng:1-1', decision: 'return', reason: '请补充分工' },
      allowed: ['supervisor'],
    },
    drafts: { input: { villageId: 'yangjia', quarter: '2026Q4' }, allowed: ['secretary', 'accountant', 'supervisor'] },
    quarter: { input: { villageId: 'yangjia', quarter: '2026Q4' }, allowed: ALL },
    item: { input: { villageId: 'yangjia', quarter: '2026Q4', itemId: 'huangsheng:1-1' }, allowed: ALL },
  },
  identity: {
    whoami: { input: {}, allowed: ALL },
    inbox: { input: {}, allowed: ALL },
    status: { input: { villageId: 'yangjia' }, allowed: ALL },
    verify: { input: { villageId: 'yangjia', name: '不在册', idNumber: testId(3999) }, allowed: SIGNED_IN },
    rebind: { input: { villageId: 'yangjia', personId: 'yangjia:nobody', reason: '换了新手机' }, allowed: ['supervisor'] },
    assignRole: {
      input: { villageId: 'yangjia', personId: 'yangjia:nobody', role: 'finance_panel', granted: true },
      allowed: ['secretary', 'townshipAdmin'],
    },
    auditList: { input: { villageId: 'yangjia' }, allowed: ['supervisor', 'townshipAdmin', 'townshipDiscipline'] },
    auditVerify: { input: { villageId: 'yangjia' }, allowed: ['supervisor', 'townshipAdmin', 'townshipDiscipline'] },
    inviteStaff: { input: { townshipId: 'huangsheng', name: '新同事', role: 'township_discipline' }, allowed: ['townshipAdmin'] },
    claimStaff: { input: { code: 'ZZZZZZZZ' }, allowed: SIGNED_IN },
    listStaff: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin'] },
    revokeStaff: { input: { townshipId: 'huangsheng', staffId: 'huangsheng:nobody', role: 'township_discipline' }, allowed: ['townshipAdmin'] },
  },
};

const DENIED = new Set(['PERMISSION_DENIED', 'UNAUTHENTICATED']);

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.stop();
});

it('has a row for every action of every deployed function, and no row for an action that does not exist', () => {
  const deployed = Object.entries(functions).flatMap(([fn, def]) => Object.keys(def.actions).map((a) => `${fn}.${a}`)).sort();
  const covered = Object.entries(MATRIX).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`)).sort();
  expect(covered).toEqual(deployed);
});

const cases = Object.entries(MATRIX).flatMap(([fn, actions]) =>
  Object.entries(actions).flatMap(([act, { input, allowed }]) => ALL.map((who) => [fn, act, who, allowed.includes(who), input] as const)),
);

it.each(cases)('%s.%s by %s: allowed = %s', async (fn, act, who, allowed, input) => {
  const res = await host.call(fn, act, input, CALLERS[who]);
  const code = res.body.ok ? null : res.body.error.code;
  if (allowed) expect(DENIED.has(code)).toBe(false);
  else expect(code && DENIED.has(code) ? 'denied' : `answered ${code ?? 'ok'}`).toBe('denied');
});
