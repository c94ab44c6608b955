/**
 * Collection names and the indexes their queries need. The SQLite adapter builds these
 * indexes; on CloudBase `npm run deploy` creates every collection admin-only with them
 * (scripts/deploy/plan.ts).
 */
export const C = {
  townships: 'townships',
  villages: 'villages',
  villageCodes: 'village_codes',
  catalogItems: 'catalog_items',
  people: 'people',
  bindings: 'bindings',
  bindRequests: 'bind_requests',
  rosterApprovals: 'roster_approvals',
  rosterOverlaps: 'roster_overlaps',
  staff: 'staff',
  attempts: 'attempts',
  audit: 'audit',
  auditHeads: 'audit_heads',
  auditNodes: 'audit_nodes',
  auditCheckpoints: 'audit_checkpoints',
  auditDaily: 'audit_daily',
  auditAlarms: 'audit_alarms',
  auditHeadLinks: 'audit_head_links',
  inbox: 'inbox',
  /** Which followed villages' publication notices a person has read (`${openid}:${noticeId}`). */
  noticeReads: 'notice_reads',
  staffInvites: 'staff_invites',
  villageRoles: 'village_roles',
  disclosureItems: 'disclosure_items',
  disclosureVersions: 'disclosure_versions',
  uploads: 'uploads',
  quarterStats: 'quarter_stats',
  ratings: 'ratings',
  followUps: 'follow_ups',
  subscriptions: 'subscriptions',
  villageNotices: 'village_notices',
  tickets: 'tickets',
  accounts: 'accounts',
  ledgerRows: 'ledger_rows',
  ledgerMonths: 'ledger_months',
  ledgerTotals: 'ledger_totals',
  moneyViews: 'money_views',
  ledgerImports: 'ledger_imports',
  ledgerAccountMaps: 'ledger_account_maps',
  ticketAskers: 'ticket_askers',
  ticketStats: 'ticket_stats',
  ticketSeconds: 'ticket_seconds',
  matters: 'matters',
  cosigns: 'cosigns',
  meetings: 'meetings',
  voteElectors: 'vote_electors',
  voteMarks: 'vote_marks',
  ballots: 'ballots',
  voteTallies: 'vote_tallies',
  assets: 'assets',
  resources: 'asset_resources',
  contracts: 'asset_contracts',
  /** Ledger income rows entered against a contract, by row id. */
  assetReceipts: 'asset_receipts',
  assetWarnings: 'asset_warnings',
  /** Which day each village's registers were last looked over by the timer. */
  assetScans: 'asset_scans',
  assetSettings: 'asset_settings',
} as const;

/** The capabilities and shared concerns under core/ that keep collections of their own. */
export type Owner =
  | 'village'
  | 'disclosure'
  | 'finance'
  | 'identity'
  | 'matters'
  | 'people'
  | 'tickets'
  | 'audit'
  | 'messages'
  | 'attachments'
  | 'limits'
  | 'assets';

/**
 * Who writes each collection: only the owner's files add, set, update or remove its documents
 * (tests/build/boundaries.test.ts scans for it). Anyone may read; a write another capability needs
 * is a function of the owner, called through its face (identity binds an account with people's
 * setBoundAccount, matters publishes with disclosure's publishAdhoc).
 */
