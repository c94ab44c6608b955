/**
 * Collection names and the indexes their queries need. The SQLite adapter builds these
 * indexes; on CloudBase they are created in the console (README, 部署到云开发).
 */
export const C = {
  townships: 'townships',
  villages: 'villages',
  villageCodes: 'village_codes',
  catalogItems: 'catalog_items',
  people: 'people',
  bindings: 'bindings',
  staff: 'staff',
  attempts: 'attempts',
  audit: 'audit',
  auditHeads: 'audit_heads',
  inbox: 'inbox',
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
} as const;

export const INDEXES: Record<string, string[][]> = {
  [C.villages]: [['townshipId']],
  [C.villageCodes]: [['villageId']],
  [C.catalogItems]: [['townshipId', 'order']],
  [C.people]: [['villageId', 'inRoster', 'householdNo'], ['villageId', 'nameKey']],
  [C.audit]: [['scope', 'seq'], ['scope', 'target']],
  [C.bindings]: [['openid']],
  [C.staff]: [['openid'], ['townshipId']],
  [C.inbox]: [['openid', 'at']],
  [C.disclosureItems]: [['villageId', 'quarter']],
  [C.disclosureVersions]: [['itemKey', 'version']],
  [C.quarterStats]: [['villageId', 'quarter']],
  [C.followUps]: [['villageId', 'quarter', 'createdAt']],
  [C.subscriptions]: [['openid'], ['villageId']],
  [C.villageNotices]: [['villageId', 'at']],
  [C.tickets]: [['villageId', 'createdAt'], ['askerOpenid', 'createdAt']],
};
