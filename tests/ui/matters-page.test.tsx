/** @jest-environment jsdom */
/** 一事一议, the villager page: the list, one matter on the steps of 四议两公开, and who cannot vote and when. */
import { fireEvent, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { dateText, dateTimeText } from '../../src/services/china-time';
import { matterUrl } from '../../src/services/matters';
import { formatFen } from '../../src/services/money';
import type { MatterView } from '../../types/matters';
import { atReview, get, HOUR, meetingCard, NOT_LISTED, ok, openAs, phoneOnHostClock, ui } from './matters-fixture';

describe('一事一议 (villager page)', () => {
  phoneOnHostClock();

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
