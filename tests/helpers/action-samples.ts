import { testId } from './roster-file';
import { PLAIN_PNG } from './photo-metadata';

/**
 * Every action of every function, called by every kind of caller against 杨家村, and what must
 * happen: allowed, or refused with PERMISSION_DENIED / UNAUTHENTICATED. Written out by hand
 * (not read from the policy tables), so a policy that drifts fails here. An action missing
 * from this table fails too: new actions need a decision.
 */
export const CALLERS = {
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
export type CallerKind = keyof typeof CALLERS;
export const ALL = Object.keys(CALLERS) as CallerKind[];
const SIGNED_IN = ALL.filter((c) => c !== 'visitor');

/** The roster's own people: 书记, 会计 and 监委会主任 are villagers of 杨家村 too. */
const YANGJIA_VILLAGERS: CallerKind[] = ['villager', 'secretary', 'accountant', 'supervisor'];
const PNG = PLAIN_PNG.toString('base64');
const PAST = { villageId: 'yangjia', quarter: '2026Q3' };
/** An id of the right shape that names nothing: allowed callers get NOT_FOUND, others a refusal. */
const MATTER = '0123456789abcdef0123';

const headerOnlyCsv = Buffer.from('姓名,性别,身份证号,户号,与户主关系\r\n').toString('base64');
const assetsHeaderCsv = Buffer.from('资产名称,资产类别,经营性质,购建日期,原值,使用状态\r\n').toString('base64');

export const MATRIX: Record<string, Record<string, { input: unknown; allowed: CallerKind[] }>> = {
  village: {
    resolveCode: { input: { code: 'hs-yangjia' }, allowed: ALL },
    lapsedCode: { input: { code: 'hs-yangjia' }, allowed: ALL },
    directory: { input: {}, allowed: ALL },
    home: { input: { code: 'hs-yangjia' }, allowed: ALL },
    get: { input: { villageId: 'yangjia' }, allowed: ALL },
    supervisorPhone: { input: { villageId: 'yangjia' }, allowed: ALL },
    codes: { input: { villageId: 'yangjia' }, allowed: ['secretary', 'accountant', 'supervisor', 'townshipAdmin'] },
    issueCode: { input: { villageId: 'yangjia', reason: '公开栏上的码被雨淋坏了' }, allowed: ['townshipAdmin'] },
    disableCode: { input: { villageId: 'yangjia', code: 'hs-doufuli', reason: '试试停用别村的码' }, allowed: ['townshipAdmin'] },
    poster: { input: { villageId: 'yangjia' }, allowed: ALL },
    posters: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
    // A PDF is a file in storage: those who put the poster up (两委, 监委会, township), signed in.
    posterPdf: { input: { villageId: 'yangjia' }, allowed: ['secretary', 'accountant', 'supervisor', 'townshipAdmin', 'townshipDiscipline'] },
    postersPdf: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
    history: { input: { villageId: 'yangjia', from: 3 }, allowed: ALL },
    headLink: { input: { villageId: 'yangjia' }, allowed: ALL },
    checkHead: { input: { token: 'ab'.repeat(12) }, allowed: ALL },
    settings: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
    updateSettings: { input: { townshipId: 'huangsheng', ledgerSignatures: 'majority' }, allowed: ['townshipAdmin'] },
    // Anyone may report, but only a head this service signed, and only if the log really changed.
    historyAlarm: {
      input: {
        villageId: 'yangjia',
        held: { scope: 'yangjia', size: 3, root: 'ab'.repeat(32), at: null, signature: `${'A'.repeat(86)}==`, publicKey: `${'B'.repeat(43)}=` },
      },
      allowed: ALL,
    },
  },
  roster: {
    previewImport: { input: { villageId: 'yangjia', fileName: 'r.csv', fileBase64: headerOnlyCsv }, allowed: ['secretary', 'accountant'] },
    commitImport: { input: { villageId: 'yangjia', fileName: 'r.csv', fileBase64: headerOnlyCsv }, allowed: ['secretary', 'accountant'] },
    requestApproval: {
      input: { villageId: 'yangjia', fileName: 'r.csv', fileBase64: headerOnlyCsv, mode: 'replace', reason: '换届后重新核对花名册' },
      allowed: ['secretary', 'accountant'],
    },
    // Only the township admin confirms an import a cadre may not make alone.
    approvals: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin'] },
    decideApproval: { input: { townshipId: 'huangsheng', approvalId: `yangjia:replace:${'0'.repeat(64)}`, approve: true }, allowed: ['townshipAdmin'] },
    crossVillage: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
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
    upload: { input: { villageId: 'yangjia', name: '签字表.png', dataBase64: PNG }, allowed: ['secretary', 'accountant'] },
    submitQuarter: { input: { villageId: 'yangjia', quarter: '2026Q4' }, allowed: ['secretary', 'accountant'] },
    quarters: { input: { villageId: 'yangjia' }, allowed: ALL },
    verify: { input: { ...PAST, itemId: 'huangsheng:1-1' }, allowed: ALL },
    rate: { input: { ...PAST, rating: '满意' }, allowed: YANGJIA_VILLAGERS },
    followUpAdd: { input: { ...PAST, text: '请公开道路验收结果' }, allowed: ['supervisor'] },
    followUpClose: { input: { ...PAST, followUpId: '0123456789abcdef', result: '验收结果已公开' }, allowed: ['supervisor'] },
    catalog: { input: { townshipId: 'huangsheng' }, allowed: ALL },
    catalogAdd: { input: { townshipId: 'huangsheng', category: '村务', title: '人居环境整治' }, allowed: ['townshipAdmin'] },
    catalogRename: { input: { townshipId: 'huangsheng', itemId: 'huangsheng:5-3', title: '资产处置与变动情况' }, allowed: ['townshipAdmin'] },
    catalogRetire: { input: { townshipId: 'huangsheng', itemId: 'huangsheng:5-4' }, allowed: ['townshipAdmin'] },
    township: { input: { townshipId: 'huangsheng', quarter: '2026Q3' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
    subscribe: { input: { villageId: 'yangjia', on: true }, allowed: SIGNED_IN },
    subscription: { input: { villageId: 'yangjia' }, allowed: ALL },
    maskDraft: {
      input: { villageId: 'yangjia', title: '补贴名单', body: [{ type: 'paragraph', text: '联系电话 13805431234' }] },
      allowed: ['secretary', 'accountant'],
    },
    redact: { input: { ...PAST, itemId: 'huangsheng:2-3', reason: '名单里有完整的身份证号' }, allowed: ['townshipAdmin'] },
    boardPdf: { input: PAST, allowed: ['secretary', 'accountant', 'supervisor', 'townshipAdmin', 'townshipDiscipline'] },
  },
  finance: {
    accounts: { input: { villageId: 'yangjia' }, allowed: ALL },
    addRow: {
      input: {
        villageId: 'yangjia',
        date: '2026-11-02',
        accountId: 'huangsheng:out-3',
        amountFen: 1200,
        counterparty: '文印社',
        summary: '打印纸',
        handler: '杨秀梅',
      },
      allowed: ['accountant'],
    },
    removeRow: { input: { villageId: 'yangjia', rowId: '0123456789abcdef0123' }, allowed: ['accountant'] },
    previewImport: { input: { villageId: 'yangjia', fileName: 'r.csv', fileBase64: headerOnlyCsv }, allowed: ['accountant'] },
    commitImport: { input: { villageId: 'yangjia', fileName: 'r.csv', fileBase64: headerOnlyCsv }, allowed: ['accountant'] },
    mapAccount: { input: { villageId: 'yangjia', direction: '支出', label: '村民小组长补贴', accountId: 'huangsheng:out-2' }, allowed: ['accountant'] },
    exportMonth: { input: { villageId: 'yangjia', period: '2026-09' }, allowed: ALL },
    months: { input: { villageId: 'yangjia' }, allowed: ALL },
    month: { input: { villageId: 'yangjia', month: '2026-09' }, allowed: ALL },
    closeMonth: { input: { villageId: 'yangjia', month: '2026-11', declaredClosingFen: 0 }, allowed: ['accountant'] },
    reopenMonth: { input: { villageId: 'yangjia', month: '2026-10', reason: '核对银行对账单' }, allowed: ['accountant'] },
    queryRow: { input: { villageId: 'yangjia', rowId: '0123456789abcdef0123', reason: '这笔是什么' }, allowed: ['supervisor'] },
    answerQuery: { input: { villageId: 'yangjia', rowId: '0123456789abcdef0123', answer: '办公用品' }, allowed: ['accountant'] },
    // The 民主理财小组 signs (none of these callers is in 杨家村's); the 监委会 only where a village has no group.
    sign: { input: { villageId: 'yangjia', month: '2026-10' }, allowed: [] },
    report: { input: { villageId: 'yangjia', period: '2026Q3' }, allowed: ALL },
    years: { input: { villageId: 'yangjia' }, allowed: ALL },
    money: { input: { villageId: 'yangjia' }, allowed: ALL },
    seen: { input: { villageId: 'yangjia' }, allowed: ALL },
    fillDisclosure: { input: { villageId: 'yangjia', quarter: '2026Q3' }, allowed: ['secretary', 'accountant'] },
    // A published month: whoever may see it, as long as they are signed in (each PDF is counted and stored).
    statementPdf: { input: { villageId: 'yangjia', period: '2026-09' }, allowed: SIGNED_IN },
  },
  tickets: {
    upload: { input: { villageId: 'yangjia', name: '现场.png', dataBase64: PNG }, allowed: SIGNED_IN },
    ask: {
      input: { villageId: 'yangjia', subject: { type: 'disclosure', quarter: '2026Q3', itemId: 'huangsheng:1-3' }, text: '党费是怎么上缴的？' },
      allowed: YANGJIA_VILLAGERS,
    },
    file: { input: { villageId: 'yangjia', kind: 'suggestion', text: '建议村里多装几盏路灯', anonymous: true }, allowed: SIGNED_IN },
    queue: { input: { villageId: 'yangjia' }, allowed: ['supervisor', 'townshipAdmin', 'townshipDiscipline'] },
    triage: { input: { villageId: 'yangjia', ticketId: '0123456789abcdef0123', decision: '大事', reason: '村里处理不了' }, allowed: ['supervisor'] },
    assignees: { input: { villageId: 'yangjia' }, allowed: ['supervisor'] },
    // Whatever was handed to the caller: any verified villager of 杨家村 may ask (usually an empty list).
    assigned: { input: { villageId: 'yangjia' }, allowed: YANGJIA_VILLAGERS },
    township: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
    answer: {
      input: { villageId: 'yangjia', ticketId: '0123456789abcdef0123', text: '已全额上缴镇党委。' },
      allowed: ['supervisor', 'townshipAdmin', 'townshipDiscipline'],
    },
    rate: { input: { villageId: 'yangjia', ticketId: '0123456789abcdef0123', rating: '满意' }, allowed: SIGNED_IN },
    close: {
      input: { villageId: 'yangjia', ticketId: '0123456789abcdef0123', result: '已经处理完毕' },
      allowed: ['supervisor', 'townshipAdmin', 'townshipDiscipline'],
    },
    reveal: { input: { villageId: 'yangjia', ticketId: '0123456789abcdef0123', reason: '核查诬告线索' }, allowed: ['townshipDiscipline'] },
    mine: { input: { villageId: 'yangjia' }, allowed: ALL },
    stats: { input: { villageId: 'yangjia' }, allowed: ALL },
    board: { input: { villageId: 'yangjia' }, allowed: ALL },
    markPublic: { input: { villageId: 'yangjia', ticketId: '0123456789abcdef0123', public: true }, allowed: ['supervisor'] },
    second: { input: { villageId: 'yangjia', ticketId: '0123456789abcdef0123' }, allowed: YANGJIA_VILLAGERS },
  },
  matters: {
    list: { input: { villageId: 'yangjia' }, allowed: ALL },
    get: { input: { villageId: 'yangjia', matterId: MATTER }, allowed: ALL },
    // The 书记 for the party branch; any verified villager starts one that then needs co-signing.
    propose: {
      input: { villageId: 'yangjia', title: '修缮村内道路', summary: '村内主路坑洼，提议修缮。', decisionBody: 'representatives' },
      allowed: YANGJIA_VILLAGERS,
    },
    cosign: { input: { villageId: 'yangjia', matterId: MATTER }, allowed: YANGJIA_VILLAGERS },
    discuss: { input: { villageId: 'yangjia', matterId: MATTER, agreed: true, record: '两委同意提交审议' }, allowed: ['secretary'] },
    openVote: { input: { villageId: 'yangjia', matterId: MATTER, closesAt: '2026-11-30T08:00:00+08:00' }, allowed: ['secretary'] },
    // Whether the caller is on the meeting's list is decided against the meeting.
    vote: { input: { villageId: 'yangjia', meetingId: MATTER, choice: '同意' }, allowed: YANGJIA_VILLAGERS },
    recordInPerson: { input: { villageId: 'yangjia', meetingId: MATTER, personId: 'yangjia:nobody', choice: '同意' }, allowed: ['supervisor'] },
    recordPaperBox: { input: { villageId: 'yangjia', meetingId: MATTER, counts: { 同意: 1, 不同意: 0, 弃权: 0 } }, allowed: ['supervisor'] },
    electorate: { input: { villageId: 'yangjia', meetingId: MATTER }, allowed: ['supervisor'] },
    close: { input: { villageId: 'yangjia', meetingId: MATTER }, allowed: ['supervisor'] },
    recount: { input: { villageId: 'yangjia', meetingId: MATTER }, allowed: ['supervisor', 'townshipAdmin', 'townshipDiscipline'] },
    receipts: { input: { villageId: 'yangjia', meetingId: MATTER }, allowed: ALL },
    file: { input: { villageId: 'yangjia', matterId: MATTER, decision: 'approve' }, allowed: ['townshipAdmin'] },
    publish: { input: { villageId: 'yangjia', matterId: MATTER, text: '决议内容如下' }, allowed: ['secretary'] },
    filings: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
  },
  identity: {
    whoami: { input: {}, allowed: ALL },
    inbox: { input: {}, allowed: ALL },
    markRead: { input: { ids: ['2026-11-23T02:00:00.000Z:abcdef123456'] }, allowed: ALL },
    status: { input: { villageId: 'yangjia' }, allowed: ALL },
    verify: { input: { villageId: 'yangjia', name: '不在册', idNumber: testId(3999) }, allowed: SIGNED_IN },
    bindRequests: { input: { villageId: 'yangjia' }, allowed: ['supervisor'] },
    decideBind: { input: { villageId: 'yangjia', requestId: 'yangjia:nobody', approve: true }, allowed: ['supervisor'] },
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
  assets: {
    village: { input: { villageId: 'yangjia' }, allowed: ALL },
    contract: { input: { villageId: 'yangjia', contractId: MATTER }, allowed: ALL },
    addAsset: {
      input: {
        villageId: 'yangjia',
        name: '村委会办公楼',
        use: 'public',
        kind: 'building',
        location: '村中心',
        acquiredOn: '2010-05-01',
        originalFen: 50_000_000,
        state: 'in_use',
        keeper: '杨会计',
      },
      allowed: ['accountant'],
    },
    updateAsset: {
      input: {
        villageId: 'yangjia',
        assetId: MATTER,
        reason: '改正原值',
        name: '村委会办公楼',
        use: 'public',
        kind: 'building',
        location: '村中心',
        acquiredOn: '2010-05-01',
        originalFen: 50_000_000,
        state: 'in_use',
        keeper: '杨会计',
      },
      allowed: ['accountant'],
    },
    addResource: {
      input: { villageId: 'yangjia', name: '东洼耕地', landKind: 'arable', areaMu100: 1250, location: '村东', state: 'uncontracted' },
      allowed: ['accountant'],
    },
    updateResource: {
      input: {
        villageId: 'yangjia',
        resourceId: MATTER,
        reason: '重新丈量',
        name: '东洼耕地',
        landKind: 'arable',
        areaMu100: 1250,
        location: '村东',
        state: 'uncontracted',
      },
      allowed: ['accountant'],
    },
    addContract: {
      input: {
        villageId: 'yangjia',
        subject: { type: 'resource', id: MATTER },
        kind: 'outsource',
        counterparty: { name: '李建国', personId: null },
        startOn: '2026-11-01',
        endOn: '2031-10-31',
        priceFenPerYear: 800_000,
        schedule: 'yearly',
        depositFen: 0,
        award: { method: 'negotiated', reason: '只有一户愿意承包' },
        decision: null,
      },
      allowed: ['accountant'],
    },
    renewContract: {
      input: {
        villageId: 'yangjia',
        contractId: MATTER,
        endOn: '2036-10-31',
        priceFenPerYear: 900_000,
        schedule: 'yearly',
        award: { method: 'negotiated', reason: '原承包户续包' },
        decision: null,
      },
      allowed: ['accountant'],
    },
    terminateContract: { input: { villageId: 'yangjia', contractId: MATTER, on: '2026-12-01', reason: '承包户主动退包' }, allowed: ['accountant'] },
    rentTargets: { input: { villageId: 'yangjia', counterparty: '李建国' }, allowed: ['accountant'] },
    answerWarning: {
      input: { villageId: 'yangjia', warningId: 'yangjia:overdue:x:y', kind: 'collect', text: '已上门催收' },
      allowed: ['secretary', 'accountant', 'supervisor'],
    },
    closeWarning: { input: { villageId: 'yangjia', warningId: 'yangjia:overdue:x:y', text: '租金已经交清' }, allowed: ['supervisor'] },
    township: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
    settings: { input: { townshipId: 'huangsheng' }, allowed: ['townshipAdmin', 'townshipDiscipline'] },
    updateSettings: {
      input: { townshipId: 'huangsheng', termLimitYears: 30, expiringDays: 90, idleMonths: 6, referencePriceFen: {} },
      allowed: ['townshipAdmin'],
    },
    previewImport: { input: { villageId: 'yangjia', register: 'assets', fileName: 'a.csv', fileBase64: assetsHeaderCsv }, allowed: ['accountant'] },
    commitImport: { input: { villageId: 'yangjia', register: 'assets', fileName: 'a.csv', fileBase64: assetsHeaderCsv }, allowed: ['accountant'] },
    // The 两委, as the 财务 items: drafts go to the 监委会 for review before anyone else sees them.
    draftDisclosure: { input: PAST, allowed: ['secretary', 'accountant'] },
  },
  plain: {
    // 明白账: published words for whoever scanned the code; the 两委 preview and draft the quarter's item.
    summary: { input: { villageId: 'yangjia', period: '2026Q3' }, allowed: ALL },
    preview: { input: { villageId: 'yangjia', period: '2026Q3' }, allowed: ['secretary', 'accountant'] },
    draft: { input: PAST, allowed: ['secretary', 'accountant'] },
  },
  household: {
    // 我家: a verified villager of 杨家村 reads their own household; anyone else is refused.
    mine: { input: { villageId: 'yangjia' }, allowed: YANGJIA_VILLAGERS },
    // Only the 监委会 looks at another household, with a reason (a person of no household: NOT_FOUND).
    inspect: { input: { villageId: 'yangjia', personId: 'yangjia:nobody', reason: '核对补贴发放的投诉' }, allowed: ['supervisor'] },
  },
};
