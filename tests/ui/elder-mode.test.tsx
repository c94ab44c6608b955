/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MinePage from '../../src/pages/mine';
import VillagePage from '../../src/pages/village';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

pagesOnTestHost();

afterEach(() => {
  jest.restoreAllMocks();
});

/** 豆腐李村: its 监委会主任 has a phone, so the normal home offers 打电话. */
function openVillage(scene = 'hs-doufuli') {
  return openPage(VillagePage, '/pages/village/index', { scene });
}

/**
 * 我的 reads no route params. The test double of useRouter has one router for every page, so
 * leave it to the village page that may still be open (it re-reads it when it redraws).
 */
function openMine() {
  return render(<MinePage />);
}

const rootOf = (container: HTMLElement) => container.querySelector('.page') as HTMLElement;

/** The switch in 我的, found the way a screen reader finds it: by role and name. */
const elderSwitch = () => screen.getByRole('switch', { name: '长辈模式' });

async function switchOnInMine() {
  const mine = openMine();
  const toast = jest.spyOn(Taro, 'showToast');
  expect(elderSwitch().getAttribute('aria-checked')).toBe('false');
  fireEvent.click(elderSwitch());
  await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已打开长辈模式' })));
  expect(elderSwitch().getAttribute('aria-checked')).toBe('true');
  return mine;
}

describe('长辈模式', () => {
  it('is off by default: the village home shows its normal sections', async () => {
    const { container } = openVillage();
    expect(await screen.findByText('豆腐李村')).toBeTruthy();
    expect(screen.getByText('村务监督委员会')).toBeTruthy();
    expect(screen.getByText('村里的钱：每月收支公示')).toBeTruthy();
    expect(screen.getByText('2026年第三季度公开情况')).toBeTruthy();
    expect(await screen.findByText('2026年第三季度党费收缴与使用')).toBeTruthy();
    expect(screen.queryByText('看村里的钱')).toBeNull();
    expect(rootOf(container).classList.contains('elder')).toBe(false);
  });

  it('is offered first in 我的, with its explanation, and says 开/关 in words', () => {
    openMine();
    // Above everything else on the page (it does not wait for the network).
    const settings = screen.getByText('设置');
    expect(settings.compareDocumentPosition(screen.getByText('本机记录')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText('长辈模式')).toBeTruthy();
    expect(screen.getByText('字更大、按钮更大，首页只留最常用的三件事')).toBeTruthy();
    expect(within(elderSwitch()).getByText('关')).toBeTruthy();
  });

  it('turned on in 我的, makes an open village home show just the three errands, each going to its page', async () => {
    const village = openVillage();
    await screen.findByText('村务监督委员会');
    const mine = await switchOnInMine();
    expect(rootOf(mine.container).classList.contains('elder')).toBe(true);
    expect(within(elderSwitch()).getByText('开')).toBeTruthy();
    mine.unmount();

    // The page that was already open redraws without being reopened.
    await waitFor(() => expect(rootOf(village.container).classList.contains('elder')).toBe(true));
    expect(screen.getByText('豆腐李村')).toBeTruthy();
    const errands = screen.getByRole('list', { name: '常用的三件事' });
    const items = within(errands).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      '看村里的钱每月收了多少钱、花在了哪里',
      '看本季度公开2026年第三季度村里公开了哪些事',
      '有事找监督委员会反映问题、提建议，村务监督委员会来办',
    ]);
    // Not the full home: no supervisor section, no long list of buttons, no quarter entries.
    expect(screen.queryByText('村务监督委员会')).toBeNull();
    expect(screen.queryByText('村里的钱：每月收支公示')).toBeNull();
    expect(screen.queryByText('2026年第三季度公开情况')).toBeNull();
    expect(screen.queryByText('2026年第三季度党费收缴与使用')).toBeNull();
    expect(screen.getByText('打电话给监委会主任')).toBeTruthy();

    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    fireEvent.click(screen.getByText('看村里的钱'));
    expect(nav).toHaveBeenLastCalledWith({ url: '/pages/money/index?villageId=doufuli' });
    fireEvent.click(screen.getByText('看本季度公开'));
    expect(nav).toHaveBeenLastCalledWith({ url: '/pages/quarter/index?villageId=doufuli&quarter=2026Q3' });
    fireEvent.click(screen.getByText('有事找监督委员会'));
    expect(nav).toHaveBeenLastCalledWith({ url: '/pages/tickets/index?villageId=doufuli' });
    expect(nav).toHaveBeenCalledTimes(3);
  });

  it('calls the 监委会主任 from the simple home', async () => {
    Taro.setStorageSync('elderMode', true);
    openVillage();
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never);
    fireEvent.click(await screen.findByText('打电话给监委会主任'));
    await waitFor(() => expect(call).toHaveBeenCalledWith({ phoneNumber: expect.stringMatching(/^137\d{4}8841$/) }));
  });

  it('brings the full home back for this visit with 显示全部内容, and goes back to simple on request', async () => {
    Taro.setStorageSync('elderMode', true);
    const { container } = openVillage();
    fireEvent.click(await screen.findByText('显示全部内容'));
    expect(await screen.findByText('村务监督委员会')).toBeTruthy();
    expect(screen.getByText('2026年第三季度公开情况')).toBeTruthy();
    expect(await screen.findByText('2026年第三季度党费收缴与使用')).toBeTruthy();
    expect(screen.queryByRole('list', { name: '常用的三件事' })).toBeNull();
    // Still larger type: only the layout came back, not the setting.
    expect(rootOf(container).classList.contains('elder')).toBe(true);
    expect(Taro.getStorageSync('elderMode')).toBe(true);

    fireEvent.click(screen.getByText('只显示最常用的三件事'));
    expect(screen.getByRole('list', { name: '常用的三件事' })).toBeTruthy();
  });

  it('survives closing and reopening the pages (it is kept in storage), and turns off again in 我的', async () => {
    const mine = await switchOnInMine();
    mine.unmount();
    expect(Taro.getStorageSync('elderMode')).toBe(true);

    const village = openVillage();
    expect(await screen.findByRole('list', { name: '常用的三件事' })).toBeTruthy();
    expect(rootOf(village.container).classList.contains('elder')).toBe(true);

    // Off again, this time by tapping the row rather than the switch: the whole row is the target.
    const again = openMine();
    expect(elderSwitch().getAttribute('aria-checked')).toBe('true');
    // The same spy as in switchOnInMine (spyOn reuses it): count from here.
    const toast = jest.spyOn(Taro, 'showToast');
    toast.mockClear();
    fireEvent.click(screen.getByText('长辈模式'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已关闭长辈模式' })));
    expect(toast).toHaveBeenCalledTimes(1);
    expect(elderSwitch().getAttribute('aria-checked')).toBe('false');
    expect(rootOf(again.container).classList.contains('elder')).toBe(false);
    expect(await screen.findByText('村务监督委员会')).toBeTruthy();
    expect(rootOf(village.container).classList.contains('elder')).toBe(false);
    expect(Taro.getStorageSync('elderMode')).toBe(false);
  });
});
