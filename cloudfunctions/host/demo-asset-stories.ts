import { answerWarning, closeWarning } from '../core/assets/warnings';
import { updateAsset } from '../core/assets/registers';
import { addDays, addMonths } from '../core/shared/time';
import { type AssetStory, auction, meeting, monthEnd, monthStart } from './demo-assets';

/*
 * What sets each demo village's 三资 apart: between them, every warning the rules know, on any
 * day the demo is seeded — a lease running out within three months, rent nobody has collected,
 * buildings standing idle, a let longer than 30 years, a price below the township's reference,
 * and lets with no recorded decision — and one warning of each state (open, answered, closed).
 * Dates are reckoned from `today`, or from the day the registers were entered.
 */

/** The timer's look that first finds an asset idle since `since` for six months: the 1st, monthly. */
const idleWarnedOn = (since: string) => monthStart(since, since.endsWith('-01') ? 6 : 7);

export const DEMO_ASSET_STORIES: Record<string, (s: AssetStory) => void> = {
  yangjia(s) {
    s.step(s.enteredOn, 11, 'shopfront and old school', async () => {
      await s.addAsset('shopfront', {
        name: '村委会临街门面房',
        use: 'operating',
        kind: 'building',
        location: '村委会南侧临街',
        acquiredOn: '2016-08-01',
        originalFen: 15_000_000,
        state: 'in_use',
        keeper: s.people.accountant,
      });
      await s.addAsset('school', {
        name: '原村小学校舍',
        use: 'public',
        kind: 'building',
        location: '村西',
        acquiredOn: '1996-09-01',
        originalFen: 45_000_000,
        state: 'idle',
        keeper: s.people.director,
        note: '学校并入镇中心小学后空置。',
      });
    });
    // Let for one year, ending 50 to 80 days from today: the 监委会 is warned to decide on a tender.
    const end = monthEnd(addDays(s.today, 50));
    const start = monthStart(end, -11);
    const shop = '黄升镇杨记便民超市';
    s.step(addDays(start, -6), 10, 'shopfront lease', () =>
      s.let(
        'shopfront-lease',
        { type: 'asset', key: 'shopfront' },
        {
          kind: 'lease',
          counterparty: { name: shop, personId: null },
          startOn: start,
          endOn: end,
          priceFenPerYear: 1_500_000,
          schedule: 'yearly',
          depositFen: 200_000,
          award: { method: 'negotiated', reason: '门面房公告招租，只有一家报名，按上年租金协商出租一年。' },
          decision: meeting(addDays(start, -10), '同意村委会临街门面房按上年租金出租一年，到期后公开招租。'),
        },
      ),
    );
    s.step(start, 10, 'shopfront rent', () =>
      s.rent('shopfront-lease', { date: start, account: '经营收入', fen: 1_500_000, counterparty: shop, summary: '村委会临街门面房租金（一年）' }),
    );
    // The old school: warned of once idle six months; the 书记 says what the 两委 intend.
    s.step(addDays(idleWarnedOn(s.enteredOn), 10), 10, 'school answered', async () => {
      const w = await s.warningOn('idle', 'school');
      await answerWarning(s.as('secretary'), {
        villageId: s.villageId,
        warningId: w._id,
        kind: 'explain',
        text: '两委商议改作村史馆和老年活动室，方案提交下次村民代表会议讨论，所需资金向镇里申请。',
      });
    });
  },

  doufuli(s) {
    s.step(s.enteredOn, 11, 'south pond and loader', async () => {
      await s.addResource('pond', { name: '村南坑塘', landKind: 'water', areaMu100: 850, location: '村南', state: 'uncontracted' });
      await s.addAsset('loader', {
        name: '装载机',
        use: 'public',
        kind: 'equipment',
        location: '村委会院内',
        acquiredOn: '2014-03-01',
        originalFen: 18_000_000,
        state: 'in_use',
        keeper: s.people.director,
      });
    });
    // Won by auction for 35 years from four months ago; the first year's fee never came in.
    const start = monthStart(s.today, -4);
    s.step(addDays(start, -12), 10, 'pond let', () =>
      s.let(
        'pond-lease',
        { type: 'resource', key: 'pond' },
        {
          kind: 'outsource',
          counterparty: { name: '王建军', personId: null },
          startOn: start,
          endOn: addDays(addMonths(start, 35 * 12), -1),
          priceFenPerYear: 680_000,
          schedule: 'yearly',
          depositFen: 100_000,
          award: auction([
            ['王建军', 680_000],
            ['刘长河', 650_000],
            ['沾化区冯家镇鑫鱼养殖场', 620_000],
          ]),
          decision: meeting(addDays(start, -20), '同意村南坑塘公开竞价发包养鱼，期限35年。'),
          note: '承包人为冯家镇村民，承包费每年年初交。',
        },
      ),
    );
    s.step(addDays(s.today, -6), 10, 'pond arrears answered', async () => {
      const w = await s.warningOn('overdue', 'pond-lease');
      await answerWarning(s.as('accountant'), {
        villageId: s.villageId,
        warningId: w._id,
        kind: 'collect',
        text: '已两次上门催收，承包人说鱼苗款还压着，答应本月底前交清。',
      });
    });
    // Broke down two months ago: idle, but not yet for six months, so not warned of.
    s.step(addMonths(s.today, -2), 10, 'loader idle', async () => {
      await updateAsset(s.as('accountant'), {
        villageId: s.villageId,
        assetId: s.ids.loader,
        name: '装载机',
        use: 'public',
        kind: 'equipment',
        location: '村委会院内',
        acquiredOn: '2014-03-01',
        originalFen: 18_000_000,
        state: 'idle',
        keeper: s.people.director,
        reason: '发动机故障停用，待评估修理还是处置。',
      });
    });
  },

  dajiang(s) {
    s.step(s.enteredOn, 11, 'saline land and clinic', async () => {
      await s.addResource('saline', { name: '村西盐碱荒地', landKind: 'waste', areaMu100: 12_000, location: '村西', state: 'uncontracted' });
      await s.addAsset('clinic', {
        name: '原村卫生室',
        use: 'operating',
        kind: 'building',
        location: '村中心',
        acquiredOn: '2005-07-01',
        originalFen: 16_000_000,
        state: 'idle',
        keeper: s.people.accountant,
      });
    });
    // Signed three weeks ago, to start the month after next: 50 years at 30 元 an 亩 (the
    // reference is 50), and no meeting ever approved it. Warned of before a fen is lost. (Its
    // first fee falls due two months or more after `today`: a test that moves the host's clock
    // on a few weeks is not met by a new arrears warning.)
    const start = monthStart(s.today, 2);
    s.step(addDays(s.today, -20), 10, 'saline let', () =>
      s.let(
        'saline-lease',
        { type: 'resource', key: 'saline' },
        {
          kind: 'outsource',
          counterparty: { name: '沾化区鑫源养殖有限公司', personId: null },
          startOn: start,
          endOn: addDays(addMonths(start, 50 * 12), -1),
          priceFenPerYear: 360_000,
          schedule: 'yearly',
          depositFen: 0,
          award: { method: 'negotiated', reason: '对方愿意投资改良盐碱地，两委商定长期承包。' },
          decision: null,
          note: '承包方负责修建排碱沟。',
        },
      ),
    );
    // The old clinic: warned of once idle six months, answered 招标, let by auction, closed.
    const warned = idleWarnedOn(s.enteredOn);
    const leaseStart = monthStart(warned, 1);
    const pharmacy = '沾化区康宁大药房';
    s.step(addDays(warned, 8), 10, 'clinic answered', async () => {
      const w = await s.warningOn('idle', 'clinic');
      await answerWarning(s.as('secretary'), {
        villageId: s.villageId,
        warningId: w._id,
        kind: 'tender',
        text: '村民代表会议同意公开招租，底价每年6000元，已在村务公开栏和镇农村产权交易平台发布公告。',
      });
    });
    s.step(addDays(warned, 20), 10, 'clinic lease', () =>
      s.let(
        'clinic-lease',
        { type: 'asset', key: 'clinic' },
        {
          kind: 'lease',
          counterparty: { name: pharmacy, personId: null },
          startOn: leaseStart,
          endOn: addDays(addMonths(leaseStart, 36), -1),
          priceFenPerYear: 720_000,
          schedule: 'yearly',
          depositFen: 100_000,
          award: auction([
            [pharmacy, 720_000],
            ['黄升镇百姓药店', 660_000],
            ['姜记诊所', 600_000],
          ]),
          decision: meeting(addDays(warned, 5), '同意原村卫生室公开招租，期限3年，底价每年6000元。'),
        },
      ),
    );
    s.step(leaseStart, 10, 'clinic rent', () =>
      s.rent('clinic-lease', { date: leaseStart, account: '经营收入', fen: 720_000, counterparty: pharmacy, summary: '原村卫生室租金（第一年）' }),
    );
    s.step(addDays(leaseStart, 5), 15, 'clinic warning closed', async () => {
      const w = await s.warningOn('idle', 'clinic');
      await closeWarning(s.as('supervisor'), {
        villageId: s.villageId,
        warningId: w._id,
        text: '已公开招租，3家竞价，以每年7200元租给沾化区康宁大药房，合同已登记，首年租金已入账。',
      });
    });
  },

  diquan(s) {
    s.step(s.enteredOn, 11, 'east pond, kiln and tractor', async () => {
      await s.addResource('east-pond', { name: '村东坑塘', landKind: 'water', areaMu100: 1500, location: '村东', state: 'uncontracted' });
      await s.addAsset('kiln', {
        name: '原砖瓦厂厂房',
        use: 'operating',
        kind: 'building',
        location: '村南',
        acquiredOn: '2003-05-01',
        originalFen: 26_000_000,
        state: 'idle',
        keeper: s.people.director,
        note: '砖瓦厂关停后空置。',
      });
      await s.addAsset('tractor', {
        name: '村集体拖拉机',
        use: 'operating',
        kind: 'equipment',
        location: '村委会院内',
        acquiredOn: '2019-04-01',
        originalFen: 9_800_000,
        state: 'in_use',
        keeper: s.people.director,
      });
    });
    // Let by 协商 three months ago at 300 元 an 亩 (the reference is 600), no decision, unpaid.
    const start = monthStart(s.today, -3);
    s.step(addDays(start, -5), 10, 'east pond let', () =>
      s.let(
        'east-pond-lease',
        { type: 'resource', key: 'east-pond' },
        {
          kind: 'outsource',
          counterparty: { name: '沾化区海丰渔业专业合作社', personId: null },
          startOn: start,
          endOn: addDays(addMonths(start, 10 * 12), -1),
          priceFenPerYear: 450_000,
          schedule: 'half_yearly',
          depositFen: 0,
          award: { method: 'negotiated', reason: '原承包人继续承包，两委协商价格。' },
          decision: null,
        },
      ),
    );
    // Let for a year, ending 10 to 40 days from today.
    const end = monthEnd(addDays(s.today, 10));
    const leaseStart = monthStart(end, -11);
    const coop = '沾化区丰收农机专业合作社';
    s.step(addDays(leaseStart, -5), 10, 'tractor lease', () =>
      s.let(
        'tractor-lease',
        { type: 'asset', key: 'tractor' },
        {
          kind: 'lease',
          counterparty: { name: coop, personId: null },
          startOn: leaseStart,
          endOn: end,
          priceFenPerYear: 960_000,
          schedule: 'yearly',
          depositFen: 100_000,
          award: auction([
            [coop, 960_000],
            ['黄升镇惠农农机服务队', 900_000],
          ]),
          decision: meeting(addDays(leaseStart, -12), '同意村集体拖拉机公开竞价出租一年。'),
        },
      ),
    );
    s.step(leaseStart, 10, 'tractor rent', () =>
      s.rent('tractor-lease', { date: leaseStart, account: '经营收入', fen: 960_000, counterparty: coop, summary: '村集体拖拉机租金（一年）' }),
    );
  },
};
