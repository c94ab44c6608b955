import ExcelJS from 'exceljs';
import { functionsHost } from '../helpers/host';
import { fenOf, ledgerLines, ledgerXlsx } from '../helpers/ledger-file';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();

// The test host's clock is 2026-11-23: the demo books are published up to 2026-09, October is open.
const OCT = '2026-10';
const ok = (action: string, data: unknown, persona?: string) => host.ok('finance', action, data, persona);

describe('demo books', () => {
  it('have fifteen published months per village whose balances chain, and October open', async () => {
    const list = (await ok('months', { villageId: 'yangjia' }, 'yangjia-accountant')).months;
    // The 会计 sees the current month and the one just ended, ready to take rows.
    expect(list.slice(0, 2)).toEqual([
      { month: '2026-11', state: 'open', rows: 0, openQueries: 0, closeBy: '2026-12-10', publishBy: '2026-12-15', late: false },
      // October should have been published by 15 November.
      { month: OCT, state: 'open', rows: 0, openQueries: 0, closeBy: '2026-11-10', publishBy: '2026-11-15', late: true },
    ]);
    // The demo signs each month on the 6th: on time.
    expect(list.find((m: { month: string }) => m.month === '2026-09')).toMatchObject({ state: 'published', publishBy: '2026-10-15', late: false });
    expect(list.filter((m: { state: string }) => m.state === 'published')).toHaveLength(15);
    const aug = await ok('month', { villageId: 'yangjia', month: '2026-08' });
    const sep = await ok('month', { villageId: 'yangjia', month: '2026-09' });
    expect(sep.openingFen).toBe(aug.declaredClosingFen);
    expect(sep.declaredClosingFen).toBe(sep.openingFen + sep.incomeFen - sep.expenseFen);
    // The public sees published months only.
    expect((await ok('months', { villageId: 'yangjia' })).months.map((m: { month: string }) => m.month)).not.toContain(OCT);
    expect((await host.call('finance', 'month', { villageId: 'yangjia', month: OCT })).body.error.code).toBe('NOT_FOUND');
  });
});

describe('money page', () => {
  it('answers the villager far away: balance, this month, quarter and year by category, and last year beside it', async () => {
    const m = await ok('money', { villageId: 'yangjia' });
    const sep = await ok('month', { villageId: 'yangjia', month: '2026-09' });
    expect(m).toMatchObject({ latestMonth: '2026-09', balanceFen: sep.declaredClosingFen });
    expect(m.month).toMatchObject({ period: '2026-09', label: '2026年9月', incomeFen: sep.incomeFen, expenseFen: sep.expenseFen });
    const sum = (list: { direction: string; amountFen: number }[], d: string) => list.filter((c) => c.direction === d).reduce((s, c) => s + c.amountFen, 0);
    expect(sum(m.month.byCategory, '收入')).toBe(sep.incomeFen);
    expect(m.quarter).toMatchObject({ period: '2026Q3', months: ['2026-07', '2026-08', '2026-09'], gapFen: 0 });
    expect(m.year.gapFen).toBe(0);
    // Last year's Q3 is published in full: the quarter is compared like for like.
    expect(m.quarter.comparison.comparable).toBe(true);
    expect(m.year.months).toHaveLength(9);
    expect(m.year.openingFen).toBe((await ok('month', { villageId: 'yangjia', month: '2026-01' })).openingFen);
    expect(m.quarter.largest[0].amountFen).toBeGreaterThanOrEqual(m.quarter.largest[1].amountFen);
  });

  it('flags a large single expense and a month of 招待费 above the line, in plain words', async () => {
    const yangjia = await ok('money', { villageId: 'yangjia' });
    expect(yangjia.flagged.find((r: { summary: string }) => r.summary.includes('道路维修'))?.flags[0]).toMatch(
      /^单笔支出 [\d,]+\.\d{2} 元，达到 50,000.00 元的提示线$/,
    );
    const doufuli = await ok('money', { villageId: 'doufuli' });
    const meals = doufuli.flagged.filter((r: { account: string }) => r.account === '管理费用-招待费');
    expect(meals).toHaveLength(2);
    expect(meals[0].flags).toEqual(['本月招待费合计 2,240.00 元，超过 2,000.00 元']);
  });
});

