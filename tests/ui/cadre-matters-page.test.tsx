/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { C } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import CadreMattersPage from '../../src/packages/cadre/matters';
import type { MatterSummary, MatterView } from '../../types/matters';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';
import { phoneClockAt } from './phone-clock';

// The demo host's clock is 2026-11-23 10:00 in China. 杨家村 has one finished matter from the seed.
const ui = pagesOnTestHost();
afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

function openAs(persona: string, params: Record<string, string>) {
  return openPage(CadreMattersPage, '/packages/cadre/matters/index', params, persona);
}

const ok = (action: string, data: unknown, persona?: string) => ui.host.ok('matters', action, data, persona);

const listOf = async (villageId: string): Promise<MatterSummary[]> => (await ok('list', { villageId })).matters;
const matterOf = (villageId: string, matterId: string): Promise<MatterView> => ok('get', { villageId, matterId });

/** Only Date is the host's: the page's "3 days from now" must be counted from the host's today. */
function clockAtHost() {
  phoneClockAt(ui.host.clock.now());
}

const clickText = (scope: HTMLElement, text: string) => fireEvent.click(within(scope).getByText(text, { selector: '.nut-button *' }));

/** A matter's card, opened: the list item whose detail is showing. */
async function openMatter(title: string): Promise<HTMLElement> {
  const item = await screen.findByRole('listitem', { name: title });
  const head = item.querySelector('[aria-expanded]');
  if (head?.getAttribute('aria-expanded') !== 'true') fireEvent.click(within(item).getByText(title));
  await within(item).findByLabelText(`议题详情：${title}`);
  return item;
}

async function proposeThroughForm(fields: { title: string; summary: string }) {
  fireEvent.click(await screen.findByText('发起新议题', { selector: '.nut-button *' }));
  const form = await screen.findByLabelText('发起议题');
  await type(form, '议题名称（4–60 字）', fields.title);
  await type(form, '要办什么事、为什么（10–2000 字）', fields.summary);
  return form;
}