export const OWNER: Record<keyof typeof C, Owner> = {
  townships: 'village',
  villages: 'village',
  villageCodes: 'village',
  catalogItems: 'disclosure',
  people: 'people',
  bindings: 'identity',
  bindRequests: 'identity',
  rosterApprovals: 'people',
  rosterOverlaps: 'people',
  staff: 'identity',
  attempts: 'limits',
  audit: 'audit',
  auditHeads: 'audit',
  auditNodes: 'audit',
  auditCheckpoints: 'audit',
  // The village history page's records of its chain heads (audit/history.ts): what was recorded
  // each day, what alarmed, which heads were printed.
  auditDaily: 'audit',
  auditAlarms: 'audit',
  auditHeadLinks: 'audit',
  inbox: 'messages',
  noticeReads: 'messages',
  staffInvites: 'identity',
  // The role index identity keeps when it assigns roles; messages reads it to find holders.
  villageRoles: 'identity',
  disclosureItems: 'disclosure',
  disclosureVersions: 'disclosure',
  uploads: 'attachments',
  quarterStats: 'disclosure',
  ratings: 'disclosure',
  followUps: 'disclosure',
  subscriptions: 'messages',
  villageNotices: 'messages',
  tickets: 'tickets',
  accounts: 'finance',
  ledgerRows: 'finance',
  ledgerMonths: 'finance',
  ledgerTotals: 'finance',
  moneyViews: 'finance',
  ledgerImports: 'finance',
  ledgerAccountMaps: 'finance',
  ticketAskers: 'tickets',
  ticketStats: 'tickets',
  ticketSeconds: 'tickets',
  matters: 'matters',
  cosigns: 'matters',
  meetings: 'matters',
  voteElectors: 'matters',
  voteMarks: 'matters',
  ballots: 'matters',
  voteTallies: 'matters',
  assets: 'assets',
  resources: 'assets',
  contracts: 'assets',
  assetReceipts: 'assets',
  assetWarnings: 'assets',
  assetScans: 'assets',
  assetSettings: 'assets',
};

export const INDEXES: Record<string, string[][]> = {
  [C.villages]: [['townshipId']],
  [C.villageCodes]: [['villageId']],
  [C.catalogItems]: [['townshipId', 'order']],
  [C.people]: [
    ['villageId', 'inRoster', 'householdNo'],
    ['villageId', 'nameKey'],
    ['idHash', 'inRoster'],
  ],
  [C.rosterApprovals]: [['townshipId', 'requestedAt']],
  [C.rosterOverlaps]: [['townshipId', 'idMasked']],
  [C.audit]: [
    ['scope', 'seq'],
    ['scope', 'target'],
  ],
  [C.auditCheckpoints]: [['scope', 'size']],
  [C.bindings]: [['openid']],
  [C.bindRequests]: [['villageId', 'state', 'at']],
  [C.staff]: [['openid'], ['townshipId']],
  [C.inbox]: [['openid', 'at']],
  [C.disclosureItems]: [['villageId', 'quarter']],
  [C.disclosureVersions]: [['itemKey', 'version']],
  [C.quarterStats]: [['villageId', 'quarter']],
  [C.followUps]: [['villageId', 'quarter', 'createdAt']],
  [C.subscriptions]: [['openid'], ['villageId']],
  [C.villageNotices]: [['villageId', 'at']],
  [C.tickets]: [
    ['villageId', 'createdAt'],
    ['villageId', 'state', 'overdue'],
    ['askerKey', 'createdAt'],
    ['state', 'dueAt'],
    ['villageId', 'public', 'createdAt'],
    ['villageId', 'assignee.personId', 'dueAt'],
    // 我家: the questions a household's members asked in their own name.
    ['villageId', 'askerPersonId', 'createdAt'],
  ],
  [C.accounts]: [['townshipId', 'order']],
  [C.ledgerRows]: [
    ['villageId', 'month', 'date'],
    ['villageId', 'large', 'date'],
    ['villageId', 'accountId', 'month'],
  ],
  [C.ledgerMonths]: [
    ['villageId', 'month'],
    ['villageId', 'state', 'month'],
  ],
  [C.ledgerAccountMaps]: [['villageId']],
  [C.matters]: [
    ['villageId', 'createdAt'],
    ['status', 'createdAt'],
  ],
  [C.meetings]: [
    ['matterId', 'openedAt'],
    ['state', 'closesAt'],
  ],
  [C.voteElectors]: [['meetingId', 'name']],
  [C.voteMarks]: [['meetingId', 'at']],
  [C.ballots]: [['meetingId', 'receipt']],
  [C.assets]: [['villageId']],
  [C.resources]: [['villageId']],
  [C.contracts]: [['villageId']],
  [C.assetReceipts]: [['villageId'], ['contractId']],
  [C.assetWarnings]: [['villageId']],
};
