/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AssignedPage from '../../src/packages/cadre/assigned';
import TicketsPage from '../../src/packages/supervise/tickets';
import MinePage from '../../src/pages/mine';
import { pagesOnTestHost } from './fetch-to-host';
import { box, type } from './inputs';
import { PLAIN_PNG } from '../helpers/photo-metadata';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 and 杨家村 has no tickets until a test files them. The
// tests share one host and run in order; the last one moves the clock on.
const ui = pagesOnTestHost();

const DAY = 24 * 3600 * 1000;
const PNG = PLAIN_PNG.toString('base64');
// 杨家村's 村委会主任 persona: the person the 监委会 hands 小事 to here.
const DIRECTOR = '杨明亮';
const ANSWER_BOX = '答复内容（提出的人会收到）';

async function ok(action: string, data: Record<string, unknown>, persona: string) {
  const res = await ui.host.send('tickets', action, { villageId: 'yangjia', ...data }, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

/** A report from a villager, handed by the 监委会 to the 村委会主任 as a 小事. */
async function handedToDirector(text: string, reason: string, photos: string[] = []) {
  const t = await ok('file', { kind: 'report', category: '村务类', text, photos, anonymous: true }, 'yangjia-villager');
  const { people } = await ok('assignees', {}, 'yangjia-supervisor');
  const director = people.find((p: { name: string }) => p.name === DIRECTOR);
  await ok('triage', { ticketId: t.id, decision: '小事', reason, assigneePersonId: director.personId }, 'yangjia-supervisor');
  return t as { id: string };
}

function open(Page: () => JSX.Element, persona: string, params: Record<string, string> = { villageId: 'yangjia' }) {
  return openPage(Page, '/packages/cadre/assigned/index', params, persona);
}

const label = (text: string) => `事项：${Array.from(text).slice(0, 20).join('')}`;
const card = (text: string) => screen.findByLabelText(label(text));
const cards = () => screen.queryAllByLabelText(/^事项：/);

describe('交给我办理的事项 (the 小事 the 监委会 handed to a cadre)', () => {
  const DITCH = '村北排水沟堵了，下雨就漫到路上。';
  const FENCE = '小学门口的护栏松了，孩子们放学时常扶着。';

  it('shows the director what was handed to them, and takes their answer to the 监委会’s ledger', async () => {
    const photo = await ok('upload', { name: '水沟.png', dataBase64: PNG }, 'yangjia-villager');
    await handedToDirector(DITCH, '村里组织人清淤即可', [photo.id]);
    const page = open(AssignedPage, 'yangjia-director');

    let c = await card(DITCH);
    expect(cards()).toHaveLength(1);
    expect(within(c).getByText('待处理')).toBeTruthy();
    expect(within(c).getByText('反映 · 村务类')).toBeTruthy();
    expect(within(c).getByText('匿名')).toBeTruthy();
    expect(within(c).getByText('应在 2026年12月3日 前答复')).toBeTruthy();
    expect(within(c).queryByText('已超期')).toBeNull();
    expect(within(c).getByText('分流：小事 · 村里组织人清淤即可')).toBeTruthy();
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' } as never);
    fireEvent.click(within(c).getByLabelText('照片 1'));
    expect(preview).toHaveBeenCalledWith({ current: photo.url, urls: [photo.url] });
    expect(screen.getByText('有 1 件要您答复，请在期限前答复；答复会直接发给提出的人。')).toBeTruthy();
    // Handing on, closing and the board are the 监委会's: none of it here.
    for (const control of ['确认分流', '销号', '公开到建议栏']) expect(within(c).queryByText(control)).toBeNull();

    await type(c, ANSWER_BOX, '已组织村民清淤，排水沟通了。');
    const toast = jest.spyOn(Taro, 'showToast');
    fireEvent.click(within(c).getByText('答复'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已答复，提出的人会收到' })));
    expect(await within(c).findByText('已答复')).toBeTruthy();
    c = await card(DITCH);
    expect(within(c).getByText(/^答复（2026-11-23 \d\d:\d\d）：已组织村民清淤，排水沟通了。$/)).toBeTruthy();
    expect(within(c).getByText('等待提出的人评价')).toBeTruthy();
    expect(within(c).queryByPlaceholderText(ANSWER_BOX)).toBeNull();
    expect(screen.getByText('交给您的事项都已答复。')).toBeTruthy();
    page.unmount();

    // The 监委会 sees it answered, by whom it was handled, and waits for the rating to close it.
    open(TicketsPage, 'yangjia-supervisor', { villageId: 'yangjia', show: 'answered' });
    c = await card(DITCH);
    expect(within(c).getByText('已答复')).toBeTruthy();
    expect(within(c).getByText(`办理人：${DIRECTOR}（交办于 2026年11月23日）`)).toBeTruthy();
    expect(within(c).getByText(/：已组织村民清淤，排水沟通了。$/)).toBeTruthy();
    expect(within(c).getByText('等提出的人评价答复后才能销号。')).toBeTruthy();
  });

  it('has nothing for someone nothing was handed to', async () => {
    open(AssignedPage, 'yangjia-accountant');
    expect(await screen.findByText('没有交给您办理的事项')).toBeTruthy();
    expect(cards()).toHaveLength(0);
  });

  it('keeps a refusal and the typed answer on the card', async () => {
    const t = await handedToDirector(FENCE, '村里找人加固护栏');
    open(AssignedPage, 'yangjia-director');
    const c = await card(FENCE);
    await type(c, ANSWER_BOX, '护栏已经加固好了。');
    // The 监委会 answered it meanwhile.
    await ok('answer', { ticketId: t.id, text: '监委会已联系学校，护栏周末加固。' }, 'yangjia-supervisor');
    fireEvent.click(within(c).getByText('答复'));
    const refused = await within(c).findByRole('alert');
    expect(refused.className).toContain('warning-box');
    expect(refused.textContent).toBe('这一条已经答复过了。');
    expect(((await box(c, ANSWER_BOX)) as HTMLTextAreaElement).value).toBe('护栏已经加固好了。');
  });

  it('is reached from 我的 by those a 小事 can be handed to, and only by them', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never);
    let page = open(MinePage, 'yangjia-director', {});
    fireEvent.click(await screen.findByText('交给我办理的事项'));
    expect(nav).toHaveBeenCalledWith({ url: '/packages/cadre/assigned/index?villageId=yangjia' });
    page.unmount();

    page = open(MinePage, 'yangjia-villager', {});
    // The villager's own line under 我的身份 is there; the way in is not.
    expect(await screen.findByText('杨家村 · 杨德福')).toBeTruthy();
    expect(screen.queryByText('交给我办理的事项')).toBeNull();
    page.unmount();
  });

  it('tells someone not yet verified in the village why the page is empty of work', async () => {
    open(AssignedPage, 'yangjia-newcomer');
    const refused = await screen.findByRole('alert');
    expect(within(refused).getByText('请先在“我的”里完成村民身份认证。')).toBeTruthy();
  });

  // Last: it moves the host's clock on.
  it('keeps a handed-over point until it is overdue, then lets it go to the township', async () => {
    const LATE = '村西机井的电闸箱门坏了，关不上。';
    await handedToDirector(LATE, '村里找电工修好电闸箱');
    ui.host.clock.advance(9 * DAY);
    const before = open(AssignedPage, 'yangjia-director');
    expect(await card(LATE)).toBeTruthy();
    before.unmount();
    ui.host.clock.advance(2 * DAY);
    await ui.host.post('/dev/tick', '{}');
    // Overdue, it went to the township: the township answers it now, and it leaves this list.
    open(AssignedPage, 'yangjia-director');
    await waitFor(() => expect(screen.queryByLabelText(new RegExp(`^事项：${LATE.slice(0, 10)}`))).toBeNull());
  });
});
