import { functionsHost } from '../helpers/host';
import { type LedgerLine, ledgerXlsx } from '../helpers/ledger-file';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();

// The test host's clock is 2026-11-23 (Beijing): October is open for the 会计.
const ACC = 'yangjia-accountant';

async function landWithContract(villageId: string, persona: string, land: string, party: string) {
  const r = await host.ok(
    'assets',
    'addResource',
    { villageId, name: land, landKind: 'arable', areaMu100: 1000, location: '村南', state: 'uncontracted' },
    persona,
  );
  return host.ok(
    'assets',
    'addContract',
    {
      villageId,
      subject: { type: 'resource', id: r.id },
      kind: 'outsource',
      counterparty: { name: party, personId: null },
      startOn: '2026-10-01',
      endOn: '2031-09-30',
      priceFenPerYear: 600_000,
      schedule: 'yearly',
      depositFen: 0,
      award: { method: 'negotiated', reason: '只有一户愿意承包' },
      decision: { kind: 'meeting', body: 'representatives', date: '2026-09-20', note: '村民代表会议同意发包' },
    },
    persona,
  );
}

// Row 1 is the header: lines[i] is row i + 2, as the preview numbers it.
const lines: LedgerLine[] = [
  ['2026-10-12', '收入', '发包及上交收入', 3000, '钱玖香', '收柳树湾承包费', '杨会计'],
  ['2026-10-13', '收入', '补助收入', 1000, '黄升镇财政所', '运转经费补助', '杨会计'],
  ['2026-10-14', '支出', '管理费用-办公费', 50, '钱玖香', '买打印纸', '杨会计'],
  ['2026-10-20', '收入', '发包及上交收入', 1000, '钱玖', '柳树湾承包费第二笔', '杨会计'],
];

describe('a ledger file with rent in it', () => {
  it('is previewed with the contract each rent row pays, named only for confident income matches', async () => {
    const c = await landWithContract('yangjia', ACC, '柳树湾', '钱玖香');
    const file = { villageId: 'yangjia', fileName: '10月租金.xlsx', fileBase64: await ledgerXlsx(lines) };
    const preview = (await host.send('finance', 'previewImport', file, ACC)).body.data;
    expect(preview.problems).toEqual([]);
    // Row 5's 对方 is only part of the name, but the 摘要 names the land: 2 + 2.
    expect(preview.rent).toEqual([
      { line: 2, date: '2026-10-12', counterparty: '钱玖香', amountFen: 300_000, contractId: c.id, label: expect.stringContaining('柳树湾 · 钱玖香') },
      { line: 5, date: '2026-10-20', counterparty: '钱玖', amountFen: 100_000, contractId: c.id, label: expect.stringContaining('柳树湾 · 钱玖香') },
    ]);
  });

  it('refuses a contract of another village, or a row that is not income, and writes nothing', async () => {
    const mine = (await host.ok('assets', 'village', { villageId: 'yangjia' })).contracts.find(
      (x: { counterparty: { name: string } }) => x.counterparty.name === '钱玖香',
    );
    const theirs = await landWithContract('doufuli', 'doufuli-accountant', '北河滩', '钱玖香');
    const file = { villageId: 'yangjia', fileName: '10月租金.xlsx', fileBase64: await ledgerXlsx(lines) };
    const before = storeDigest(host.store);
    const other = await host.send('finance', 'commitImport', { ...file, contracts: [{ line: 2, contractId: theirs.id }] }, ACC);
    expect(other.body.error).toEqual({ code: 'INVALID_ARGUMENT', message: '第 2 行要记到的合同不是本村的，没有导入任何一行。' });
    const expense = await host.send('finance', 'commitImport', { ...file, contracts: [{ line: 4, contractId: mine.id }] }, ACC);
    expect(expense.body.error.message).toBe('第 4 行不是一笔收入，不能记到合同的租金上，没有导入任何一行。');
    expect(storeDigest(host.store)).toBe(before);
  });

  it('links the rows the 会计 kept: the contract’s 已收 and receipts move with the import', async () => {
    const c = (await host.ok('assets', 'village', { villageId: 'yangjia' }, ACC)).contracts.find(
      (x: { counterparty: { name: string } }) => x.counterparty.name === '钱玖香',
    );
    const file = { villageId: 'yangjia', fileName: '10月租金.xlsx', fileBase64: await ledgerXlsx(lines) };
    const links = [
      { line: 2, contractId: c.id },
      { line: 5, contractId: c.id },
    ];
    const done = await host.send('finance', 'commitImport', { ...file, contracts: links }, ACC);
    expect(done.body.data).toMatchObject({ rows: 4, rent: [] });
    const view = await host.ok('assets', 'contract', { villageId: 'yangjia', contractId: c.id }, ACC);
    expect(view.receivedFen).toBe(400_000);
    expect(view.receipts.map((r: { date: string; amountFen: number }) => [r.date, r.amountFen]).sort()).toEqual([
      ['2026-10-12', 300_000],
      ['2026-10-20', 100_000],
    ]);
    // The rows know their contract: taking one back takes its rent off the contract.
    const month = await host.ok('finance', 'month', { villageId: 'yangjia', month: '2026-10' }, ACC);
    const linked = month.rows.filter((r: { contractId: string | null }) => r.contractId === c.id);
    expect(linked.map((r: { summary: string }) => r.summary).sort()).toEqual(['收柳树湾承包费', '柳树湾承包费第二笔'].sort());
    await host.ok('finance', 'removeRow', { villageId: 'yangjia', rowId: linked.find((r: { amountFen: number }) => r.amountFen === 100_000).id }, ACC);
    expect((await host.ok('assets', 'contract', { villageId: 'yangjia', contractId: c.id }, ACC)).receivedFen).toBe(300_000);
  });
});
