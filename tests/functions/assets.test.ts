import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();

// The test host's clock is 2026-11-23 (Beijing). The demo's October is open for the 会计.
const ACC = 'yangjia-accountant';
const SUP = 'yangjia-supervisor';
const ok = (action: string, data: unknown, persona?: string) => host.ok('assets', action, data, persona);
const call = (action: string, data: unknown, persona?: string) => host.call('assets', action, data, persona);

const land = (name: string) => ({ villageId: 'yangjia', name, landKind: 'arable', areaMu100: 1250, location: '村东', state: 'uncontracted' });
const auction = (counterparty: string, price: number, startOn = '2026-11-01', extra: Record<string, unknown> = {}) => ({
  villageId: 'yangjia',
  kind: 'outsource',
  counterparty: { name: counterparty, personId: null },
  startOn,
  endOn: '2031-10-31',
  priceFenPerYear: price,
  schedule: 'yearly',
  depositFen: 50_000,
  award: {
    method: 'auction',
    bids: [
      { bidder: counterparty, fen: price },
      { bidder: '王五', fen: price - 10_000 },
    ],
  },
  decision: { kind: 'meeting', body: 'representatives', date: '2026-10-20', note: '村民代表会议同意公开竞价发包' },
  ...extra,
});

async function newLand(name: string) {
  return ok('addResource', land(name), ACC);
}

describe('registers', () => {
  it('take land from the 会计 and show it to anyone who scanned the code', async () => {
    const r = await newLand('东洼耕地');
    expect(r).toMatchObject({ name: '东洼耕地', landKind: 'arable', areaMu100: 1250, state: 'uncontracted', contractId: null });
    const view = await ok('village', { villageId: 'yangjia' });
    expect(view.resources.map((x: { name: string }) => x.name)).toContain('东洼耕地');
  });

  it('refuse anyone but the 会计, and bad input, writing nothing', async () => {
    const before = await storeDigest(host.store);
    for (const persona of ['yangjia-villager', SUP, 'doufuli-accountant', undefined]) {
      const res = await call('addResource', land('西洼耕地'), persona);
      expect(res.body.ok).toBe(false);
      expect(['PERMISSION_DENIED', 'UNAUTHENTICATED']).toContain(res.body.error.code);
    }
    const bad = await call('addResource', { ...land('西洼耕地'), areaMu100: 12.5 }, ACC);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await storeDigest(host.store)).toBe(before);
  });
});