describe('a month from import to 月公示', () => {
  const lines = ledgerLines(OCT, 60);
  const badLines = lines.map((l, i) => (i === 17 ? ([l[0], l[1], l[2], '12.345', l[4], l[5], l[6]] as typeof l) : l));

  it('previews an import with each bad row named, and imports nothing while any row is wrong', async () => {
    const file = { villageId: 'dajiang', fileName: '10月.xlsx', fileBase64: await ledgerXlsx(badLines) };
    const preview = await ok('previewImport', file, 'dajiang-accountant');
    expect(preview.problems).toEqual([{ row: 19, message: '金额“12.345”不对：应为大于 0 的数，最多两位小数。' }]);
    const before = storeDigest(host.store);
    const refused = await host.send('finance', 'commitImport', file, 'dajiang-accountant');
    expect(refused.body.error.code).toBe('INVALID_ARGUMENT');
    expect(refused.body.error.message).toContain('第 19 行');
    expect(storeDigest(host.store)).toBe(before);
  });

  it('imports the fixed file once, refuses it a second time, and keeps the month’s totals', async () => {
    const file = { villageId: 'dajiang', fileName: '10月.xlsx', fileBase64: await ledgerXlsx(lines) };
    const [a, b] = await Promise.all([
      host.send('finance', 'commitImport', file, 'dajiang-accountant'),
      host.send('finance', 'commitImport', file, 'dajiang-accountant'),
    ]);
    const codes = [a, b].map((r) => (r.body.ok ? 'ok' : r.body.error.code)).sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    const month = await ok('month', { villageId: 'dajiang', month: OCT }, 'dajiang-accountant');
    expect(month).toMatchObject({ state: 'open', incomeFen: fenOf(lines, '收入'), expenseFen: fenOf(lines, '支出') });
    expect(month.rows).toHaveLength(60);
  });

  it('will not close a month that does not reconcile, saying both figures and by how much, and saves nothing', async () => {
    const sep = await ok('month', { villageId: 'dajiang', month: '2026-09' });
    const right = sep.declaredClosingFen + fenOf(lines, '收入') - fenOf(lines, '支出');
    const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
    const auditBefore = (await host.call('identity', 'auditList', { villageId: 'dajiang' }, 'dajiang-supervisor')).body.data.total;
    const before = storeDigest(host.store);
    const refused = await host.call('finance', 'closeMonth', { villageId: 'dajiang', month: OCT, declaredClosingFen: right + 1234 }, 'dajiang-accountant');
    expect(refused.body.error.code).toBe('FAILED_PRECONDITION');
    expect(refused.body.error.message).toContain('账不平，不能结账');
    expect(refused.body.error.message).toContain(`= ${yuan(right)} 元，填写的月末余额是 ${yuan(right + 1234)} 元，相差 12.34 元。`);
    expect(storeDigest(host.store)).toBe(before);
    expect((await ok('month', { villageId: 'dajiang', month: OCT }, 'dajiang-accountant')).state).toBe('open');
    expect((await host.call('identity', 'auditList', { villageId: 'dajiang' }, 'dajiang-supervisor')).body.data.total).toBe(auditBefore);
    await ok('closeMonth', { villageId: 'dajiang', month: OCT, declaredClosingFen: right }, 'dajiang-accountant');
  });

  it('lets the panel query a row, waits for the 会计’s answer, then signs and publishes', async () => {
    const month = await ok('month', { villageId: 'dajiang', month: OCT }, 'dajiang-finance');
    const row = month.rows[4];
    await ok('queryRow', { villageId: 'dajiang', rowId: row.id, reason: '这笔办公费买了什么？' }, 'dajiang-finance');
    const blocked = await host.call('finance', 'sign', { villageId: 'dajiang', month: OCT }, 'dajiang-finance');
    expect(blocked.body.error.message).toBe('还有 1 笔质询没有答复，答复后才能签字。');
    // Only the 会计 answers; the panel cannot answer its own query.
    expect((await host.call('finance', 'answerQuery', { villageId: 'dajiang', rowId: row.id, answer: '自己答' }, 'dajiang-finance')).body.error.code).toBe(
      'PERMISSION_DENIED',
    );
    const answered = await ok('answerQuery', { villageId: 'dajiang', rowId: row.id, answer: '打印纸 10 箱，发票已附' }, 'dajiang-accountant');
    expect(answered.query).toMatchObject({ reason: '这笔办公费买了什么？', answer: '打印纸 10 箱，发票已附' });
    // The group has three: the first signature leaves the month closed, the second publishes it.
    expect((await ok('sign', { villageId: 'dajiang', month: OCT }, 'dajiang-finance')).state).toBe('closed');
    expect((await host.call('finance', 'month', { villageId: 'dajiang', month: OCT })).body.error.code).toBe('NOT_FOUND');
    const signed = await ok('sign', { villageId: 'dajiang', month: OCT }, 'dajiang-finance-2');
    expect(signed.state).toBe('published');
    // Now public, and immutable: a correction is an adjusting entry in a later month.
    expect((await ok('month', { villageId: 'dajiang', month: OCT })).rows).toHaveLength(60);
    const late = await host.call(
      'finance',
      'addRow',
      { villageId: 'dajiang', date: '2026-10-30', accountId: 'huangsheng:out-3', amountFen: 100, counterparty: '', summary: '补记', handler: '' },
      'dajiang-accountant',
    );
    expect(late.body.error.code).toBe('FAILED_PRECONDITION');
    const adjusting = await ok(
      'addRow',
      {
        villageId: 'dajiang',
        date: '2026-11-02',
        accountId: 'huangsheng:in-5',
        amountFen: 50,
        counterparty: '沾化区文印社',
        summary: '退回 10 月多付的办公费',
        handler: '姜海燕',
        adjusts: { rowId: row.id, reason: '10 月办公费多付 0.50 元' },
      },
      'dajiang-accountant',
    );
    expect(adjusting).toMatchObject({ month: '2026-11', adjusts: { rowId: row.id } });
  });

  it('lists exactly the new month under 自上次查看以来 for a villager who looked before', async () => {
    // (The villager looked before October was published, in the beforeAll of another host; here we look now.)
    const first = await ok('money', { villageId: 'diquan' }, 'diquan-villager');
    expect(first.lastViewedAt).toBeNull();
    expect(first.sinceLastView.map((m: { month: string }) => m.month)).toEqual(['2026-09', '2026-08', '2026-07']);
    await ok('seen', { villageId: 'diquan' }, 'diquan-villager');
    host.clock.advance(60_000);
    expect((await ok('money', { villageId: 'diquan' }, 'diquan-villager')).sinceLastView).toEqual([]);

    const lines10 = ledgerLines(OCT, 6);
    await ok('commitImport', { villageId: 'diquan', fileName: 'oct.xlsx', fileBase64: await ledgerXlsx(lines10) }, 'diquan-accountant');
    const sep = await ok('month', { villageId: 'diquan', month: '2026-09' });
    await ok(
      'closeMonth',
      { villageId: 'diquan', month: OCT, declaredClosingFen: sep.declaredClosingFen + fenOf(lines10, '收入') - fenOf(lines10, '支出') },
      'diquan-accountant',
    );
    host.clock.advance(60_000);
    await ok('sign', { villageId: 'diquan', month: OCT }, 'diquan-finance');
    await ok('sign', { villageId: 'diquan', month: OCT }, 'diquan-finance-3');
    const after = await ok('money', { villageId: 'diquan' }, 'diquan-villager');
    expect(after.sinceLastView.map((m: { month: string }) => m.month)).toEqual([OCT]);
    expect(after.latestMonth).toBe(OCT);
  });
});

