/**
 * Every action name the functions write to an audit chain (`appendAudit` takes only these), so
 * the app's label table, typed `Record<AuditActionName, string>`, fails to compile when one is
 * added without a label. Village chains, a village's chain of anonymous tickets and township
 * chains (`township:<id>`) share the one list.
 */
export type AuditAction =
  // 一季一晒
  | 'disclosure.saveDraft'
  | 'disclosure.submit'
  | 'disclosure.return'
  | 'disclosure.publish'
  | 'disclosure.redact'
  | 'disclosure.rate'
  | 'disclosure.followUpAdd'
  | 'disclosure.followUpClose'
  // the township's catalog of what each village discloses (township chain)
  | 'catalog.add'
  | 'catalog.rename'
  | 'catalog.retire'
  // 码上监督: a new ticket is `tickets.<kind>`
  | 'tickets.question'
  | 'tickets.report'
  | 'tickets.suggestion'
  | 'tickets.triage'
  | 'tickets.answer'
  | 'tickets.rate'
  | 'tickets.close'
  | 'tickets.overdue'
  | 'tickets.markPublic'
  | 'tickets.reveal'
  // 村级财务
  | 'finance.addRow'
  | 'finance.removeRow'
  | 'finance.import'
  | 'finance.mapAccount'
  | 'finance.closeMonth'
  | 'finance.reopenMonth'
  | 'finance.queryRow'
  | 'finance.answerQuery'
  | 'finance.signMonth'
  | 'finance.publishMonth'
  // 四议两公开; the township's filing decision is `matters.file.<decision>` (township chain)
  | 'matters.propose'
  | 'matters.cosign'
  | 'matters.discuss'
  | 'matters.file.approve'
  | 'matters.file.return'
  | 'matters.openVote'
  | 'matters.recordBallot'
  | 'matters.recordAttendance'
  | 'matters.countBox'
  | 'matters.recountMismatch'
  | 'matters.closeVote'
  // 花名册 and people
  | 'roster.commitImport'
  | 'roster.requestApproval'
  | 'roster.approveImport'
  | 'roster.rejectImport'
  | 'identity.requestBind'
  | 'identity.rejectBind'
  | 'identity.verify'
  | 'identity.rebind'
  | 'identity.assignRole'
  | 'identity.inviteStaff'
  | 'identity.claimStaff'
  | 'identity.revokeStaff'
  // the village and the township
  | 'village.issueCode'
  | 'village.disableCode'
  | 'township.updateSettings'
  // the township's watch over each village's history (township chain)
  | 'audit.villageHead'
  | 'audit.historyAlarm'
  // 三资: registers, contracts and their warnings (the township's settings on its chain)
  | 'assets.addAsset'
  | 'assets.updateAsset'
  | 'assets.addResource'
  | 'assets.updateResource'
  | 'assets.addContract'
  | 'assets.renewContract'
  | 'assets.terminateContract'
  | 'assets.warn'
  | 'assets.answerWarning'
  | 'assets.closeWarning'
  | 'assets.updateSettings'
  | 'assets.import'
  // 我家: the 监委会 looked at a household's entries, with a reason
  | 'household.inspect';

/**
 * Names no function writes any more but that records already on a chain may carry: a chain is
 * never rewritten, so the app still needs their labels.
 */
export type LegacyAuditAction = 'tickets.ask';

/** What an audit record read back from a chain may be named. */
export type AuditActionName = AuditAction | LegacyAuditAction;