describe('contracts', () => {
  it('won by 公开竞价 go to the top bid at its price; a lower price or another winner is refused', async () => {
    const r = await newLand('北坡耕地');
    const subject = { type: 'resource', id: r.id };
    const before = await storeDigest(host.store);
    const low = await call('addContract', { ...auction('李建国', 800_000), subject, priceFenPerYear: 700_000 }, ACC);
    expect(low.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '公开竞价的成交价应是最高出价。' });
    const other = await call('addContract', { ...auction('李建国', 800_000), subject, counterparty: { name: '王五', personId: null } }, ACC);
    expect(other.body.error.message).toBe('公开竞价应由出价最高的竞买人承包。');
    expect(await storeDigest(host.store)).toBe(before);
    const c = await ok('addContract', { ...auction('李建国', 800_000), subject }, ACC);
    expect(c).toMatchObject({ status: 'active', termText: '5年', pricePerMuFen: 64_000, dueFen: 800_000, receivedFen: 0 });
    expect(c.installments).toHaveLength(5);
    // The land now reads as let out.
    const view = await ok('village', { villageId: 'yangjia' });
    expect(view.resources.find((x: { id: string }) => x.id === r.id)).toMatchObject({ state: 'contracted', contractId: c.id });
  });

  it('let one piece of land once: two phones signing at once make one contract', async () => {
    const r = await newLand('南洼耕地');
    const subject = { type: 'resource', id: r.id };
    const both = await Promise.all([
      call('addContract', { ...auction('李建国', 900_000, '2026-12-01'), subject }, ACC),
      call('addContract', { ...auction('赵六', 900_000, '2026-12-01'), subject }, ACC),
    ]);
    expect(both.filter((x) => x.body.ok)).toHaveLength(1);
    const view = await ok('village', { villageId: 'yangjia' });
    expect(view.contracts.filter((c: { subject: { id: string } }) => c.subject.id === r.id)).toHaveLength(1);
  });

  it('take rent from ledger income rows, and give it back when the row is taken back', async () => {
    const r = await newLand('河滩地');
    const c = await ok('addContract', { ...auction('孙七', 600_000, '2026-10-01'), subject: { type: 'resource', id: r.id } }, ACC);
    const accounts = (await host.ok('finance', 'accounts', { villageId: 'yangjia' })).accounts;
    const income =
      accounts.find((a: { direction: string; name: string }) => a.direction === '收入' && /发包|承包|租/.test(a.name)) ??
      accounts.find((a: { direction: string }) => a.direction === '收入');
    const expense = accounts.find((a: { direction: string }) => a.direction === '支出');
    const row = {
      villageId: 'yangjia',
      date: '2026-10-15',
      accountId: income.id,
      amountFen: 200_000,
      counterparty: '孙七',
      summary: '收河滩地承包费',
      handler: '杨会计',
      contractId: c.id,
    };
    // The importer's suggestion puts this contract first for the row.
    const targets = await ok('rentTargets', { villageId: 'yangjia', counterparty: '孙七', summary: '收河滩地承包费' }, ACC);
    expect(targets[0].id).toBe(c.id);
    const added = await host.ok('finance', 'addRow', row, ACC);
    expect(added.contractId).toBe(c.id);
    let view = await ok('contract', { villageId: 'yangjia', contractId: c.id }, ACC);
    expect(view).toMatchObject({ receivedFen: 200_000, arrearsFen: 400_000 });
    expect(view.receipts).toEqual([{ rowId: added.id, date: '2026-10-15', amountFen: 200_000, summary: '收河滩地承包费' }]);
    // October is not published yet: a villager sees the rent when the ledger shows the row, not before.
    const seenOutside = await ok('contract', { villageId: 'yangjia', contractId: c.id }, 'yangjia-villager');
    expect(seenOutside).toMatchObject({ receivedFen: 0, receipts: [] });
    const listed = (await ok('village', { villageId: 'yangjia' })).contracts.find((x: { id: string }) => x.id === c.id);
    expect(listed).toMatchObject({ receivedFen: 0, receipts: [] });
    // An expense cannot pay rent, nor can another village's contract be named.
    const wrong = await host.call('finance', 'addRow', { ...row, accountId: expense.id }, ACC);
    expect(wrong.body.error.message).toBe('只有收入才能记到合同的租金上。');
    await host.ok('finance', 'removeRow', { villageId: 'yangjia', rowId: added.id }, ACC);
    view = await ok('contract', { villageId: 'yangjia', contractId: c.id }, ACC);
    expect(view).toMatchObject({ receivedFen: 0, receipts: [] });
  });

  it('cannot be paid from another village’s books', async () => {
    const r = await newLand('沙岗地');
    const c = await ok('addContract', { ...auction('周八', 500_000, '2026-10-01'), subject: { type: 'resource', id: r.id } }, ACC);
    const accounts = (await host.ok('finance', 'accounts', { villageId: 'doufuli' })).accounts;
    const income = accounts.find((a: { direction: string }) => a.direction === '收入');
    const res = await host.call(
      'finance',
      'addRow',
      {
        villageId: 'doufuli',
        date: '2026-10-15',
        accountId: income.id,
        amountFen: 100,
        counterparty: '周八',
        summary: '承包费',
        handler: '',
        contractId: c.id,
      },
      'doufuli-accountant',
    );
    expect(res.body.error.message).toBe('没有找到这份合同。');
    expect((await ok('contract', { villageId: 'yangjia', contractId: c.id })).receivedFen).toBe(0);
  });
});

