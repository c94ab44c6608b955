/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MattersPage from '../../src/pages/matters';
import { dateText, dateTimeText } from '../../src/services/china-time';
import { setDevPersona } from '../../src/services/dev-persona';
import { itemUrl } from '../../src/services/disclosure';
import { mattersApi, matterUrl } from '../../src/services/matters';
import { formatFen } from '../../src/services/money';
import { ApiCallError } from '../../src/services/transport';
import type { Choice, MatterView, MeetingView, ProposeInput } from '../../types/matters';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';

// The demo host's clock is 2026-11-23 10:00 China time. In each demo village the 村民 persona is
// a 村民代表 but not a party member; the 书记 is both.
const ui = pagesOnTestHost();
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const RECEIPT = /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/;
const NOT_LISTED = '您不在这次表决的名单里（名单在表决开始时确定）。';
const COSIGN_NOTE = '提交后需要本村 18 周岁以上村民的十分之一、或村民代表的五分之一联名，才会交给两委商议。您自己算第一位联名人。';
const SECRET_NOTE = '不记名投票：系统只记录您投过票，不记录您投了什么。投票后会给您一个回执号，请抄下或截图保存，表决结束后可以用它核对。';

function openAs(persona: string | null, params: Record<string, string>) {
  setDevPersona(persona);
  (Current as { router: unknown }).router = { params, path: '/pages/matters/index' };
  return render(<MattersPage />);
}

async function ok(action: string, data: unknown, persona?: string) {
  const res = await ui.host.call('matters', action, data, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

const inThreeDays = () => new Date(ui.host.clock.now().getTime() + 3 * DAY).toISOString();
const get = (villageId: string, matterId: string, persona?: string): Promise<MatterView> => ok('get', { villageId, matterId }, persona);

/** A branch proposal taken through 商议 to an open 党员大会 vote. */
async function atReview(input: Omit<ProposeInput, 'decisionBody'> & { decisionBody?: ProposeInput['decisionBody'] }): Promise<MatterView> {
  const v = input.villageId;
  const m: MatterView = await ok('propose', { decisionBody: 'representatives', ...input }, `${v}-secretary`);
  await ok('discuss', { villageId: v, matterId: m.id, agreed: true, record: '两委联席会议一致同意，提交党员大会审议。' }, `${v}-director`);
  return ok('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, `${v}-secretary`);
}

/** The 监委会 records everyone who has not voted yet as present, agreeing (open) or just present (secret). */
async function everyoneElse(villageId: string, meetingId: string, choice?: Choice) {
  const { people } = await ok('electorate', { villageId, meetingId }, `${villageId}-supervisor`);
  const rest = people.filter((p: { voted: boolean }) => !p.voted);
  for (const p of rest) await ok('recordInPerson', { villageId, meetingId, personId: p.personId, ...(choice ? { choice } : {}) }, `${villageId}-supervisor`);
  return rest.length as number;
}

const confirmModal = (confirm: boolean) =>
  jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ confirm, cancel: !confirm, errMsg: 'showModal:ok' }) as never);

const turnoutOf = (x: MeetingView) => `应到 ${x.eligible} 人，已参加 ${x.present} 人（网上 ${x.online}，现场 ${x.inPerson}）`;
const meetingCard = (x: MeetingView) => screen.findByLabelText(`表决：${x.stage} ${x.bodyName}`);
const buttonOf = (scope: HTMLElement, text: string) => within(scope).getByText(text).closest('.nut-button') as HTMLElement;

const realNow = Date.now.bind(Date);

