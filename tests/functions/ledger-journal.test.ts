import { functionsHost } from '../helpers/host';
import { cashJournal, octoberVouchers, openingFor, vouchersIn } from '../helpers/journal-file';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();

// The test host's clock is 2026-11-23: the demo books are published from 2025-07 to 2026-09, October is open.
const OCT = '2026-10';
const ok = (action: string, data: unknown, persona?: string) => host.ok('finance', action, data, persona);
const error = async (action: string, data: unknown, persona?: string) => {
  const res = await host.send('finance', action, data, persona);
  if (res.body.ok) throw new Error(`${action} was not refused`);
  return res.body.error as { code: string; message: string };
};
const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${String(Math.floor(Math.abs(fen) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const closingOf = async (villageId: string, month: string): Promise<number> => (await ok('month', { villageId, month })).declaredClosingFen;
const openingOf = async (villageId: string, month: string): Promise<number> => (await ok('month', { villageId, month })).openingFen;

describe('a cash journal as the platform exports it', () => {
  it('previews with the header found on row 3, every skipped row and why, and 借方 read as 收入 for the 会计 to confirm', async () => {
    const j = await cashJournal({ openingFen: await closingOf('yangjia', '2026-09') });
    const preview = await ok('previewImport', { villageId: 'yangjia', fileName: '杨家村现金日记账202610.xlsx', fileBase64: j.base64 }, 'yangjia-accountant');
    expect(preview).toMatchObject({
      rows: 7,
      months: [OCT],
      incomeFen: j.incomeFen,
      expenseFen: j.expenseFen,
      problems: [],
      headerRow: 3,
      journal: '现金日记账',
      debitIsIncome: true,
      openingFen: j.openingFen,
      closingFen: j.closingFen,
      unknownAccounts: [],
    });
    expect(preview.columns.map((c: { header: string; readAs: string }) => `${c.header}→${c.readAs}`)).toEqual([
      '日期→日期',
      '凭证号→凭证号（不导入）',
      '摘要→摘要',
      '科目编码→科目编码',
      '科目名称→科目',
      '借方金额→收入（借方）',
      '贷方金额→支出（贷方）',
      '余额→余额（用来核对）',
    ]);
    expect(preview.skipped.map((s: { row: number }) => s.row)).toEqual([1, 2, 4, 9, 10, 14, 15, 16]);
    expect(preview.skipped[2].reason).toBe(`期初余额 ${yuan(j.openingFen)} 元（与2026年9月的月末余额一致）`);
  });

  it('imports only once the 会计 confirms 借方 = 收入, and closing at the file’s 期末 leaves no difference', async () => {
    const j = await cashJournal({ openingFen: await closingOf('yangjia', '2026-09') });
    const file = { villageId: 'yangjia', fileName: '现金日记账.xlsx', fileBase64: j.base64 };
    const before = storeDigest(host.store);
    expect(await error('commitImport', file, 'yangjia-accountant')).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '这个文件要按“借方记收入、贷方记支出”导入，请先在预览里确认，没有导入任何一行。',
    });
    expect((await error('commitImport', { ...file, debitIsIncome: false }, 'yangjia-accountant')).code).toBe('INVALID_ARGUMENT');
    expect(storeDigest(host.store)).toBe(before);

    const done = await ok('commitImport', { ...file, debitIsIncome: true }, 'yangjia-accountant');
    expect(done).toMatchObject({ rows: 7, incomeFen: j.incomeFen, expenseFen: j.expenseFen });
    const month = await ok('month', { villageId: 'yangjia', month: OCT }, 'yangjia-accountant');
    expect(
      month.rows.map((r: { date: string; direction: string; account: string; amountFen: number; summary: string }) => [
        r.date,
        r.direction,
        r.account,
        r.amountFen,
        r.summary,
      ]),
    ).toEqual([
      ['2026-10-05', '收入', '补助收入', 28_600_00, '收到10月村级组织运转经费'],
      ['2026-10-08', '支出', '公益支出', 1_286_50, '支付村内保洁费'],
      ['2026-10-09', '支出', '管理费用-办公费', 350_00, '购买打印纸、墨盒'],
      ['2026-10-12', '支出', '管理费用-招待费', 860_00, '镇工作组误餐'],
      ['2026-10-15', '支出', '管理费用-干部报酬', 1_200_00, '10月村干部误工补贴'],
      ['2026-10-20', '支出', '管理费用-其他管理费用', 420_00, '路灯维修'],
      ['2026-10-25', '收入', '其他收入', 12_34, '收到银行存款利息'],
    ]);

    const closed = await ok('closeMonth', { villageId: 'yangjia', month: OCT, declaredClosingFen: j.closingFen }, 'yangjia-accountant');
    expect(closed.openingFen).toBe(j.openingFen);
    expect(closed.computedClosingFen).toBe(closed.declaredClosingFen);
    // Two of the 民主理财小组's three sign: the month is public.
    await ok('sign', { villageId: 'yangjia', month: OCT }, 'yangjia-finance');
    expect((await ok('sign', { villageId: 'yangjia', month: OCT }, 'yangjia-finance-2')).state).toBe('published');
  });

  it('refuses a journal whose 期初余额 or 本月合计 disagree, naming both numbers in 元, and writes nothing', async () => {
    const sep = await closingOf('dajiang', '2026-09');
    const j = await cashJournal({ village: '大姜村', openingFen: sep + 742_019_40, monthTotal: { incomeFen: 28_000_00 } });
    const file = { villageId: 'dajiang', fileName: '现金日记账.xlsx', fileBase64: j.base64 };
    const preview = await ok('previewImport', file, 'dajiang-accountant');
    expect(preview.problems).toEqual([
      {
        row: 4,
        message: `文件的期初余额是 ${yuan(sep + 742_019_40)} 元，账上2026年10月的月初余额（2026年9月的月末余额）是 ${yuan(sep)} 元，相差 742,019.40 元。请核对后再导入。`,
      },
      { row: 14, message: '本月合计借方写的是 28,000.00 元，逐笔加起来是 28,612.34 元，相差 612.34 元。' },
    ]);
    const before = storeDigest(host.store);
    const refused = await error('commitImport', { ...file, debitIsIncome: true }, 'dajiang-accountant');
    expect(refused.code).toBe('INVALID_ARGUMENT');
    expect(refused.message).toContain('第 4 行：文件的期初余额是');
    expect(storeDigest(host.store)).toBe(before);
  });
});

describe('an account the chart does not know', () => {
  const vouchers = [
    ...octoberVouchers(),
    { date: '2026-10-26', voucher: '记-008', summary: '村民小组长误工', code: '', account: '村民小组长补贴', side: '贷' as const, fen: 300_00 },
  ];

  it('is listed with the accounts to choose from, and nothing imports until it is picked', async () => {
    const j = await cashJournal({ village: '堤圈村', openingFen: await closingOf('diquan', '2026-09'), vouchers });
    const file = { villageId: 'diquan', fileName: '现金日记账.xlsx', fileBase64: j.base64 };
    const preview = await ok('previewImport', file, 'diquan-accountant');
    expect(preview.problems).toEqual([]);
    expect(preview.unknownAccounts).toHaveLength(1);
    expect(preview.unknownAccounts[0]).toMatchObject({ direction: '支出', label: '村民小组长补贴', code: null, rows: [14] });
    expect(preview.unknownAccounts[0].choices.map((a: { name: string }) => a.name)).toEqual([
      '经营支出',
      '干部报酬',
      '办公费',
      '招待费',
      '差旅费',
      '其他管理费用',
      '公益支出',
      '其他支出',
    ]);
    const refused = await error('commitImport', { ...file, debitIsIncome: true }, 'diquan-accountant');
    expect(refused).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '还有 1 个科目不知道对应哪个科目：“村民小组长补贴”。请在预览里为每个选一个科目（只需选一次，以后导入会记住），没有导入任何一行。',
    });
  });

  it('is mapped by the 会计 only, once, for the village, and read so by every later import', async () => {
    const mapping = { villageId: 'diquan', direction: '支出', label: '村民小组长补贴', accountId: 'huangsheng:out-2' };
    const before = storeDigest(host.store);
    for (const persona of ['diquan-secretary', 'diquan-finance', 'dajiang-accountant', undefined]) {
      expect(['PERMISSION_DENIED', 'UNAUTHENTICATED']).toContain((await error('mapAccount', mapping, persona)).code);
    }
    expect(await error('mapAccount', { ...mapping, direction: '收' }, 'diquan-accountant')).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await error('mapAccount', { ...mapping, extra: 1 }, 'diquan-accountant')).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '参数有误：请求中有不认识的字段：extra。',
    });
    expect(await error('mapAccount', { ...mapping, accountId: 'huangsheng:in-3' }, 'diquan-accountant')).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '没有这个支出科目，请从列出的支出科目里选一个。',
    });
    // A name the chart knows cannot be pointed elsewhere: 招待费 stays 招待费.
    expect(await error('mapAccount', { ...mapping, label: '业务招待费', accountId: 'huangsheng:out-3' }, 'diquan-accountant')).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '“业务招待费”就是科目“管理费用-招待费”，导入时会直接认出，不需要再选。',
    });
    expect(storeDigest(host.store)).toBe(before);

    expect(await ok('mapAccount', mapping, 'diquan-accountant')).toEqual({
      direction: '支出',
      label: '村民小组长补贴',
      accountId: 'huangsheng:out-2',
      account: '管理费用-干部报酬',
    });
    const j = await cashJournal({ village: '堤圈村', openingFen: await closingOf('diquan', '2026-09'), vouchers });
    const file = { villageId: 'diquan', fileName: '现金日记账（第二次）.xlsx', fileBase64: j.base64 };
    const preview = await ok('previewImport', file, 'diquan-accountant');
    expect(preview.unknownAccounts).toEqual([]);
    await ok('commitImport', { ...file, debitIsIncome: true }, 'diquan-accountant');
    const row = (await ok('month', { villageId: 'diquan', month: OCT }, 'diquan-accountant')).rows.find(
      (r: { summary: string }) => r.summary === '村民小组长误工',
    );
    expect(row).toMatchObject({ account: '管理费用-干部报酬', amountFen: 300_00 });
    // Another village keeps its own names.
    const other = await ok('previewImport', { villageId: 'doufuli', fileName: 'x.xlsx', fileBase64: j.base64 }, 'doufuli-accountant');
    expect(other.unknownAccounts.map((u: { label: string }) => u.label)).toEqual(['村民小组长补贴']);
  });
});

