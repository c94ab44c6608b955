/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { render, screen } from '@testing-library/react';
import type { AuditActionName } from '../../types/audit';
import type { AuditEntryView } from '../../types/identity';
import AuditPage from '../../src/packages/supervise/audit';
import { identityApi } from '../../src/services/identity';
import { AUDIT_ACTION_LABELS } from '../../src/services/labels';

/**
 * Every name an audit record may carry, checked against the union by the typecheck (a missing or
 * unknown name fails it), so this list does not lean on the label table it tests.
 */
const EVERY_ACTION = Object.keys({
  'disclosure.saveDraft': true,
  'disclosure.submit': true,
  'disclosure.return': true,
  'disclosure.publish': true,
  'disclosure.redact': true,
  'disclosure.rate': true,
  'disclosure.followUpAdd': true,
  'disclosure.followUpClose': true,
  'catalog.add': true,
  'catalog.rename': true,
  'catalog.retire': true,
  'tickets.ask': true,
  'tickets.question': true,
  'tickets.report': true,
  'tickets.suggestion': true,
  'tickets.triage': true,
  'tickets.answer': true,
  'tickets.rate': true,
  'tickets.close': true,
  'tickets.overdue': true,
  'tickets.markPublic': true,
  'tickets.reveal': true,
  'finance.addRow': true,
  'finance.removeRow': true,
  'finance.import': true,
  'finance.mapAccount': true,
  'finance.closeMonth': true,
  'finance.reopenMonth': true,
  'finance.queryRow': true,
  'finance.answerQuery': true,
  'finance.signMonth': true,
  'finance.publishMonth': true,
  'matters.propose': true,
  'matters.cosign': true,
  'matters.discuss': true,
  'matters.file.approve': true,
  'matters.file.return': true,
  'matters.openVote': true,
  'matters.recordBallot': true,
  'matters.recordAttendance': true,
  'matters.countBox': true,
  'matters.recountMismatch': true,
  'matters.closeVote': true,
  'roster.commitImport': true,
  'roster.requestApproval': true,
  'roster.approveImport': true,
  'roster.rejectImport': true,
  'identity.requestBind': true,
  'identity.rejectBind': true,
  'identity.verify': true,
  'identity.rebind': true,
  'identity.assignRole': true,
  'identity.inviteStaff': true,
  'identity.claimStaff': true,
  'identity.revokeStaff': true,
  'village.issueCode': true,
  'village.disableCode': true,
  'township.updateSettings': true,
  'audit.villageHead': true,
  'audit.historyAlarm': true,
  'assets.addAsset': true,
  'assets.updateAsset': true,
  'assets.addResource': true,
  'assets.updateResource': true,
  'assets.addContract': true,
  'assets.renewContract': true,
  'assets.terminateContract': true,
  'assets.warn': true,
  'assets.answerWarning': true,
  'assets.closeWarning': true,
  'assets.updateSettings': true,
  'assets.import': true,
  'household.inspect': true,
} satisfies Record<AuditActionName, true>) as AuditActionName[];

const CJK = /[\u4e00-\u9fff]/;

describe('审计记录 (supervise/audit)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('has a plain Chinese label for every audit action, and none for a name no record can carry', () => {
    for (const action of EVERY_ACTION) {
      const label = AUDIT_ACTION_LABELS[action];
      expect({ action, label: typeof label === 'string' && CJK.test(label) ? 'ok' : label }).toEqual({ action, label: 'ok' });
    }
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...EVERY_ACTION].sort());
  });

  it('shows each record by its label, never by its raw action key', async () => {
    const entries: AuditEntryView[] = EVERY_ACTION.map((action, i) => ({
      seq: EVERY_ACTION.length - i,
      at: '2026-10-08T02:00:00.000Z',
      action,
      target: 'ticket:t1',
      actorRoles: ['supervisor'],
      hash: 'f'.repeat(64),
    }));
    jest.spyOn(identityApi, 'auditList').mockResolvedValue({ total: entries.length, page: 1, entries });
    (Current as { router: unknown }).router = { params: { villageId: 'diquan' }, path: '/packages/supervise/audit/index' };
    render(<AuditPage />);
    await screen.findByText(`共 ${entries.length} 条，最新的在前`);
    for (const e of entries) expect(screen.getByText(`#${e.seq} ${AUDIT_ACTION_LABELS[e.action]}`)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\b(disclosure|catalog|tickets|finance|matters|roster|identity|village|township|audit)\.[a-zA-Z]/);
  });
});