describe('warnings', () => {
  // The demo township sets reference prices; these tests' land is priced for other warnings.
  beforeAll(() =>
    ok('updateSettings', { townshipId: 'huangsheng', termLimitYears: 30, expiringDays: 90, idleMonths: 6, referencePriceFen: {} }, 'township-admin'),
  );

  it('are raised once, told to the 监委会, answered by the village and closed by the 监委会', async () => {
    const r = await newLand('老砖窑地');
    const c = await ok('addContract', { ...auction('吴九', 700_000, '2026-11-01'), subject: { type: 'resource', id: r.id }, decision: null }, ACC);
    const mine = (await ok('village', { villageId: 'yangjia' })).warnings.filter((w: { subject: { id: string } }) => w.subject.id === c.id);
    // Rent due 1 November unpaid, and no meeting approved it.
    expect(mine.map((w: { kind: string }) => w.kind).sort()).toEqual(['no_decision', 'overdue']);
    const overdue = mine.find((w: { kind: string }) => w.kind === 'overdue');
    expect(overdue).toMatchObject({ level: 'red', state: 'open' });
    const inbox = await host.ok('identity', 'inbox', {}, SUP);
    expect(JSON.stringify(inbox)).toContain('三资预警');
    // Looking again raises nothing new.
    expect((await host.post('/dev/tick', '{}')).body.data.assetWarnings).toBe(0);
    // Closing before anyone answered is refused; a villager may do neither.
    expect((await call('closeWarning', { villageId: 'yangjia', warningId: overdue.id, text: '已经处理完毕' }, SUP)).body.error.code).toBe(
      'FAILED_PRECONDITION',
    );
    expect(
      (await call('answerWarning', { villageId: 'yangjia', warningId: overdue.id, kind: 'collect', text: '已上门催收' }, 'yangjia-villager')).body.error.code,
    ).toBe('PERMISSION_DENIED');
    const answered = await ok('answerWarning', { villageId: 'yangjia', warningId: overdue.id, kind: 'collect', text: '已上门催收，约定月底前交清' }, ACC);
    expect(answered).toMatchObject({ state: 'answered', answers: [{ kind: 'collect', text: '已上门催收，约定月底前交清' }] });
    expect((await call('closeWarning', { villageId: 'yangjia', warningId: overdue.id, text: '租金已交清' }, ACC)).body.error.code).toBe('PERMISSION_DENIED');
    const closed = await ok('closeWarning', { villageId: 'yangjia', warningId: overdue.id, text: '租金已交清' }, SUP);
    expect(closed).toMatchObject({ state: 'closed', level: 'green' });
  });

  it('tell the amount owed only to those who see the open books, and no amount on the public warning', async () => {
    const r = await newLand('柳树湾');
    const c = await ok('addContract', { ...auction('冯二', 800_000, '2026-11-01'), subject: { type: 'resource', id: r.id } }, ACC);
    const overdue = async () =>
      (await ok('village', { villageId: 'yangjia' })).warnings.find(
        (w: { kind: string; subject: { id: string } }) => w.kind === 'overdue' && w.subject.id === c.id,
      );
    expect((await overdue()).text).toBe('柳树湾的发包合同（冯二）2026年11月1日起应交的租金还没收齐。');
    const accounts = (await host.ok('finance', 'accounts', { villageId: 'yangjia' })).accounts;
    const income = accounts.find((a: { direction: string }) => a.direction === '收入');
    await host.ok(
      'finance',
      'addRow',
      {
        villageId: 'yangjia',
        date: '2026-11-05',
        accountId: income.id,
        amountFen: 300_000,
        counterparty: '冯二',
        summary: '柳树湾承包费',
        handler: '',
        contractId: c.id,
      },
      ACC,
    );
    // November's books are open: the 监委会 sees the 3,000 元; a villager and the public warning do not yet.
    expect(await ok('contract', { villageId: 'yangjia', contractId: c.id }, SUP)).toMatchObject({
      receivedFen: 300_000,
      arrearsFen: 500_000,
      rentCounted: 'entered',
    });
    expect(await ok('contract', { villageId: 'yangjia', contractId: c.id }, 'yangjia-villager')).toMatchObject({
      receivedFen: 0,
      arrearsFen: 800_000,
      receipts: [],
      rentCounted: 'published',
    });
    expect(JSON.stringify(await ok('village', { villageId: 'yangjia' }, 'yangjia-villager'))).not.toContain('柳树湾承包费');
    expect((await overdue()).text).not.toMatch(/\d+\.\d{2}元/);
  });

  it('come when the clock passes a due day, from the hourly timer', async () => {
    const r = await newLand('苇塘');
    const c = await ok('addContract', { ...auction('郑十', 400_000, '2026-12-01'), subject: { type: 'resource', id: r.id } }, ACC);
    const kindsOf = async () =>
      (await ok('village', { villageId: 'yangjia' })).warnings
        .filter((w: { subject: { id: string } }) => w.subject.id === c.id)
        .map((w: { kind: string }) => w.kind);
    expect(await kindsOf()).toEqual([]);
    const start = host.clock.now();
    try {
      // 2 December, Beijing: the payment due on the 1st is a day late.
      host.clock.set(new Date('2026-12-02T01:00:00Z'));
      expect((await host.post('/dev/tick', '{}')).body.data.assetWarnings).toBeGreaterThanOrEqual(1);
      expect(await kindsOf()).toEqual(['overdue']);
    } finally {
      host.clock.set(start);
    }
  });

  it('follow the township’s reference price for the land', async () => {
    const r = await newLand('东坡耕地');
    const c = await ok('addContract', { ...auction('钱一', 300_000, '2026-11-20'), subject: { type: 'resource', id: r.id } }, ACC);
    // 12.5 亩 at 3,000 元: 240 元 a 亩. Below a reference of 500 元 once the township sets one.
    expect(
      (
        await call(
          'updateSettings',
          { townshipId: 'huangsheng', termLimitYears: 30, expiringDays: 90, idleMonths: 6, referencePriceFen: { arable: 50_000 } },
          SUP,
        )
      ).body.ok,
    ).toBe(false);
    await ok(
      'updateSettings',
      { townshipId: 'huangsheng', termLimitYears: 30, expiringDays: 90, idleMonths: 6, referencePriceFen: { arable: 50_000 } },
      'township-admin',
    );
    const start = host.clock.now();
    try {
      host.clock.set(new Date('2026-11-24T01:00:00Z'));
      await host.post('/dev/tick', '{}');
    } finally {
      host.clock.set(start);
    }
    const view = await ok('village', { villageId: 'yangjia' });
    const low = view.warnings.find((w: { kind: string; subject: { id: string } }) => w.kind === 'low_price' && w.subject.id === c.id);
    expect(low.text).toContain('每亩每年240.00元，低于镇里耕地的参考价500.00元');
    const town = await ok('township', { townshipId: 'huangsheng' }, 'township-admin');
    expect(town.warnings.map((w: { id: string }) => w.id)).toContain(low.id);
    const yangjia = town.villages.find((v: { villageId: string }) => v.villageId === 'yangjia');
    expect(yangjia.totals.openWarnings).toBe(view.totals.openWarnings);
    expect((await call('township', { townshipId: 'huangsheng' }, SUP)).body.error.code).toBe('PERMISSION_DENIED');
  });
});