describe('reports, export and the disclosure link', () => {
  it('exports a published month as .xlsx in the columns the import reads', async () => {
    const out = await ok('exportMonth', { villageId: 'yangjia', period: '2026-09' });
    expect(out.fileName).toBe('杨家村2026年9月收支明细.xlsx');
    const wb = new ExcelJS.Workbook();
    // The file is in storage; the answer carries where.
    const file = await fetch(host.url + out.url);
    expect(file.status).toBe(200);
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['日期', '收支', '科目', '金额（元）']);
    const month = await ok('month', { villageId: 'yangjia', month: '2026-09' });
    expect(ws.rowCount - 1).toBe(month.rows.length);
    expect((await host.call('finance', 'exportMonth', { villageId: 'yangjia', period: OCT })).body.error.code).toBe('NOT_FOUND');
  });

  it('drafts the quarter’s 财务 disclosure items from the published ledger in one action', async () => {
    const res = await ok('fillDisclosure', { villageId: 'yangjia', quarter: '2026Q3' }, 'yangjia-accountant');
    expect(res.drafted).toEqual(['huangsheng:3-1', 'huangsheng:3-2', 'huangsheng:3-4']);
    const drafts = (await host.call('disclosure', 'drafts', { villageId: 'yangjia', quarter: '2026Q3' }, 'yangjia-accountant')).body.data.items;
    const summary = drafts.find((d: { itemId: string }) => d.itemId === 'huangsheng:3-2');
    const q = await ok('report', { villageId: 'yangjia', period: '2026Q3' });
    expect(summary).toMatchObject({ state: 'draft', amountFen: q.incomeFen, publishedVersion: 1 });
    expect(summary.body[1].rows).toHaveLength(q.byCategory.length);
    expect((await host.call('finance', 'fillDisclosure', { villageId: 'yangjia', quarter: '2026Q3' }, 'yangjia-villager')).body.error.code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('sends a villager’s question about a ledger row to the 监委会 with a link to the row', async () => {
    const sep = await ok('month', { villageId: 'yangjia', month: '2026-09' });
    const row = sep.rows[0];
    const asked = await host.call(
      'tickets',
      'ask',
      { villageId: 'yangjia', subject: { type: 'ledger', month: '2026-09', rowId: row.id }, text: '这笔补助是哪里拨的？' },
      'yangjia-villager',
    );
    expect(asked.body.data).toMatchObject({
      subject: { type: 'ledger', title: `${row.date} ${row.summary}` },
      link: `/pages/money/index?villageId=yangjia&month=2026-09&rowId=${row.id}`,
    });
    const open = await host.call(
      'tickets',
      'ask',
      { villageId: 'yangjia', subject: { type: 'ledger', month: '2026-11', rowId: '0123456789abcdef0123' }, text: '这笔是什么？' },
      'yangjia-villager',
    );
    expect(open.body.error.code).toBe('NOT_FOUND');
  });
});
