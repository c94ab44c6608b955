/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TicketsPage from '../../src/packages/supervise/tickets';
import { pagesOnTestHost } from './fetch-to-host';
import { box, type } from './inputs';
import { PLAIN_PNG } from '../helpers/photo-metadata';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 and 大姜村 has no tickets until a test files them. The
// tests share one host and run in order: each files its own tickets, under categories the
// others do not use, so a filter picks out exactly the cards a test is about.
const ui = pagesOnTestHost();

const DAY = 24 * 3600 * 1000;
const PNG = PLAIN_PNG.toString('base64');
// The verified villager persona of 大姜村: the name a named ticket shows and an anonymous one never does.
const VILLAGER_NAME = '姜岩松';
// 大姜村's 村委会主任 and 监委会主任 personas: people a 小事 can be handed to.
const DIRECTOR = '姜明亮';
const SUPERVISOR = '姜春生';

async function ok(action: string, data: unknown, persona: string) {
  const res = await ui.host.send('tickets', action, data, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

const fileAs = (data: Record<string, unknown>) => ok('file', { villageId: 'dajiang', ...data }, 'dajiang-villager');

function openAs(persona: string, extra: Record<string, string> = {}) {
  return openPage(TicketsPage, '/packages/supervise/tickets/index', { villageId: 'dajiang', ...extra }, persona);
}

const label = (text: string) => `事项：${Array.from(text).slice(0, 20).join('')}`;
const card = (text: string) => screen.findByLabelText(label(text));
const cards = () => screen.queryAllByLabelText(/^事项：/);
/** A filter button, found in its own row: the same words appear on the cards. */
const filter = (row: '状态' | '类型' | '类别' | '时长', choice: string) => within(screen.getByLabelText(`按${row}筛选`)).getByText(choice);
const pick = (row: '状态' | '类型' | '类别' | '时长', choice: string) => fireEvent.click(filter(row, choice));
const pressed = (row: '状态' | '类型' | '类别' | '时长', choice: string) => filter(row, choice).closest('[aria-pressed]')?.getAttribute('aria-pressed');
const counts = () => screen.findByLabelText('办理情况');
function buttonOf(scope: HTMLElement, text: string): HTMLElement {
  const b = within(scope).getByText(text).closest('.nut-button');
  if (!b) throw new Error(`no button ${text}`);
  return b as HTMLElement;
}

describe('问题台账 (the 监委会’s ledger of questions, reports and suggestions)', () => {
  const REPORT = '九月保洁费收据上的金额和公示栏上写的不一样，请核对。';
  const SUGGESTION = '建议给村口的公开栏加一个遮雨棚，下雨天也能看。';

  it('keeps an anonymous report nameless, and takes it from 分流 through 答复 and 评价 to 销号', async () => {
    const report = await fileAs({ kind: 'report', category: '财务类', text: REPORT, anonymous: true });
    await fileAs({ kind: 'suggestion', text: SUGGESTION, anonymous: false });
    const page = openAs('dajiang-supervisor');

    // Opens on what needs doing.
    expect(await card(REPORT)).toBeTruthy();
    expect(await card(SUGGESTION)).toBeTruthy();
    expect(pressed('状态', '待处理')).toBe('true');
    expect(within(await counts()).getByText('收到 2 件')).toBeTruthy();
    expect(within(await counts()).getByText('销号 0 件')).toBeTruthy();

    // Only 财务类 reports: the anonymous one alone, and the villager's name nowhere on the page.
    pick('类型', '反映');
    pick('类别', '财务类');
    let c = await card(REPORT);
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(within(c).getByText('匿名')).toBeTruthy();
    expect(within(c).getByText('反映 · 财务类')).toBeTruthy();
    expect(within(c).getByText('应在 2026年12月3日 前答复')).toBeTruthy();
    expect(within(c).queryByText('已超期')).toBeNull();
    expect(document.body.textContent).not.toContain(VILLAGER_NAME);
    // Not triaged yet, so neither 销号 nor the suggestion board is on offer.
    expect(within(c).queryByText('销号')).toBeNull();
    expect(within(c).queryByText('公开到建议栏')).toBeNull();

    // 三事分流: the grey button says what it waits for.
    expect(within(c).getByText('还差：选择大事、小事或私事；写分流理由（至少 4 个字）')).toBeTruthy();
    // 小事 stays with the village, handed to a named person; still to be answered.
    fireEvent.click(within(c).getByText('小事'));
    expect(within(c).getByText('小事留在村里办理，办好后在下面答复。')).toBeTruthy();
    expect(within(c).getByText('办理人会收到通知，并可以直接答复。')).toBeTruthy();
    // Three characters are fewer than the server takes: the page says so instead of sending them.
    await type(c, '分流理由（私事就写给村民的指导意见）', '核对过');
    expect(within(c).getByText('还差：在上面选择办理人；写分流理由（至少 4 个字）')).toBeTruthy();
    await type(c, '分流理由（私事就写给村民的指导意见）', '监委会核对收据即可');
    // Not without someone to do it.
    const director = await within(c).findByText(`${DIRECTOR}（村委会主任）`);
    expect(within(c).getByText('还差：在上面选择办理人')).toBeTruthy();
    expect(buttonOf(c, '确认分流').className).toContain('nut-button-disabled');
    expect(within(c).getByText(`${SUPERVISOR}（村务监督委员会主任）`)).toBeTruthy();
    fireEvent.click(director);
    expect(director.closest('[aria-pressed]')?.getAttribute('aria-pressed')).toBe('true');
    expect(within(c).queryByText(/^还差/)).toBeNull();
    expect(buttonOf(c, '确认分流').className).not.toContain('nut-button-disabled');
    fireEvent.click(within(c).getByText('确认分流'));
    expect(await within(c).findByText('分流：小事 · 监委会核对收据即可')).toBeTruthy();
    expect(within(c).getByText(`办理人：${DIRECTOR}（交办于 2026年11月23日）`)).toBeTruthy();
    expect(within(c).getByText('待处理')).toBeTruthy();
    // The 监委会 may still answer it itself.

    // 答复: it leaves 待处理 and waits under 已答复 for the asker's rating, which 销号 needs.
    await type(c, '答复内容（提出的人会收到）', '已核对，收据金额抄错了，已更正。');
    fireEvent.click(within(c).getByText('答复'));
    await waitFor(() => expect(screen.queryByLabelText(label(REPORT))).toBeNull());
    pick('状态', '已答复');
    c = await card(REPORT);
    expect(within(c).getByText('已答复')).toBeTruthy();
    expect(within(c).getByText(/^答复（2026-11-23 10:00）：已核对，收据金额抄错了，已更正。$/)).toBeTruthy();
    expect(within(c).getByText('等提出的人评价答复后才能销号。')).toBeTruthy();
    expect(within(c).queryByText('销号')).toBeNull();
    expect(within(c).queryByPlaceholderText('答复内容（提出的人会收到）')).toBeNull();

    await ok('rate', { villageId: 'dajiang', ticketId: report.id, rating: '满意' }, 'dajiang-villager');
    pick('状态', '全部');
    c = await card(REPORT);
    expect(within(c).getByText('评价：满意')).toBeTruthy();
    await type(c, '办理结果（销号时填写）', '收据已更正，公示栏补贴了说明。');
    const toast = jest.spyOn(Taro, 'showToast');
    fireEvent.click(within(c).getByText('销号'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已销号' })));
    expect(await within(c).findByText('销号：收据已更正，公示栏补贴了说明。')).toBeTruthy();
    expect(within(await counts()).getByText('销号 1 件')).toBeTruthy();
    expect(within(await counts()).getByText('答复 1 件，其中按时答复 1 件')).toBeTruthy();
    expect(within(await counts()).getByText('评价 1 次，其中满意或基本满意 1 次')).toBeTruthy();

    pick('状态', '待处理');
    expect(await screen.findByText('没有符合条件的事项')).toBeTruthy();
    pick('状态', '已销号');
    c = await card(REPORT);
    expect(within(c).getByText('已销号')).toBeTruthy();
    expect(cards()).toHaveLength(1);
    expect(document.body.textContent).not.toContain(VILLAGER_NAME);

    // Suggestions: the named one shows who made it, and goes on the public board.
    pick('状态', '待处理');
    pick('类型', '建议');
    expect(screen.queryByLabelText('按类别筛选')).toBeNull();
    c = await card(SUGGESTION);
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(within(c).getByText(VILLAGER_NAME)).toBeTruthy();
    expect(within(c).getByText('建议')).toBeTruthy();
    fireEvent.click(within(c).getByText('公开到建议栏'));
    expect(await within(c).findByText('从建议栏撤下')).toBeTruthy();
    expect(within(c).getByText('已公开到建议栏 · 附议 0 人')).toBeTruthy();
    const board = (await ui.host.call('tickets', 'board', { villageId: 'dajiang' })).body.data.tickets;
    expect(board).toEqual([expect.objectContaining({ text: SUGGESTION, askerName: null })]);
    page.unmount();
  });

  it('previews photos, sends 大事 to the township, and shows a refusal on the card', async () => {
    const photo = await ok('upload', { villageId: 'dajiang', name: '水渠.png', dataBase64: PNG }, 'dajiang-villager');
    const MAJOR = '村西的水渠塌了一段，浇地的水过不去，涉及好几个村。';
    const STALE = '党员大会的记录没有在公开栏贴出来。';
    await fileAs({ kind: 'report', category: '村务类', text: MAJOR, photos: [photo.id], anonymous: true });
    const stale = await fileAs({ kind: 'report', category: '党务类', text: STALE, anonymous: false });
    openAs('dajiang-supervisor');

    let c = await card(MAJOR);
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' } as never);
    fireEvent.click(within(c).getByLabelText('照片 1'));
    expect(preview).toHaveBeenCalledWith({ current: photo.url, urls: [photo.url] });

    fireEvent.click(within(c).getByText('大事'));
    await type(c, '分流理由（私事就写给村民的指导意见）', '跨村的水利工程，村里办不了');
    fireEvent.click(within(c).getByText('确认分流'));
    await waitFor(() => expect(screen.queryByLabelText(label(MAJOR))).toBeNull());
    pick('状态', '已转镇里');
    c = await card(MAJOR);
    expect(within(c).getByText('已转镇里：大事')).toBeTruthy();
    expect(within(c).getByText('分流：大事 · 跨村的水利工程，村里办不了')).toBeTruthy();
    // Escalated is still unanswered: the answer box stays, 分流 does not.
    expect(await box(c, '答复内容（提出的人会收到）')).toBeTruthy();
    expect(within(c).queryByText('确认分流')).toBeNull();

    // Someone else answers meanwhile; this card still offers 分流, and the server says why not.
    pick('状态', '待处理');
    c = await card(STALE);
    await ok('answer', { villageId: 'dajiang', ticketId: stale.id, text: '记录已补贴到公开栏。' }, 'dajiang-supervisor');
    fireEvent.click(within(c).getByText('私事'));
    await type(c, '分流理由（私事就写给村民的指导意见）', '请到村委会查阅会议记录');
    fireEvent.click(within(c).getByText('确认分流'));
    expect((await within(c).findByRole('alert')).textContent).toBe('只有待处理的事项可以分流。');
    expect(within(c).queryByText(/^分流：/)).toBeNull();
  });

  it('tells a villager the ledger is not theirs to see', async () => {
    openAs('dajiang-villager');
    const refused = await screen.findByRole('alert');
    expect(within(refused).getByText('只有村务监督委员会和镇里可以查看问题台账')).toBeTruthy();
    expect(within(refused).getByText(/您没有权限进行此操作/)).toBeTruthy();
    expect(cards()).toHaveLength(0);
    expect(screen.queryByLabelText('按状态筛选')).toBeNull();
  });

  // It moves the host's clock on: tickets filed before it are past due after it, so the tests
  // that follow file their own.
  it('marks a ticket left past its due date as overdue and sent to the township, and finds it by age', async () => {
    ui.host.clock.advance(11 * DAY);
    await ui.host.post('/dev/tick', '{}');
    openAs('dajiang-supervisor');
    // The suggestion left at the village, and the 大事 the township let pass too.
    expect(within(await counts()).getByText('超期未答复 2 件')).toBeTruthy();
    pick('状态', '已转镇里');
    pick('时长', '超过 30 天');
    expect(await screen.findByText('没有符合条件的事项')).toBeTruthy();
    pick('时长', '超过 7 天');
    const c = await card(SUGGESTION);
    expect(within(c).getByText('已超期')).toBeTruthy();
    expect(within(c).getByText('已转镇里：超期')).toBeTruthy();
  });
  it('opens on the list a link asks for, says so on a removable line, and goes back to 待处理 without it', async () => {
    const FRESH = '村委会门口的垃圾桶满了好几天没人清。';
    await fileAs({ kind: 'report', category: '村务类', text: FRESH, anonymous: true });
    // The township's overview and its overdue message link here with show=overdue.
    openAs('township-admin', { show: 'overdue' });
    const late = await card(SUGGESTION);
    // The suggestion and the 大事 sent to the township earlier: both past their date.
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(within(late).getByText('已超期')).toBeTruthy();
    expect(screen.getByText('只看：超期未答复')).toBeTruthy();
    expect(pressed('状态', '全部')).toBe('true');
    expect(screen.queryByLabelText(label(FRESH))).toBeNull();

    fireEvent.click(screen.getByLabelText('不再只看超期未答复'));
    expect(await card(FRESH)).toBeTruthy();
    expect(screen.queryByText('只看：超期未答复')).toBeNull();
    expect(pressed('状态', '待处理')).toBe('true');
    expect(screen.queryByLabelText(label(SUGGESTION))).toBeNull();
  });

  it('opens on closed ones with show=closed, and on everything with show=all', async () => {
    let page = openAs('dajiang-supervisor', { show: 'closed' });
    expect(await card(REPORT)).toBeTruthy();
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(pressed('状态', '已销号')).toBe('true');
    // The 状态 row already says why: no extra line.
    expect(screen.queryByText(/^只看：/)).toBeNull();
    page.unmount();

    page = openAs('dajiang-supervisor', { show: 'rated' });
    expect(await card(REPORT)).toBeTruthy();
    expect(screen.getByText('只看：评价过的')).toBeTruthy();
    page.unmount();

    openAs('dajiang-supervisor', { show: 'all' });
    expect(await card(SUGGESTION)).toBeTruthy();
    expect(await card(REPORT)).toBeTruthy();
    expect(pressed('状态', '全部')).toBe('true');
  });

  it('lets township staff answer, but leaves 分流 and the suggestion board to the 监委会', async () => {
    const LAMPS = '村南路上的路灯坏了三盏，晚上看不清路。';
    await fileAs({ kind: 'report', category: '村务类', text: LAMPS, anonymous: true });
    openAs('township-admin');
    let c = await card(LAMPS);
    for (const control of ['大事', '小事', '私事', '确认分流', '重新分流']) expect(within(c).queryByText(control)).toBeNull();
    expect(screen.queryByLabelText('分流')).toBeNull();

    await type(c, '答复内容（提出的人会收到）', '镇里已安排电工，本周内修好。');
    fireEvent.click(within(c).getByText('答复'));
    await waitFor(() => expect(screen.queryByLabelText(label(LAMPS))).toBeNull());
    pick('状态', '已答复');
    c = await card(LAMPS);
    expect(within(c).getByText(/^答复（.*）：镇里已安排电工，本周内修好。$/)).toBeTruthy();

    // The suggestion on the board: its line shows, the button to take it down does not.
    pick('状态', '全部');
    pick('类型', '建议');
    c = await card(SUGGESTION);
    expect(within(c).getByText('已公开到建议栏 · 附议 0 人')).toBeTruthy();
    expect(within(c).queryByText('从建议栏撤下')).toBeNull();
    expect(within(c).queryByText('公开到建议栏')).toBeNull();
  });
});

describe('镇纪委: who sent an anonymous report, when checking needs it', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks for a reason, asks once more, shows the name, and the township’s audit records who asked and why', async () => {
    const text = '村里卖树的钱没有入账，请核查。';
    const t = await fileAs({ kind: 'report', category: '财务类', text, anonymous: true });
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
    openAs('township-discipline', { show: 'all' });
    // The reveal form sits right under its ticket's card.
    const form = within((await card(text)).parentElement as HTMLElement).getByLabelText('查看匿名反映人');
    fireEvent.click(within(form).getByText('查看反映人'));
    expect(within(form).getByRole('alert').textContent).toBe('请写明为什么需要查看（至少 4 个字），会记录在案。');
    await type(form, '查看原因（必填，会记录在案）', '核查卖树款去向，需要当面了解情况');
    fireEvent.click(within(form).getByText('查看反映人'));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '查看匿名反映人' }));
    const shown = await within((await card(text)).parentElement as HTMLElement).findByLabelText('匿名反映人');
    expect(shown.textContent).toMatch(/^反映人：.+（已认证村民）本次查看已记录。$/);
    // On the township's audit chain: who looked, at which report (the reason is in the record's digest).
    const audit = await ui.host.store
      .collection<{ _id: string; action: string; target: string; actor: { openid: string } }>('audit')
      .find({ where: { action: 'tickets.reveal' }, limit: 10 });
    expect(audit.filter((a) => a.target === `ticket:${t.id}`).map((a) => a.actor.openid)).toEqual(['dev-openid-township-discipline']);
  });

  it('is not offered to the 监委会', async () => {
    openAs('dajiang-supervisor');
    await screen.findByLabelText('办理情况');
    await waitFor(() => expect(cards().length).toBeGreaterThan(0));
    expect(screen.queryByLabelText('查看匿名反映人')).toBeNull();
  });
});
