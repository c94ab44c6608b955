/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MeetingPage from '../../src/packages/supervise/meeting';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { answerModal } from './modals';
import { openPage } from './open-page';

// 杨家村 on the demo host (2026-11-23 10:00 China time). Its 党员大会 has six members, among them
// the 书记 李风昌 (the 'yangjia-secretary' persona), so a quorum (two thirds) is four. The tests
// share one host and run in order; each calls its own vote, on a matter of its own.
const ui = pagesOnTestHost();
afterEach(() => {
  jest.restoreAllMocks();
});

const DAY = 24 * 3600 * 1000;
const V = 'yangjia';
const SECRETARY = '李风昌';
const ALREADY = '这个人已经投过票或登记过到会（网上或现场），每人只有一票。';

async function api(action: string, data: Record<string, unknown>, persona: string) {
  const res = await ui.host.call('matters', action, { villageId: V, ...data }, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

/** A matter through 提议 and 商议 to a 党员大会 vote under way. */
async function voteOn(title: string, secret = false): Promise<{ matterId: string; meetingId: string }> {
  const m = await api(
    'propose',
    { title, summary: `${title}，提请党员大会审议。`, decisionBody: 'representatives', ...(secret ? { secret: true } : {}) },
    'yangjia-secretary',
  );
  await api('discuss', { matterId: m.id, agreed: true, record: '两委联席会议同意，提交党员大会审议。' }, 'yangjia-director');
  return reopen(m.id);
}

async function reopen(matterId: string): Promise<{ matterId: string; meetingId: string }> {
  const closesAt = new Date(ui.host.clock.now().getTime() + 3 * DAY).toISOString();
  const m = await api('openVote', { matterId, closesAt }, 'yangjia-secretary');
  return { matterId, meetingId: m.meetings.at(-1).id };
}

function openAs(persona: string, extra: Record<string, string> = {}) {
  return openPage(MeetingPage, '/packages/supervise/meeting/index', { villageId: V, ...extra }, persona);
}

const list = () => screen.findByLabelText('表决名单');

async function expectTurnout(line: string, quorum: string) {
  await waitFor(() => expect(within(screen.getByLabelText('到会情况')).getByText(line)).toBeTruthy());
  expect(within(screen.getByLabelText('到会情况')).getByText(quorum)).toBeTruthy();
}

/** Looks a person up by full name and returns their row (one person of that name on the list). */
async function find(name: string): Promise<HTMLElement> {
  const names = await list();
  await type(names, '输入姓名（要写全名）', name);
  fireEvent.click(within(names).getByText('查找'));
  return screen.findByLabelText(new RegExp(`^选民：${name}（`));
}

const status = (row: HTMLElement) => within(row).getByText(/^(已参加|未参加)$/).textContent;

describe('表决现场登记与计票 (the 监委会 at a 一事一议 vote)', () => {
  it('lists the votes under way and recent closed ones, and opens one', async () => {
    let page = openAs('yangjia-supervisor');
    // Nothing under way yet; the seeded matter's meetings are there to recount.
    expect(await screen.findByText('现在没有正在进行的表决')).toBeTruthy();
    expect((await screen.findAllByLabelText('表决：硬化村东生产路')).length).toBeGreaterThan(0);
    page.unmount();

    const { matterId, meetingId } = await voteOn('修缮村委会院墙');
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never);
    page = openAs('yangjia-supervisor');
    const line = await screen.findByLabelText('表决：修缮村委会院墙');
    expect(within(line).getByText('审议 · 党员大会')).toBeTruthy();
    expect(within(line).getByText('截止：2026-11-26 10:00')).toBeTruthy();
    expect(screen.queryByText('现在没有正在进行的表决')).toBeNull();
    fireEvent.click(within(line).getByText('现场登记与计票'));
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/supervise/meeting/index?villageId=${V}&matterId=${matterId}&meetingId=${meetingId}` });
    page.unmount();
  });

  it('records a named party member’s vote, refuses a second one, and closes short of a quorum as void', async () => {
    const { matterId, meetingId } = await voteOn('村委会院内铺设透水砖');
    // The 书记 votes online, in the app.
    await api('vote', { meetingId, choice: '同意' }, 'yangjia-secretary');
    const modal = answerModal(true);
    openAs('yangjia-supervisor', { matterId, meetingId });

    const summary = await screen.findByLabelText('表决概况');
    expect(within(summary).getByText('村委会院内铺设透水砖')).toBeTruthy();
    expect(within(summary).getByText('审议 · 党员大会')).toBeTruthy();
    expect(within(summary).getByText('记名表决：现场按人登记同意、不同意或弃权。')).toBeTruthy();
    await expectTurnout('应到 6，已参加 1（网上 1，现场 0）', '还差 3 人达到法定人数');

    // 杨红梅 came to the hall and raised her hand for 同意.
    let row = await find('杨红梅');
    expect(status(row)).toBe('未参加');
    expect(within(row).getByText(/^身份证 /)).toBeTruthy();
    fireEvent.click(within(row).getByText('同意'));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '登记：杨红梅 同意', content: expect.stringContaining('每人只有一票') });
    await waitFor(() => expect(status(screen.getByLabelText(/^选民：杨红梅（/))).toBe('已参加'));
    row = screen.getByLabelText(/^选民：杨红梅（/);
    for (const c of ['同意', '不同意', '弃权', '只登记到会']) expect(within(row).queryByText(c)).toBeNull();
    await expectTurnout('应到 6，已参加 2（网上 1，现场 1）', '还差 2 人达到法定人数');

    // The 书记 voted online: listed as taken part, nothing to record.
    row = await find(SECRETARY);
    expect(status(row)).toBe('已参加');
    expect(within(row).queryByText('同意')).toBeNull();
    expect(within(row).queryByText('只登记到会')).toBeNull();

    // Another committee member records 杨玉梅 while this phone still shows her as not voted.
    row = await find('杨玉梅');
    expect(status(row)).toBe('未参加');
    const electors = (await api('electorate', { meetingId, q: '杨玉梅' }, 'yangjia-supervisor')).people;
    await api('recordInPerson', { meetingId, personId: electors[0].personId, choice: '同意' }, 'yangjia-supervisor');
    fireEvent.click(within(row).getByText('不同意'));
    expect((await within(row).findByRole('alert')).textContent).toBe(ALREADY);
    await waitFor(() => expect(status(screen.getByLabelText(/^选民：杨玉梅（/))).toBe('已参加'));
    await expectTurnout('应到 6，已参加 3（网上 1，现场 2）', '还差 1 人达到法定人数');
    // Her one vote stands as recorded first.
    expect((await api('recount', { meetingId }, 'yangjia-supervisor')).counts).toEqual({ 同意: 3, 不同意: 0, 弃权: 0 });

    // Closing one short: the question says the vote would be void, and it is.
    modal.mockClear();
    fireEvent.click(screen.getByText('结束表决并计票'));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    const asked = modal.mock.calls[0][0]?.content ?? '';
    expect(asked).toContain('不能再投票');
    expect(asked).toContain('还差 1 人达到法定人数');
    expect(asked).toContain('表决无效');
    const result = await screen.findByLabelText('表决结果');
    expect(within(result).getByText('表决结果：未达到法定人数，表决无效')).toBeTruthy();
    expect(within(result).getByText('同意 3，不同意 0，弃权 0')).toBeTruthy();
    expect(within(result).getByText('需要重新召开会议表决。')).toBeTruthy();
    expect(within(result).getByText(/实到 3 人，未达到法定人数。$/)).toBeTruthy();
    expect(screen.queryByText('结束表决并计票')).toBeNull();
    expect(within(screen.getByLabelText('表决概况')).getByText(/^表决已结束（.*），不能再投票或登记。$/)).toBeTruthy();

    fireEvent.click(screen.getByText('复核计票'));
    const recount = await screen.findByLabelText('复核结果');
    expect(within(recount).getByText('复核：同意 3，不同意 0，弃权 0；已参加 3 人')).toBeTruthy();
    expect(within(recount).getByText('✓ 与实时计数一致')).toBeTruthy();
    expect(within(recount).queryByRole('alert')).toBeNull();
  });

  it('passes at the meeting called again, recorded from the whole list', async () => {
    const matter = (await api('list', {}, 'yangjia-supervisor')).matters.find((m: { title: string }) => m.title === '村委会院内铺设透水砖');
    const { matterId, meetingId } = await reopen(matter.id);
    answerModal(true);
    openAs('yangjia-supervisor', { matterId, meetingId });
    await expectTurnout('应到 6，已参加 0（网上 0，现场 0）', '还差 4 人达到法定人数');

    const names = await list();
    fireEvent.click(within(names).getByText('显示全部名单'));
    expect(await within(names).findByText('名单共 6 人，已参加 0 人')).toBeTruthy();
    for (let i = 0; i < 4; i += 1) {
      const row = within(names)
        .getAllByLabelText(/^选民：/)
        .find((r) => status(r) === '未参加')!;
      const label = row.getAttribute('aria-label')!;
      fireEvent.click(within(row).getByText(i === 0 ? '弃权' : '同意'));
      await waitFor(() => expect(status(within(names).getByLabelText(label))).toBe('已参加'));
    }
    await waitFor(() => expect(within(names).getByText('名单共 6 人，已参加 4 人')).toBeTruthy());
    await expectTurnout('应到 6，已参加 4（网上 0，现场 4）', '已达到法定人数');

    fireEvent.click(screen.getByText('结束表决并计票'));
    const result = await screen.findByLabelText('表决结果');
    expect(within(result).getByText('表决结果：通过')).toBeTruthy();
    expect(within(result).getByText('同意 3，不同意 0，弃权 1')).toBeTruthy();
    expect(within(result).getByText(/同意票须超过到会人数的一半；同意 3\/4，通过。$/)).toBeTruthy();
    fireEvent.click(screen.getByText('复核计票'));
    expect(within(await screen.findByLabelText('复核结果')).getByText('✓ 与实时计数一致')).toBeTruthy();
  });

  it('in a secret vote records only attendance by name, and refuses a box with more ballots than attendees', async () => {
    const { matterId, meetingId } = await voteOn('调整村集体机动地承包方案', true);
    await api('vote', { meetingId, choice: '不同意' }, 'yangjia-secretary');
    const modal = answerModal(true);
    openAs('yangjia-supervisor', { matterId, meetingId });
    expect(within(await screen.findByLabelText('表决概况')).getByText(/^不记名表决/)).toBeTruthy();
    await expectTurnout('应到 6，已参加 1（网上 1，现场 0）', '还差 3 人达到法定人数');

    let row = await find('杨翠萍');
    for (const c of ['同意', '不同意', '弃权', '只登记到会']) expect(within(row).queryByText(c)).toBeNull();
    fireEvent.click(within(row).getByText('登记到会'));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '登记：杨翠萍 到会', content: expect.stringContaining('票箱') });
    await waitFor(() => expect(status(screen.getByLabelText(/^选民：杨翠萍（/))).toBe('已参加'));
    row = screen.getByLabelText(/^选民：杨翠萍（/);
    expect(within(row).queryByText('登记到会')).toBeNull();
    await expectTurnout('应到 6，已参加 2（网上 1，现场 1）', '还差 2 人达到法定人数');

    // Two ballots in the box but one person came in person: refused, with the server's words.
    const box = await screen.findByLabelText('清点票箱');
    expect(within(box).getByText(/不能超过现场登记到会、还没清点过的人数/)).toBeTruthy();
    await type(box, '同意票张数', '2');
    fireEvent.click(within(box).getByText('提交清点结果'));
    expect((await within(box).findByRole('alert')).textContent).toBe('票箱里的票（2 张）比现场登记到会的人（1 人）多，请核对。');

    await type(box, '同意票张数', '1');
    fireEvent.click(within(box).getByText('提交清点结果'));
    await waitFor(() => expect(within(screen.getByLabelText('清点票箱')).queryByRole('alert')).toBeNull());
    // While a secret vote is open there is no recount to press: counts beside who has voted
    // would tell how each voted. Once it is closed, both ballots are there.
    expect(within(screen.getByLabelText('复核计票')).getByText('不记名表决结束之后才能复核计票。')).toBeTruthy();
    expect(screen.queryByText('复核计票', { selector: '.nut-button *' })).toBeNull();
    await api('close', { meetingId }, 'yangjia-supervisor');
    expect((await api('recount', { meetingId }, 'yangjia-supervisor')).counts).toEqual({ 同意: 1, 不同意: 1, 弃权: 0 });
  });

  it('says plainly when a recount differs from the running tally', async () => {
    const { matterId, meetingId } = await voteOn('村内主街安装减速带');
    await api('vote', { meetingId, choice: '同意' }, 'yangjia-secretary');
    // The running tally is tampered with behind the ballots' back.
    await ui.host.store.collection('vote_tallies').update(meetingId, { yes: 5 });
    openAs('yangjia-supervisor', { matterId, meetingId });
    fireEvent.click(await screen.findByText('复核计票'));
    const recount = await screen.findByLabelText('复核结果');
    expect(within(recount).getByText('复核：同意 1，不同意 0，弃权 0；已参加 1 人')).toBeTruthy();
    expect(within(recount).getByRole('alert').textContent).toBe('复核结果与实时计数不一致，已记入审计记录');
    expect(within(recount).queryByText('✓ 与实时计数一致')).toBeNull();
  });
});