describe('一事一议 (villager page)', () => {
  // The page compares closing times with the phone's clock: it runs on the host's clock (which
  // the tests move), and still ticks, so the votes opened here stay open whatever today is.
  beforeEach(() => {
    const started = realNow();
    jest.spyOn(Date, 'now').mockImplementation(() => ui.host.clock.now().getTime() + (realNow() - started));
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists matters newest first with stage and status in words, and opens one on the steps of 四议两公开', async () => {
    const road = await atReview({ villageId: 'yangjia', title: '硬化村西机耕路', summary: '村西机耕路雨天泥泞，提议硬化 600 米。' });
    ui.host.clock.advance(60_000);
    await ok(
      'propose',
      {
        villageId: 'yangjia',
        title: '疏通村北排水渠',
        summary: '村北排水渠淤塞，雨季积水，提议清淤并衬砌。',
        decisionBody: 'representatives',
        funding: { project: '村北排水渠', budgetFen: 3_000_000, perPersonFen: 1_500, workdays: 3 },
      },
      'yangjia-secretary',
    );

    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never);
    const list = openAs('yangjia-villager', { villageId: 'yangjia' });
    const newest = await screen.findByLabelText('议题：疏通村北排水渠');
    const older = screen.getByLabelText('议题：硬化村西机耕路');
    expect(newest.compareDocumentPosition(older) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    for (const words of ['进行中', '正在表决', '现在是第 3 步（共 6 步）：审议——党员大会审议表决']) expect(within(older).getByText(words)).toBeTruthy();
    for (const words of ['进行中', '筹资筹劳', '现在是第 2 步（共 6 步）：商议——村党组织和村委会一起商议'])
      expect(within(newest).getByText(words)).toBeTruthy();
    expect(within(newest).queryByText('正在表决')).toBeNull();
    fireEvent.click(within(older).getByText('硬化村西机耕路'));
    expect(nav).toHaveBeenCalledWith({ url: matterUrl('yangjia', road.id) });
    list.unmount();

    // The steps: done ones with their records and who, the current one said as such.
    openAs('yangjia-villager', { villageId: 'yangjia', matterId: road.id });
    const steps = await screen.findByLabelText('办理进度');
    for (const words of ['提议 · 已完成', '商议 · 已完成', '审议 · 正在进行', '决议 · 还没到', '决议公开 · 还没到', '实施结果公开 · 还没到']) {
      expect(within(steps).getByText(words)).toBeTruthy();
    }
    for (const h of road.history) {
      expect(within(steps).getByText(h.record)).toBeTruthy();
      expect(within(steps).getByText(`${dateText(h.at)} · ${h.by}`)).toBeTruthy();
    }
    expect(within(steps).getByText(/^2026年11月23日 · 村委会主任 /)).toBeTruthy();

    // Not a party member: told why there is nothing to press, and how far the quorum is.
    const x = road.meetings[0];
    const card = await meetingCard(x);
    expect(within(card).getByText(`${NOT_LISTED}这次是党员大会的表决。`)).toBeTruthy();
    expect(within(card).queryByText('同意')).toBeNull();
    expect(within(card).getByText(`还差 ${x.quorumShort} 人达到法定人数`)).toBeTruthy();
    expect(x.quorumShort).toBeGreaterThan(0);
    expect(within(card).getByText('表决结束后公布票数')).toBeTruthy();
    expect(within(card).getByText(`截止：${dateTimeText(x.closesAt)}`)).toBeTruthy();
    expect(within(card).getByText(/^截止：2026年11月26日 10:00$/)).toBeTruthy();
  });

  it('says to open it in WeChat, or to verify first, when the viewer cannot vote at all', async () => {
    const m = await atReview({ villageId: 'doufuli', title: '村小广场安装路灯', summary: '村小广场夜间无照明，提议安装 4 盏太阳能路灯。' });
    const visitor = openAs(null, { villageId: 'doufuli', matterId: m.id });
    const card = await meetingCard(m.meetings[0]);
    expect(await within(card).findByText('请在微信里打开阳光村务，才能投票。')).toBeTruthy();
    expect(within(card).queryByText('同意')).toBeNull();
    visitor.unmount();

    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never);
    openAs('doufuli-newcomer', { villageId: 'doufuli', matterId: m.id });
    const again = await meetingCard(m.meetings[0]);
    expect(await within(again).findByText('请先在“我的”里完成村民身份认证，才能投票。')).toBeTruthy();
    fireEvent.click(within(again).getByText('去认证村民身份'));
    expect(nav).toHaveBeenCalledWith({ url: '/pages/verify/index?villageId=doufuli' });
  });

  it('lets an eligible voter vote once after confirming, shows the turnout rise, the result, and the publication', async () => {
    const v = 'dajiang';
    let m = await atReview({ villageId: v, title: '新建村文化广场', summary: '在村委会西侧空地建文化广场，供村民活动。' });
    const review = m.meetings[0];
    const page = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    let card = await meetingCard(review);
    expect(within(card).getByText(turnoutOf(review))).toBeTruthy();
    expect(within(card).getByText(`还差 ${review.quorumShort} 人达到法定人数`)).toBeTruthy();

    // Cancelling the confirmation sends nothing.
    let modal = confirmModal(false);
    fireEvent.click(within(card).getByText('不同意'));
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定投“不同意”吗？投票后不能更改。' })));
    expect((await get(v, m.id)).meetings[0].present).toBe(0);
    expect(within(card).getByText('同意')).toBeTruthy();

    modal.mockRestore();
    modal = confirmModal(true);
    fireEvent.click(within(card).getByText('同意'));
    expect(await within(card).findByText('✓ 您已投票')).toBeTruthy();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定投“同意”吗？投票后不能更改。' }));
    const after = (await get(v, m.id)).meetings[0];
    expect(after).toMatchObject({ present: 1, online: 1, quorumShort: review.quorumShort - 1 });
    await waitFor(() => expect(within(card).getByText(turnoutOf(after))).toBeTruthy());
    expect(within(card).getByText(`还差 ${after.quorumShort} 人达到法定人数`)).toBeTruthy();
    // No second tap is offered.
    for (const c of ['同意', '不同意', '弃权']) expect(within(card).queryByText(c)).toBeNull();
    page.unmount();

    // The server remembers: reopening says so too.
    const reopened = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    card = await meetingCard(review);
    expect(within(card).getByText('✓ 您已投票')).toBeTruthy();
    expect(within(card).queryByText('同意')).toBeNull();
    reopened.unmount();

    // The rest in person; closed, the counts and the rules applied are shown.
    await everyoneElse(v, review.id, '同意');
    m = await ok('close', { villageId: v, meetingId: review.id }, `${v}-supervisor`);
    const closed = m.meetings[0];
    const c2 = openAs(`${v}-villager`, { villageId: v, matterId: m.id });
    card = await meetingCard(closed);
    expect(within(card).getByText('表决已结束')).toBeTruthy();
    expect(within(card).getByText('✓ 结果：通过')).toBeTruthy();
    expect(within(card).getByText(`同意 ${closed.present} 票，不同意 0 票，弃权 0 票`)).toBeTruthy();
    for (const line of closed.result!.rules) expect(within(card).getByText(line)).toBeTruthy();
    expect(within(screen.getByLabelText('办理进度')).getByText('决议 · 正在进行')).toBeTruthy();
    c2.unmount();

    // 决议 at the 村民代表会议: the 村民 is a representative and votes.
    m = await ok('openVote', { villageId: v, matterId: m.id, closesAt: inThreeDays() }, `${v}-director`);
    const decision = m.meetings[1];
    expect(decision.body).toBe('representatives');
    confirmModal(true);
    const voting = openAs(`${v}-villager`, { villageId: v, matterId: m.id });
    card = await meetingCard(decision);
    fireEvent.click(within(card).getByText('弃权'));
    expect(await within(card).findByText('✓ 您已投票')).toBeTruthy();
    expect(within(card).getByText('您投的是“弃权”。')).toBeTruthy();
    await everyoneElse(v, decision.id, '同意');
    await ok('close', { villageId: v, meetingId: decision.id }, `${v}-supervisor`);
    voting.unmount();
    m = await ok('publish', { villageId: v, matterId: m.id, text: '经村民代表会议表决通过，新建村文化广场。' }, `${v}-secretary`);
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never);
    openAs(`${v}-villager`, { villageId: v, matterId: m.id });
    const published = await screen.findByLabelText('公开');
    fireEvent.click(within(published).getByText('查看决议公开（可校验）'));
    expect(nav).toHaveBeenCalledWith({ url: itemUrl({ villageId: v, quarter: m.resolution!.quarter, itemId: m.resolution!.itemId }) });
    expect(within(published).queryByText('查看实施结果公开')).toBeNull();
    const steps = screen.getByLabelText('办理进度');
    expect(within(steps).getByText('实施结果公开 · 正在进行')).toBeTruthy();
    expect(within(steps).getByText('经村民代表会议表决通过，新建村文化广场。')).toBeTruthy();
  });

  it('gives a secret voter a receipt to keep, and after closing finds it in the published list with the choice', async () => {
    const v = 'diquan';
    const m = await atReview({
      villageId: v,
      title: '调整村集体土地承包方案',
      summary: '第二轮承包到期的地块，提议按人口重新调整。',
      decisionBody: 'households',
      secret: true,
    });
    const x = m.meetings[0];
    confirmModal(true);
    const page = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    let card = await meetingCard(x);
    expect(within(card).getByText('不记名投票')).toBeTruthy();
    expect(within(card).getByText(SECRET_NOTE)).toBeTruthy();
    fireEvent.click(within(card).getByText('不同意'));
    expect(await within(card).findByText('请保存回执号')).toBeTruthy();
    const receipt = within(within(card).getByLabelText('回执号')).getByText(RECEIPT).textContent as string;
    expect(Taro.getStorageSync(`receipt:${x.id}`)).toBe(receipt);
    page.unmount();

    // Later, on the same phone, the receipt is still there.
    const later = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    card = await meetingCard(x);
    expect(within(card).getByText('✓ 您已投票')).toBeTruthy();
    expect(within(card).getByText('您的回执号')).toBeTruthy();
    expect(within(card).getByText(receipt)).toBeTruthy();
    later.unmount();

    const rest = await everyoneElse(v, x.id);
    await ok('recordPaperBox', { villageId: v, meetingId: x.id, counts: { 同意: rest - 1, 不同意: 0, 弃权: 1 } }, `${v}-supervisor`);
    await ok('close', { villageId: v, meetingId: x.id }, `${v}-supervisor`);

    openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    card = await meetingCard(x);
    const check = within(card).getByLabelText('核对回执');
    expect(await within(check).findByText('✓ 找到了：这张票记的是“不同意”')).toBeTruthy();
    expect(await within(check).findByDisplayValue(receipt)).toBeTruthy();
    // The full list stays folded until asked for.
    expect(within(check).queryByLabelText('全部回执')).toBeNull();
    fireEvent.click(within(check).getByText(`查看全部回执（${rest + 1} 张）`));
    const all = within(check).getByLabelText('全部回执');
    expect(within(all).getAllByRole('listitem')).toHaveLength(rest + 1);
    expect(within(all).getByLabelText(`回执 ${receipt}：不同意`)).toBeTruthy();
    // A receipt copied wrongly is not found, in words.
    await type(check, '输入回执号，例如 ABCD-EFGH-JKLM-NPQR', 'AAAA-AAAA-AAAA-AAAA');
    expect(await within(check).findByText('没有找到这个回执号。请看看有没有抄错；确实没有，请告诉村务监督委员会。')).toBeTruthy();
    // Typed by hand in lower case without dashes, it is found.
    await type(check, '输入回执号，例如 ABCD-EFGH-JKLM-NPQR', receipt.replace(/-/g, ' ').toLowerCase());
    expect(await within(check).findByText('✓ 找到了：这张票记的是“不同意”')).toBeTruthy();
  });

  it('counts a co-signature once and then says 您已联名', async () => {
    const v = 'doufuli';
    // The 会计 proposes as a villager (not a representative), so the adults' threshold counts.
    const m: MatterView = await ok(
      'propose',
      { villageId: v, title: '修缮村小学院墙', summary: '村小学围墙倒塌一段，学生上学不安全，提议修缮。', decisionBody: 'villagers' },
      `${v}-accountant`,
    );
    const { needed } = m.cosign!;
    expect(needed).toBeGreaterThan(2);
    // A fifth of the representatives is the other way there: fewer of them may be needed.
    const reps = (
      await ui.host.store.collection<{ _id: string; representative: boolean }>('people').find({ where: { villageId: v, inRoster: true }, limit: 1000 })
    ).filter((p) => p.representative).length;
    const repsNeeded = Math.max(1, Math.ceil(reps / 5));
    const still = (signed: number) =>
      needed - signed <= repsNeeded
        ? `已有 ${signed} 人联名，再有 ${needed - signed} 人联名就够了`
        : `已有 ${signed} 人联名，再有 ${needed - signed} 位村民联名，或者 ${repsNeeded} 位村民代表联名，就够了`;

    const page = openAs(`${v}-supervisor`, { villageId: v, matterId: m.id });
    const card = await screen.findByLabelText('村民联名');
    expect(within(card).getByText(still(1))).toBeTruthy();
    expect(within(card).getByText(`联名人数够了，议题就交给村两委商议。要求是：${m.cosign!.basis}。`)).toBeTruthy();
    expect(within(screen.getByLabelText('办理进度')).getByText('提议 · 正在征集联名')).toBeTruthy();
    // Asked first, since a co-signature cannot be taken back: saying no changes nothing.
    const asked = confirmModal(false);
    fireEvent.click(within(card).getByText('我也联名'));
    await waitFor(() => expect(asked).toHaveBeenCalledWith(expect.objectContaining({ title: '联名提议？', confirmText: '确认联名' })));
    expect((await get(v, m.id, `${v}-supervisor`)).cosign).toMatchObject({ count: 1, mine: false });
    asked.mockRestore();
    confirmModal(true);
    fireEvent.click(within(card).getByText('我也联名'));
    expect(await within(card).findByText(still(2))).toBeTruthy();
    expect(buttonOf(card, '您已联名').className).toContain('nut-button-disabled');
    expect((await get(v, m.id, `${v}-supervisor`)).cosign).toMatchObject({ count: 2, mine: true });
    page.unmount();

    openAs(`${v}-supervisor`, { villageId: v, matterId: m.id });
    const again = await screen.findByLabelText('村民联名');
    expect(buttonOf(again, '您已联名').className).toContain('nut-button-disabled');
    expect(within(again).queryByText('我也联名')).toBeNull();
  });

  it('says why a matter stopped and shows its 筹资筹劳 plan with the exemptions', async () => {
    const v = 'yangjia';
    let m: MatterView = await ok(
      'propose',
      {
        villageId: v,
        title: '修建村北晒场',
        summary: '村北空地硬化为晒场，供秋收晾晒。',
        decisionBody: 'representatives',
        funding: { project: '村北晒场', budgetFen: 1_234_500, perPersonFen: 1_000, workdays: 2, notes: '外出务工人员可以以资代劳' },
      },
      `${v}-secretary`,
    );
    m = await ok('discuss', { villageId: v, matterId: m.id, agreed: false, record: '晒场选址有争议，暂缓。' }, `${v}-director`);
    const f = m.funding!;
    openAs(`${v}-villager`, { villageId: v, matterId: m.id });
    const head = await screen.findByLabelText('议题：修建村北晒场');
    expect(within(head).getByText('已终止')).toBeTruthy();
    expect(within(head).getByText(`这个议题已终止：${m.stopReason}`)).toBeTruthy();
    expect(within(head).getByText('在第 2 步“商议”终止')).toBeTruthy();
    expect(within(screen.getByLabelText('办理进度')).getByText('商议 · 在这一步终止')).toBeTruthy();

    const plan = screen.getByLabelText('筹资筹劳方案');
    for (const words of [
      '项目：村北晒场',
      '预算：12,345.00 元',
      `每人筹资：10.00 元（${f.payers} 人出资，共 ${formatFen(f.raisedFen)} 元）`,
      `每个劳动力筹劳：2 个工日（${f.labourers} 人出劳）`,
      `低保户 ${f.exempt.lowIncome} 人免交；现役军人 ${f.exempt.soldiers} 人免除；未成年人 ${f.exempt.minors} 人不筹资、不筹劳。`,
      '其他：外出务工人员可以以资代劳',
      '这个方案已于 2026年11月23日 向村民公布，表决时按这个方案表决。',
    ]) {
      expect(within(plan).getByText(words)).toBeTruthy();
    }
  });

  it('lets a verified villager propose a matter, which then collects co-signatures with theirs the first', async () => {
    const v = 'doufuli';
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never);
    const list = openAs(`${v}-accountant`, { villageId: v });
    fireEvent.click(await screen.findByText('我要提议'));
    const form = await screen.findByLabelText('我要提议');
    expect(await within(form).findByText(COSIGN_NOTE)).toBeTruthy();
    expect(buttonOf(form, '✓ 村民代表会议').getAttribute('aria-pressed')).toBe('true');

    // Too short a title is said before anything is sent.
    const propose = jest.spyOn(mattersApi, 'propose');
    await type(form, '议题名称（4–60 字）', '修路');
    await type(form, '要办什么事、为什么（10–2000 字）', '村南小路坑洼不平，老人孩子走路容易摔倒，提议铺水泥路面。');
    fireEvent.click(within(form).getByText('提交提议'));
    expect(await within(form).findByText('议题名称要 4 到 60 个字。')).toBeTruthy();
    expect(propose).not.toHaveBeenCalled();

    // A refusal is shown in the server's words, and the form keeps what was typed.
    propose.mockRejectedValueOnce(new ApiCallError('PERMISSION_DENIED', '联名提议需要年满 18 周岁。'));
    await type(form, '议题名称（4–60 字）', '硬化村南小路');
    fireEvent.click(within(form).getByText('提交提议'));
    expect(await within(form).findByText('联名提议需要年满 18 周岁。')).toBeTruthy();
    expect(nav).not.toHaveBeenCalled();

    fireEvent.click(buttonOf(form, '村民会议（18 周岁以上村民）'));
    expect(buttonOf(form, '✓ 村民会议（18 周岁以上村民）').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(form).getByText('提交提议'));
    await waitFor(() => expect(nav).toHaveBeenCalledTimes(1));
    expect(propose).toHaveBeenLastCalledWith({
      villageId: v,
      title: '硬化村南小路',
      summary: '村南小路坑洼不平，老人孩子走路容易摔倒，提议铺水泥路面。',
      decisionBody: 'villagers',
    });
    const url = (nav.mock.calls[0][0] as { url: string }).url;
    const matterId = /matterId=([^&]+)/.exec(url)?.[1] ?? '';
    expect(url).toBe(matterUrl(v, matterId));
    const m = await get(v, matterId);
    expect(m).toMatchObject({ title: '硬化村南小路', origin: 'villagers', status: 'cosigning', decisionBody: 'villagers' });
    list.unmount();

    openAs(`${v}-accountant`, { villageId: v, matterId });
    const head = await screen.findByLabelText('议题：硬化村南小路');
    expect(within(head).getByText('征集联名中')).toBeTruthy();
    const card = screen.getByLabelText('村民联名');
    expect(within(card).getByText(m.cosign!.progress)).toBeTruthy();
    expect(m.cosign!.progress).toMatch(/^已有 1 人联名，再有 \d+ /);
    expect(buttonOf(card, '您已联名').className).toContain('nut-button-disabled');
    expect(within(screen.getByLabelText('办理进度')).getByText('提议 · 正在征集联名')).toBeTruthy();
  });

  it('tells someone not yet verified how to become able to propose, instead of the form', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never);
    openAs('yangjia-newcomer', { villageId: 'yangjia' });
    fireEvent.click(await screen.findByText('我要提议'));
    const card = await screen.findByLabelText('我要提议');
    expect(await within(card).findByText('请先在“我的”里完成村民身份认证，才能提议。')).toBeTruthy();
    expect(within(card).queryByPlaceholderText('议题名称（4–60 字）')).toBeNull();
    expect(within(card).queryByText('提交提议')).toBeNull();
    fireEvent.click(within(card).getByText('去认证村民身份'));
    expect(nav).toHaveBeenCalledWith({ url: '/pages/verify/index?villageId=yangjia' });
  });

  it('offers no ballot once the closing time has passed, while the vote waits for the timer to close it', async () => {
    const v = 'dajiang';
    let m: MatterView = await ok(
      'propose',
      { villageId: v, title: '更换村委会屋顶', summary: '村委会屋顶漏雨，提议更换彩钢瓦屋顶。', decisionBody: 'representatives' },
      `${v}-secretary`,
    );
    await ok('discuss', { villageId: v, matterId: m.id, agreed: true, record: '两委联席会议一致同意，提交党员大会审议。' }, `${v}-director`);
    const closesAt = new Date(ui.host.clock.now().getTime() + 2 * HOUR).toISOString();
    m = await ok('openVote', { villageId: v, matterId: m.id, closesAt }, `${v}-secretary`);
    const x = m.meetings[0];

    // Before the closing time the 书记 (a party member) has the ballot.
    const before = openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
    let card = await meetingCard(x);
    expect(within(card).getByLabelText('投票')).toBeTruthy();
    before.unmount();

    const past = 2 * HOUR + 60_000;
    ui.host.clock.advance(past);
    try {
      openAs(`${v}-secretary`, { villageId: v, matterId: m.id });
      card = await meetingCard(x);
      expect(within(card).getByText('已到截止时间，正在计票')).toBeTruthy();
      expect(within(card).getByText('正在计票')).toBeTruthy();
      expect(within(card).queryByText('正在表决')).toBeNull();
      expect(within(card).queryByLabelText('投票')).toBeNull();
      for (const c of ['同意', '不同意', '弃权']) expect(within(card).queryByText(c)).toBeNull();
      // The server has not closed it yet: only the page knows better than to offer the ballot.
      expect((await get(v, m.id)).meetings[0].state).toBe('open');
    } finally {
      ui.host.clock.advance(-past);
    }
  });
});