describe('一事一议 (the 书记’s and 主任’s matters page)', () => {
  const v = 'yangjia';
  const title = '整修村北灌溉水渠';
  let matterId = '';
  let before = 0;

  it('lets the 书记 propose a matter through the form, and shows it at 商议', async () => {
    before = (await listOf(v)).length;
    openAs('yangjia-secretary', { villageId: v });
    expect(await screen.findByText(`本村议题（${before} 个）`)).toBeTruthy();
    const form = await proposeThroughForm({ title, summary: '村北灌溉水渠多处渗漏，提议整修 600 米。' });
    // Chosen by the person, not left at the default.
    clickText(form, '村民会议（18 周岁以上村民）');
    expect(within(form).getByText('✓ 村民会议（18 周岁以上村民）')).toBeTruthy();
    clickText(form, '提交议题');

    const item = await openMatter(title);
    expect(screen.queryByLabelText('发起议题')).toBeNull();
    expect(within(item).getByLabelText(`${title}，商议阶段，进行中`)).toBeTruthy();
    expect(within(item).getByText('下一步：记录两委联席会议商议结果')).toBeTruthy();
    expect(within(item).getByLabelText('记录商议结果')).toBeTruthy();
    expect(within(item).getByLabelText('决议由：村民会议（18 周岁以上村民）')).toBeTruthy();
    expect(screen.getByText(`本村议题（${before + 1} 个）`)).toBeTruthy();

    const saved = await listOf(v);
    expect(saved).toHaveLength(before + 1);
    // Newest first, on the page as on the server.
    expect(saved[0]).toMatchObject({ title, stage: '商议', status: 'active', funding: false });
    expect(screen.getAllByRole('listitem')[0].getAttribute('aria-label')).toBe(title);
    matterId = saved[0].id;
  });

  it('says what is wrong with the form beside its button, before sending anything', async () => {
    openAs('yangjia-secretary', { villageId: v });
    const form = await proposeThroughForm({ title: '修路', summary: '修一下路。' });
    clickText(form, '提交议题');
    expect(within(form).getByRole('alert').textContent).toBe('议题名称要 4 到 60 个字。');
    expect(await listOf(v)).toHaveLength(before + 1);
  });

  it('records the 两委 商议 and moves the matter to 审议', async () => {
    openAs('yangjia-director', { villageId: v });
    const item = await openMatter(title);
    // Only the 书记 proposes: the 主任 has no form.
    expect(screen.queryByText('发起新议题')).toBeNull();
    const step = within(item).getByLabelText('记录商议结果');
    // A record too short is refused beside the button.
    clickText(step, '同意，提交审议');
    await type(step, '会议记录：时间、到会人员、商议意见（至少 4 个字）', '同意');
    clickText(step, '记录商议结果');
    expect(within(step).getByRole('alert').textContent).toBe('请写下会议记录，至少 4 个字。');

    await type(step, '会议记录：时间、到会人员、商议意见（至少 4 个字）', '两委联席会议一致同意，提交党员大会审议。');
    clickText(step, '记录商议结果');
    expect(await within(item).findByText('审议：由党员大会表决')).toBeTruthy();
    expect(await within(item).findByLabelText(`${title}，审议阶段，进行中`)).toBeTruthy();
    expect(within(item).getByText(/村两委联席会议同意提交党员大会审议：两委联席会议一致同意/)).toBeTruthy();
    expect(await matterOf(v, matterId)).toMatchObject({ stage: '审议', status: 'active' });
  });

  it('opens the 党员大会 vote, closing in 3 days at 18:00 China time, and shows the turnout', async () => {
    clockAtHost();
    openAs('yangjia-secretary', { villageId: v, matterId });
    const item = await openMatter(title);
    const step = within(item).getByLabelText('发起表决');
    expect(within(step).getByText(/开始表决时按花名册确定能投票的人/)).toBeTruthy();
    expect((within(step).getByLabelText('截止日期') as HTMLInputElement).value).toBe('2026-11-26');
    expect((within(step).getByLabelText('截止时间') as HTMLInputElement).value).toBe('18:00');
    clickText(step, '开始党员大会表决');

    const meeting = await within(item).findByLabelText('正在表决');
    const members = (await ui.host.store.collection<PersonDoc>(C.people).find({ where: { villageId: v, inRoster: true }, limit: 1000 })).filter(
      (p) => p.partyMember,
    );
    expect(within(meeting).getByLabelText(`已参加：0 / ${members.length} 人（网上 0，现场 0）`)).toBeTruthy();
    expect(within(meeting).getByLabelText(`法定人数：还差 ${Math.ceil((2 * members.length) / 3)} 人`)).toBeTruthy();
    expect(within(meeting).getByLabelText('截止时间：2026-11-26 18:00')).toBeTruthy();
    expect(within(meeting).getByText(/现场投票由村务监督委员会登记，表决也由监委会结束/)).toBeTruthy();
    expect(await within(item).findByLabelText(`${title}，审议阶段，正在表决`)).toBeTruthy();

    const saved = await matterOf(v, matterId);
    expect(saved.meetings).toHaveLength(1);
    expect(saved.meetings[0]).toMatchObject({ stage: '审议', body: 'party', state: 'open', closesAt: '2026-11-26T10:00:00.000Z', eligible: members.length });
  });

  it('says a vote that missed its quorum has to be held again', async () => {
    // Nobody came: the 监委会 closes it.
    const meetingId = (await matterOf(v, matterId)).meetings[0].id;
    await ok('close', { villageId: v, meetingId }, 'yangjia-supervisor');
    clockAtHost();
    openAs('yangjia-secretary', { villageId: v, matterId });
    const item = await openMatter(title);
    const step = within(item).getByLabelText('发起表决');
    expect(within(step).getByText('上次表决未达到法定人数，需要重新召开。')).toBeTruthy();
    expect(within(item).getByText(/审议·党员大会（未达到法定人数）/)).toBeTruthy();
  });

  it('refuses a 筹资筹劳 plan over 15 元 a person with the server’s message, and records nothing', async () => {
    openAs('yangjia-secretary', { villageId: v });
    const form = await proposeThroughForm({ title: '修建村南排水沟', summary: '村南排水沟淤塞，雨季积水，提议清淤并衬砌。' });
    expect(within(form).getByText(/本省上限：每人每年 15 元、每个劳动力 10 个工日；低保户免交、现役军人免除、只向劳动年龄村民筹劳/)).toBeTruthy();
    clickText(form, '这件事要向村民筹资筹劳');
    await type(form, '筹资筹劳项目名称', '村南排水沟');
    await type(form, '项目预算（元）', '30,000');
    await type(form, '每人筹资（元，不筹资可不填）', '20');
    await type(form, '筹劳工日（不筹劳可不填）', '3');
    clickText(form, '提交议题');
    const refusal = await within(form).findByRole('alert');
    expect(refusal.className).toContain('warning-box');
    expect(refusal.textContent).toBe('每人每年筹资不能超过 15 元（本省上限），方案里是 20.00 元。');
    expect(await listOf(v)).toHaveLength(before + 1);

    // At the cap it goes through, and the plan shows as the roster works it out.
    await type(form, '每人筹资（元，不筹资可不填）', '15');
    clickText(form, '提交议题');
    const item = await openMatter('修建村南排水沟');
    const plan = within(item).getByLabelText('筹资筹劳方案');
    expect(within(plan).getByLabelText('每人每年筹资：15.00 元')).toBeTruthy();
    expect(within(plan).getByLabelText('项目预算：30,000.00 元')).toBeTruthy();
    const saved = (await listOf(v)).find((m) => m.title === '修建村南排水沟')!;
    const full = await matterOf(v, saved.id);
    expect(full.funding).toMatchObject({ budgetFen: 3_000_000, perPersonFen: 1_500, workdays: 3 });
  });

  it('tells a villager this page is not theirs', async () => {
    jest.spyOn(Taro, 'navigateBack').mockImplementation(() => Promise.resolve({ errMsg: 'navigateBack:ok' }) as never);
    openAs('yangjia-villager', { villageId: v });
    expect(await screen.findByText('只有书记和村委会主任可以办理一事一议')).toBeTruthy();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('links to the page villagers see', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never);
    openAs('yangjia-director', { villageId: v });
    const item = await openMatter(title);
    clickText(item, '村民看到的页面');
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: `/pages/matters/index?villageId=${v}&matterId=${matterId}` }));
  });
});
