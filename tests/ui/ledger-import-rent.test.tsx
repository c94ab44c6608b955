/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import LedgerPage from '../../src/packages/cadre/ledger';
import { type LedgerLine, ledgerXlsx } from '../helpers/ledger-file';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23: 杨家村's October is open and empty.
const ui = pagesOnTestHost();
const ACC = 'yangjia-accountant';

async function contractOn(land: string, party: string) {
  const r = await ui.host.ok(
    'assets',
    'addResource',
    { villageId: 'yangjia', name: land, landKind: 'arable', areaMu100: 1000, location: '村南', state: 'uncontracted' },
    ACC,
  );
  return ui.host.ok(
    'assets',
    'addContract',
    {
      villageId: 'yangjia',
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
    ACC,
  );
}

async function xlsxFile(lines: LedgerLine[], name: string): Promise<File> {
  return new File([Buffer.from(await ledgerXlsx(lines), 'base64')], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

describe('importing rent into the ledger (the 会计’s ledger page)', () => {
  it('suggests the contract each rent row pays, and links only the rows left ticked', async () => {
    const c = await contractOn('柳树湾', '钱玖香');
    const lines: LedgerLine[] = [
      ['2026-10-12', '收入', '发包及上交收入', 3000, '钱玖香', '收柳树湾承包费', '杨会计'],
      ['2026-10-13', '收入', '补助收入', 1000, '黄升镇财政所', '运转经费补助', '杨会计'],
      ['2026-10-20', '收入', '发包及上交收入', 1000, '钱玖香', '柳树湾承包费第二笔', '杨会计'],
    ];
    openPage(LedgerPage, '/packages/cadre/ledger/index', { villageId: 'yangjia' }, ACC);
    await screen.findByLabelText('本月汇总');
    const card = await screen.findByLabelText('导入账目');
    fireEvent.change(within(card).getByLabelText('导入账目（Excel 或 CSV）'), { target: { files: [await xlsxFile(lines, '十月租金.xlsx')] } });

    // Parsing goes through the real host (a worker for the sheet): allow a loaded machine time.
    const rent = await within(card).findByLabelText('合同租金', undefined, { timeout: 8000 });
    expect(within(rent).getByText('这 2 笔像是合同的租金/承包费，导入时记到合同上（不是的请点一下取消）')).toBeTruthy();
    const first = within(rent).getByLabelText('第 2 行');
    expect(within(first).getByText('第 2 行：2026-10-12 钱玖香 3,000.00 元')).toBeTruthy();
    const tick = (row: HTMLElement) =>
      within(row)
        .getByText(/记到合同：柳树湾 · 钱玖香/)
        .closest('[aria-pressed]') as HTMLElement;
    expect(tick(first).getAttribute('aria-pressed')).toBe('true');
    expect(tick(first).textContent).toMatch(/^✓ 记到合同：/);
    // The 补助 row pays no contract.
    expect(within(rent).queryByLabelText('第 3 行')).toBeNull();

    // The second payment is not this contract's after all: the 会计 unticks it.
    const second = within(rent).getByLabelText('第 4 行');
    fireEvent.click(tick(second));
    expect(tick(second).getAttribute('aria-pressed')).toBe('false');
    expect(tick(second).textContent).toMatch(/^记到合同：/);

    fireEvent.click(within(card).getByText('确认导入'));
    expect(await screen.findByText('已导入 3 笔', undefined, { timeout: 5000 })).toBeTruthy();
    const view = await ui.host.ok('assets', 'contract', { villageId: 'yangjia', contractId: c.id }, ACC);
    expect(view.receivedFen).toBe(300_000);
    expect(view.receipts.map((r: { date: string }) => r.date)).toEqual(['2026-10-12']);
  });
});
