import { allowedActions, POLICIES, townshipActions } from '../../cloudfunctions/core/permissions';
import { functions } from '../../cloudfunctions/functions/registry';

describe("what a caller may do, from the functions' policy tables", () => {
  it('reads the very tables the deployed functions enforce', () => {
    for (const [name, def] of Object.entries(functions)) expect(POLICIES[name as keyof typeof POLICIES]).toBe(def.policy);
    expect(Object.keys(POLICIES).sort()).toEqual(Object.keys(functions).sort());
  });

  it('lets an accountant in a village close the month but not review what the 两委 disclose', () => {
    const can = allowedActions(['visitor', 'villager', 'accountant'], 'village');
    expect(can).toEqual(expect.arrayContaining(['finance.closeMonth', 'finance.addRow', 'disclosure.saveDraft', 'roster.commitImport', 'matters.vote']));
    expect(can).not.toContain('disclosure.review');
    expect(can).not.toContain('finance.sign');
  });

  it('gives a visitor only the actions open to anyone', () => {
    const open = Object.entries(POLICIES).flatMap(([fn, table]) =>
      Object.entries(table as Record<string, { allow: unknown }>)
        .filter(([, rule]) => rule.allow === 'anyone')
        .map(([a]) => `${fn}.${a}`),
    );
    expect(open.length).toBeGreaterThan(10);
    expect(allowedActions(['visitor'], 'village').sort()).toEqual(open.sort());
    expect(allowedActions([], 'township').sort()).toEqual(open.sort());
    expect(allowedActions(['visitor'], 'village')).toContain('finance.money');
  });

  it('gives township staff the township actions only where they hold the roles as township staff', () => {
    const inTownship = allowedActions(['township_admin'], 'township');
    expect(inTownship).toEqual(expect.arrayContaining(['matters.file', 'disclosure.catalogAdd', 'roster.decideApproval', 'identity.inviteStaff']));
    expect(inTownship).not.toContain('disclosure.redact');

    const inVillage = allowedActions(['visitor', 'township_admin'], 'village');
    expect(inVillage).toEqual(expect.arrayContaining(['disclosure.redact', 'village.issueCode', 'identity.auditList', 'roster.list']));
    expect(inVillage).not.toContain('matters.file');
    expect(inVillage).not.toContain('disclosure.catalogAdd');
  });

  it('tells the discipline inspector apart from the admin', () => {
    const discipline = townshipActions(['township_discipline']);
    expect(discipline).toEqual(expect.arrayContaining(['tickets.reveal', 'identity.auditList', 'roster.crossVillage', 'village.settings']));
    for (const adminOnly of ['roster.decideApproval', 'matters.file', 'village.issueCode', 'village.updateSettings', 'roster.list'] as const) {
      expect(discipline).not.toContain(adminOnly);
      expect(townshipActions(['township_admin'])).toContain(adminOnly);
    }
    expect(new Set(discipline).size).toBe(discipline.length);
  });

  it('gives a role nothing it does not hold: a villager may vote but not sign the books', () => {
    const can = allowedActions(['visitor', 'villager'], 'village');
    expect(can).toEqual(expect.arrayContaining(['matters.vote', 'matters.cosign', 'disclosure.rate', 'tickets.ask']));
    for (const no of ['finance.sign', 'finance.addRow', 'matters.discuss', 'identity.rebind', 'identity.auditList'] as const) expect(can).not.toContain(no);
  });
});