describe('balances chain both ways', () => {
  // 2025-06 comes before the first published month of the demo books (2025-07): books entered backwards.
  const JUNE = '2025-06';
  const june = vouchersIn(JUNE);

  it('refuses to import a month before the first published one when it would not close where the next month opens', async () => {
    const july = await openingOf('yangjia', '2025-07');
    const j = await cashJournal({ period: JUNE, openingFen: 10_000_00, vouchers: june });
    const preview = await ok('previewImport', { villageId: 'yangjia', fileName: '2025年6月现金日记账.xlsx', fileBase64: j.base64 }, 'yangjia-accountant');
    expect(preview.problems).toEqual([
      {
        row: 14,
        message: `导入后2025年6月的月末余额 ${yuan(j.closingFen)} 元，与已公示的2025年7月月初余额 ${yuan(july)} 元接不上（相差 ${yuan(Math.abs(j.closingFen - july))} 元）。请核对后再导入，或先核对已公示月份的月初余额。`,
      },
    ]);
  });

  it('imports, closes and signs that month only where it meets the published month after it', async () => {
    const july = await openingOf('yangjia', '2025-07');
    const j = await cashJournal({ period: JUNE, openingFen: openingFor(june, july), vouchers: june });
    expect(j.closingFen).toBe(july);
    await ok('commitImport', { villageId: 'yangjia', fileName: '2025年6月现金日记账.xlsx', fileBase64: j.base64, debitIsIncome: true }, 'yangjia-accountant');
    const before = storeDigest(host.store);
    expect(
      await error('closeMonth', { villageId: 'yangjia', month: JUNE, openingFen: j.openingFen, declaredClosingFen: july + 100 }, 'yangjia-accountant'),
    ).toEqual({
      code: 'FAILED_PRECONDITION',
      message: `不能结账：2025年6月的月末余额 ${yuan(july + 100)} 元，与已公示的2025年7月月初余额 ${yuan(july)} 元接不上（相差 1.00 元）。请按银行对账单和库存现金核对2025年6月的账；已公示的月份不能再改。`,
    });
    expect(storeDigest(host.store)).toBe(before);
    const closed = await ok('closeMonth', { villageId: 'yangjia', month: JUNE, openingFen: j.openingFen, declaredClosingFen: july }, 'yangjia-accountant');
    expect(closed.computedClosingFen).toBe(july);
    await ok('sign', { villageId: 'yangjia', month: JUNE }, 'yangjia-finance');
    expect((await ok('sign', { villageId: 'yangjia', month: JUNE }, 'yangjia-finance-3')).state).toBe('published');
  });

  it('refuses a typed 月初余额 other than last month’s published closing, naming both', async () => {
    // 大姜村: its September is published (豆腐李村's waits for a second signature).
    const sep = await closingOf('dajiang', '2026-09');
    expect(
      await error('closeMonth', { villageId: 'dajiang', month: OCT, openingFen: sep + 5_00, declaredClosingFen: sep + 5_00 }, 'dajiang-accountant'),
    ).toEqual({
      code: 'FAILED_PRECONDITION',
      message: `2026年10月的月初余额 ${yuan(sep + 5_00)} 元，与已公示的2026年9月月末余额 ${yuan(sep)} 元接不上（相差 5.00 元）。月初余额会自动接上个月公示的月末余额，不用填写。`,
    });
    expect((await ok('month', { villageId: 'dajiang', month: OCT }, 'dajiang-accountant')).state).toBe('open');
  });

  it('refuses to sign a month whose month before was published since at another closing balance', async () => {
    // 2025-06 is closed first, opening at 1,000.00 and closing where July opens; then May is closed
    // and published closing at 900.00, so June no longer opens where May closed.
    const july = await openingOf('doufuli', '2025-07');
    await ok('closeMonth', { villageId: 'doufuli', month: JUNE, openingFen: july, declaredClosingFen: july }, 'doufuli-accountant');
    await ok('closeMonth', { villageId: 'doufuli', month: '2025-05', openingFen: july - 100_00, declaredClosingFen: july - 100_00 }, 'doufuli-accountant');
    await ok('sign', { villageId: 'doufuli', month: '2025-05' }, 'doufuli-finance');
    expect((await ok('sign', { villageId: 'doufuli', month: '2025-05' }, 'doufuli-finance-2')).state).toBe('published');
    const before = storeDigest(host.store);
    expect(await error('sign', { villageId: 'doufuli', month: JUNE }, 'doufuli-finance')).toEqual({
      code: 'FAILED_PRECONDITION',
      message: `余额接不上，不能签字：2025年6月的月初余额 ${yuan(july)} 元，与已公示的2025年5月月末余额 ${yuan(july - 100_00)} 元接不上（相差 100.00 元）。请会计重新打开这个月，核对余额后再结账。`,
    });
    expect(storeDigest(host.store)).toBe(before);
  });
});
