/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import FilingsPage from '../../src/packages/township/filings';
import { formatFen } from '../../src/services/money';
import type { MatterSummary, MatterView } from '../../types/matters';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

// The seed leaves one plan waiting: 大姜村's 清淤衬砌村南排水沟. Each test here adds to the same host.
const ui = pagesOnTestHost();
afterEach(() => {
  jest.restoreAllMocks();
});

const DAY = 24 * 3600 * 1000;
const TITLE = '修建村南排水沟';
const SEEDED = '清淤衬砌村南排水沟';

function openAs(persona: string) {
  return openPage(FilingsPage, '/packages/township/filings/index', { townshipId: 'huangsheng' }, persona);
}

async function ok(action: string, data: unknown, persona?: string) {
  const res = await ui.host.call('matters', action, data, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

const matterOf = (villageId: string, matterId: string): Promise<MatterView> => ok('get', { villageId, matterId });
const queue = async (): Promise<(MatterSummary & { villageId: string })[]> => (await ok('filings', { townshipId: 'huangsheng' }, 'township-admin')).matters;

/** A 筹资筹劳 plan through 商议 and both votes, everyone recorded in person by the 监委会: it waits for the township. */
async function passedFundingMatter(v: string): Promise<MatterView> {
  const closesAt = () => new Date(ui.host.clock.now().getTime() + 3 * DAY).toISOString();
  let m: MatterView = await ok(
    'propose',
    {
      villageId: v,
      title: TITLE,
      summary: '村南排水沟淤塞，雨季积水，提议清淤并衬砌。',
      decisionBody: 'representatives',
      funding: { project: '村南排水沟', budgetFen: 3_000_000, perPersonFen: 1_500, workdays: 3 },
    },
    `${v}-secretary`,
  );
  m = await ok('discuss', { villageId: v, matterId: m.id, agreed: true, record: '同意提交党员大会审议。' }, `${v}-secretary`);
  for (let i = 0; i < 2; i++) {
    m = await ok('openVote', { villageId: v, matterId: m.id, closesAt: closesAt() }, `${v}-secretary`);
    const meeting = m.meetings.at(-1)!;
    const { people } = await ok('electorate', { villageId: v, meetingId: meeting.id }, `${v}-supervisor`);
    for (const p of people as { personId: string }[])
      await ok('recordInPerson', { villageId: v, meetingId: meeting.id, personId: p.personId, choice: '同意' }, `${v}-supervisor`);
    m = await ok('close', { villageId: v, meetingId: meeting.id }, `${v}-supervisor`);
  }
  expect(m).toMatchObject({ stage: '决议', status: 'filing', filing: { state: 'pending' } });
  return m;
}

const row = (village: string, title: string) => screen.findByRole('listitem', { name: `${village}：${title}` });

async function openRow(village: string, title: string): Promise<HTMLElement> {
  const item = await row(village, title);
  fireEvent.click(within(item).getByText(title));
  await within(item).findByLabelText('筹资筹劳方案');
  return item;
}

const clickText = (scope: HTMLElement, text: string) => fireEvent.click(within(scope).getByText(text, { selector: '.nut-button *' }));

describe('筹资筹劳审核备案 (the township’s filings page)', () => {
  let mine: MatterView;

  it('lists the passed plans waiting, and shows a plan with its exemptions and its vote results', async () => {
    mine = await passedFundingMatter('yangjia');
    openAs('township-admin');
    expect(await row('杨家村', TITLE)).toBeTruthy();
    expect(await row('大姜村', SEEDED)).toBeTruthy();

    const item = await openRow('杨家村', TITLE);
    const f = mine.funding!;
    const plan = within(item).getByLabelText('筹资筹劳方案');
    for (const line of [
      '项目：村南排水沟',
      '项目预算：30,000.00 元',
      '每人每年筹资：15.00 元',
      '每个劳动力筹劳：3 个工日',
      `出资人数：${f.payers} 人`,
      `预计筹资：${formatFen(f.raisedFen)} 元`,
      `出劳人数：${f.labourers} 人（劳动年龄村民）`,
      `低保户免交：${f.exempt.lowIncome} 人`,
      `现役军人免除：${f.exempt.soldiers} 人`,
    ]) {
      expect(within(plan).getByLabelText(line)).toBeTruthy();
    }
    const [review, decision] = mine.meetings;
    expect(within(item).getByLabelText('审议：党员大会，通过')).toBeTruthy();
    expect(within(item).getByLabelText('决议：村民代表会议，通过')).toBeTruthy();
    for (const rule of [...review.result!.rules, ...decision.result!.rules]) expect(within(item).getAllByText(rule).length).toBeGreaterThan(0);
    expect(within(item).getByText('审核同意并备案', { selector: '.nut-button *' })).toBeTruthy();
  });

  it('shows the 镇纪委 the plans but leaves filing to the 镇管理员', async () => {
    openAs('township-discipline');
    const item = await openRow('杨家村', TITLE);
    expect(await within(item).findByText('审核备案由镇管理员办理。')).toBeTruthy();
    expect(within(item).queryByText('审核同意并备案')).toBeNull();
  });

  it('does not return a plan without a reason', async () => {
    const modal = jest.spyOn(Taro, 'showModal');
    openAs('township-admin');
    const item = await openRow('杨家村', TITLE);
    clickText(item, '退回村里');
    const warning = await within(item).findByRole('alert');
    expect(warning.className).toContain('warning-box');
    expect(warning.textContent).toBe('退回时请写明原因，村里会看到。');
    expect(modal).not.toHaveBeenCalled();
    expect(await matterOf('yangjia', mine.id)).toMatchObject({ status: 'filing', filing: { state: 'pending' } });
  });

  it('approves and files a plan: it leaves the list and the matter goes on', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }) as never);
    openAs('township-admin');
    const item = await openRow('杨家村', TITLE);
    clickText(item, '审核同意并备案');
    await waitFor(() => expect(screen.queryByRole('listitem', { name: `杨家村：${TITLE}` })).toBeNull());
    expect(modal).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('listitem', { name: `大姜村：${SEEDED}` })).toBeTruthy();
    expect(await matterOf('yangjia', mine.id)).toMatchObject({ stage: '决议公开', status: 'active', filing: { state: 'approved' } });
    expect((await queue()).map((m) => m.id)).not.toContain(mine.id);
  });

  it('returns a plan with its reason, and says when nothing is left waiting', async () => {
    jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }) as never);
    const seeded = (await queue()).find((m) => m.title === SEEDED)!;
    openAs('township-admin');
    const item = await openRow('大姜村', SEEDED);
    await type(item, '退回原因（必填，村里会看到）', '预算缺少衬砌工程量明细，请补充后重新提议。');
    clickText(item, '退回村里');
    expect(await screen.findByText('没有等待审核的筹资筹劳方案')).toBeTruthy();
    const returned = await matterOf(seeded.villageId, seeded.id);
    expect(returned).toMatchObject({ status: 'stopped', filing: { state: 'returned', reason: '预算缺少衬砌工程量明细，请补充后重新提议。' } });
  });

  it('shows a village’s secretary the server’s refusal, and no plans', async () => {
    openAs('yangjia-secretary');
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.queryByRole('listitem')).toBeNull();
  });
});
