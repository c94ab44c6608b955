/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TicketsPage from '../../src/pages/tickets';
import type { TicketStats, TicketView } from '../../types/tickets';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { PLAIN_PNG } from '../helpers/photo-metadata';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 10:00 China time; replies are due 10 days later.
const ui = pagesOnTestHost();

const WRITE_HERE = '请写清楚是什么事、在哪里、什么时候';

function openAs(persona: string | null, params: Record<string, string>) {
  return openPage(TicketsPage, '/pages/tickets/index', params, persona);
}

async function ok(fn: string, action: string, data: unknown, persona?: string) {
  const res = await ui.host.call(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

const countsOf = (s: TicketStats) =>
  `已收到 ${s.received} 条，已答复 ${s.answered} 条（按时 ${s.answeredOnTime} 条），已销号 ${s.closed} 条，满意 ${s.satisfied} / 评价 ${s.rated}`;

const pressed = (el: HTMLElement) => el.closest('[aria-pressed]')?.getAttribute('aria-pressed');

const png = (name: string) => new File([new Uint8Array(PLAIN_PNG)], name, { type: 'image/png' });

async function mine(villageId: string, persona: string): Promise<TicketView[]> {
  return (await ok('tickets', 'mine', { villageId }, persona)).tickets;
}

describe('码上监督 (villager page)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('files an anonymous 财务类 report with a photo; it shows under 我提过的, can fall overdue, and is rated once answered', async () => {
    const before: TicketStats = await ok('tickets', 'stats', { villageId: 'yangjia' });
    const page = openAs('yangjia-villager', { villageId: 'yangjia', tab: 'new' });
    expect(await screen.findByText(countsOf(before))).toBeTruthy();
    const form = await screen.findByLabelText('反映问题');

    // Nothing sent until a category is chosen, said in words by the submit button.
    const text = '村里去年修路的钱，公示栏上只贴了总数，没有明细。';
    await type(form, WRITE_HERE, text);
    fireEvent.click(within(form).getByText('提交'));
    expect(within(form).getByRole('alert').textContent).toBe('请选择反映的类别：党务类、村务类或财务类。');
    fireEvent.click(within(form).getByText('财务类'));
    expect(pressed(within(form).getByText('财务类'))).toBe('true');

    // Photos: JPG or PNG only, listed with a way to remove them.
    const picker = within(form).getByLabelText('添加照片') as HTMLInputElement;
    expect(picker.getAttribute('accept')).toBe('image/jpeg,image/png');
    fireEvent.change(picker, { target: { files: [new File(['not a picture'], '说明.txt', { type: 'text/plain' })] } });
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('只能上传照片（JPG、PNG）。'));
    fireEvent.change(within(form).getByLabelText('添加照片'), { target: { files: [png('IMG_20261123_091500.png')] } });
    expect(await within(form).findByText('照片 1')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('添加照片'), { target: { files: [png('公示栏.png')] } });
    expect(await within(form).findByText('照片 2')).toBeTruthy();
    // Listed by number, never by the phone's name for the file, which may say when it was taken.
    expect(within(form).queryByText(/IMG_20261123|公示栏/)).toBeNull();
    fireEvent.click(within(form).getByLabelText('移除照片 1'));
    expect(within(form).queryByText('照片 2')).toBeNull();
    expect(within(form).getByText('照片 1')).toBeTruthy();
    expect(within(form).getByText('照片（可不加，1 / 6）')).toBeTruthy();

    // 实名 or 匿名 is the villager's choice, never a silent default, and 匿名 is explained.
    fireEvent.click(within(form).getByText('提交'));
    expect(within(form).getByRole('alert').textContent).toBe('请选择“实名”还是“匿名”。');
    expect(within(form).getByText('匿名：村干部和监委会都看不到是谁反映的，只有镇纪委在核查需要时可以查看，并会留下记录。')).toBeTruthy();
    fireEvent.click(within(form).getByText('匿名'));
    const toast = jest.spyOn(Taro, 'showToast');
    fireEvent.click(within(form).getByText('提交'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，答复会出现在“我提过的”里' })));

    // The page moves to 我提过的, where the report reads as filed.
    const card = await screen.findByLabelText(`我的：${text.slice(0, 20)}`);
    expect(pressed(screen.getByText('我提过的'))).toBe('true');
    for (const words of ['反映问题', '财务类', '匿名', '待处理', '应在 2026年12月3日 前答复', text]) expect(within(card).getByText(words)).toBeTruthy();
    expect(within(card).getByLabelText('照片 1')).toBeTruthy();
    expect(within(card).queryByText('满意')).toBeNull();
    await waitFor(() => expect(screen.getByText(countsOf({ ...before, received: before.received + 1 }))).toBeTruthy());

    // Anonymous means the 监委会 does not see who filed it.
    const [filed] = await mine('yangjia', 'yangjia-villager');
    expect(filed).toMatchObject({ text, kind: 'report', category: '财务类', anonymous: true, state: 'open' });
    const queue = await ok('tickets', 'queue', { villageId: 'yangjia', kind: 'report' }, 'yangjia-supervisor');
    expect(queue.tickets.find((t: TicketView) => t.id === filed.id)?.askerName).toBeNull();
    page.unmount();

    // Past its due date without an answer: said in words, on the counts and on the card.
    ui.host.store.db.prepare(`UPDATE "c_tickets" SET data = json_set(data, '$.overdue', json('true')) WHERE id = ?`).run(filed.id);
    const overdue = openAs('yangjia-villager', { villageId: 'yangjia', tab: 'mine' });
    expect(await screen.findByText(/^超期未答复 [1-9]\d* 条$/)).toBeTruthy();
    expect(within(await screen.findByLabelText(`我的：${text.slice(0, 20)}`)).getByText('已超期')).toBeTruthy();
    overdue.unmount();

    await ok('tickets', 'answer', { villageId: 'yangjia', ticketId: filed.id, text: '修路款明细已补贴到公示栏。' }, 'yangjia-supervisor');
    openAs('yangjia-villager', { villageId: 'yangjia', tab: 'mine' });
    const answered = await screen.findByLabelText(`我的：${text.slice(0, 20)}`);
    expect(within(answered).getByText('已答复')).toBeTruthy();
    expect(within(answered).getByText('答复：修路款明细已补贴到公示栏。')).toBeTruthy();
    expect(within(answered).queryByText('已超期')).toBeNull();
    expect(within(answered).getByText('选“不满意”，会退回去重新答复一次；重新答复后还不满意，会转到镇里处理。')).toBeTruthy();
    for (const r of ['满意', '基本满意']) expect(within(answered).getByText(r)).toBeTruthy();

    fireEvent.click(within(answered).getByText('不满意'));
    await waitFor(() => expect(within(answered).getByText('待处理')).toBeTruthy());
    expect(within(answered).getByText('您对答复不满意，已退回重新答复。')).toBeTruthy();
    expect(within(answered).getByText(/评价：不满意/)).toBeTruthy();
    expect(within(answered).queryByText('基本满意')).toBeNull();
    expect((await mine('yangjia', 'yangjia-villager')).find((t) => t.id === filed.id)).toMatchObject({ state: 'open', reopened: 1 });
    const after: TicketStats = await ok('tickets', 'stats', { villageId: 'yangjia' });
    expect(after).toMatchObject({ answered: before.answered + 1, rated: before.rated + 1, satisfied: before.satisfied });
    await waitFor(() => expect(screen.getByText(countsOf(after))).toBeTruthy());
  });

  it('tells an unverified newcomer that a named report needs verification, and files nothing', async () => {
    openAs('yangjia-newcomer', { villageId: 'yangjia' });
    const form = await screen.findByLabelText('反映问题');
    expect(await within(form).findByText('您还没有认证村民身份：可以匿名提交；想实名，请先认证。')).toBeTruthy();
    fireEvent.click(within(form).getByText('村务类'));
    await type(form, WRITE_HERE, '村西头的路灯坏了一个多月没人修。');
    fireEvent.click(within(form).getByText('实名'));
    fireEvent.click(within(form).getByText('提交'));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('实名反映需要先在“我的”里完成村民身份认证；也可以选择匿名。'));
    // What was written stays, so choosing 匿名 is one tap away.
    expect(within(form).getByDisplayValue('村西头的路灯坏了一个多月没人修。')).toBeTruthy();
    expect(await mine('yangjia', 'yangjia-newcomer')).toEqual([]);
  });

  it('sends a suggestion, which the 监委会 puts on the board, where a villager seconds it once', async () => {
    openAs('yangjia-villager', { villageId: 'yangjia' });
    fireEvent.click(await screen.findByText('我要提建议'));
    const form = await screen.findByLabelText('提建议');
    // A suggestion has no category to choose.
    expect(within(form).queryByText('财务类')).toBeNull();
    const text = '建议在村东头路口装一盏路灯，晚上太黑。';
    await type(form, WRITE_HERE, text);
    fireEvent.click(within(form).getByText('实名'));
    fireEvent.click(within(form).getByText('提交'));
    const card = await screen.findByLabelText(`我的：${text.slice(0, 20)}`);
    for (const words of ['建议', '实名', '待处理']) expect(within(card).getByText(words)).toBeTruthy();

    const suggestion = (await mine('yangjia', 'yangjia-villager')).find((t) => t.text === text) as TicketView;
    await ok('tickets', 'markPublic', { villageId: 'yangjia', ticketId: suggestion.id, public: true }, 'yangjia-supervisor');
    fireEvent.click(screen.getByText('公开的建议'));
    const onBoard = await screen.findByLabelText(`建议：${text.slice(0, 20)}`);
    fireEvent.click(within(onBoard).getByText('附议（0）'));
    expect(await within(onBoard).findByText('附议（1）')).toBeTruthy();
    fireEvent.click(within(onBoard).getByText('附议（1）'));
    await waitFor(() => expect(within(onBoard).getByRole('alert').textContent).toBe('您已经附议过这条建议了。'));
    expect(within(onBoard).getByText('附议（1）')).toBeTruthy();
    expect((await ok('tickets', 'board', { villageId: 'yangjia' })).tickets.find((t: TicketView) => t.id === suggestion.id)?.seconds).toBe(1);
  });

  it('shows a visitor who has not signed in the counts and the board, and says to open it in WeChat', async () => {
    const filed = await ok(
      'tickets',
      'file',
      { villageId: 'doufuli', kind: 'suggestion', text: '建议村里的文化广场晚上开灯到九点。', anonymous: true },
      'doufuli-villager',
    );
    await ok('tickets', 'markPublic', { villageId: 'doufuli', ticketId: filed.id, public: true }, 'doufuli-supervisor');
    await ok('tickets', 'answer', { villageId: 'doufuli', ticketId: filed.id, text: '已和电工商量，下月起开到九点。' }, 'doufuli-supervisor');
    const stats: TicketStats = await ok('tickets', 'stats', { villageId: 'doufuli' });

    openAs(null, { villageId: 'doufuli', tab: 'board' });
    expect(await screen.findByText(countsOf(stats))).toBeTruthy();
    const onBoard = await screen.findByLabelText('建议：建议村里的文化广场晚上开灯到九点。');
    expect(within(onBoard).getByText('答复：已和电工商量，下月起开到九点。')).toBeTruthy();
    fireEvent.click(within(onBoard).getByText('附议（0）'));
    await waitFor(() => expect(within(onBoard).getByRole('alert').textContent).toBe('请在微信中打开阳光村务后再试。'));

    fireEvent.click(screen.getByText('我提过的'));
    expect(await screen.findByText('在微信里打开阳光村务，才能看到您提过的')).toBeTruthy();

    fireEvent.click(screen.getByText('我要反映问题'));
    const form = await screen.findByLabelText('反映问题');
    expect(await within(form).findByText('请在微信里打开阳光村务，才能反映问题或提建议。')).toBeTruthy();
    fireEvent.click(within(form).getByText('党务类'));
    await type(form, WRITE_HERE, '党员大会的记录没有公开。');
    fireEvent.click(within(form).getByText('匿名'));
    fireEvent.click(within(form).getByText('提交'));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('请在微信中打开阳光村务后再试。'));
  });
});
