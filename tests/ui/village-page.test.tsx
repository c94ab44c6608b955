/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import IndexPage from '../../src/pages/index';
import VillagePage from '../../src/pages/village';
import { pagesOnTestHost, routeFetchTo } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

const ui = pagesOnTestHost();

function openWithScene(scene?: string) {
  return openPage(VillagePage, '/pages/village/index', scene === undefined ? {} : { scene });
}

describe('village page (一村一码)', () => {
  it('shows the village, its township and the 监委会主任 after a scan', async () => {
    openWithScene('hs-doufuli');
    expect(await screen.findByText('豆腐李村')).toBeTruthy();
    expect(screen.getByText('主任：李学文')).toBeTruthy();
    expect(screen.getByText('电话 137****8841')).toBeTruthy();
    expect(screen.getByText('打电话')).toBeTruthy();
    // 2026-11-23: the third quarter is the one being reported, and 豆腐李村 published all of it.
    expect(screen.getByText('2026年第三季度公开情况')).toBeTruthy();
    expect(screen.getByText(/已公开 24 \/ 24 项/)).toBeTruthy();
    expect(await screen.findByText('2026年第三季度党费收缴与使用')).toBeTruthy();
  });

  it("opens the home of a scan with one call: code, village and the reporting quarter's entries together", async () => {
    const calls: string[] = [];
    const send = globalThis.fetch as unknown as (url: string, init?: { body?: string }) => Promise<unknown>;
    (globalThis as unknown as { fetch: unknown }).fetch = (url: string, init?: { body?: string }) => {
      calls.push(`${String(url).replace('/api/', '')}.${init?.body ? JSON.parse(init.body).action : ''}`);
      return send(url, init);
    };
    try {
      openWithScene('hs-doufuli');
      expect(await screen.findByText('2026年第三季度党费收缴与使用')).toBeTruthy();
      expect(calls.filter((c) => c === 'village.home')).toHaveLength(1);
      // What the home used to gather in three calls across two functions.
      expect(calls.filter((c) => ['village.resolveCode', 'village.get', 'disclosure.quarter'].includes(c))).toEqual([]);
    } finally {
      (globalThis as unknown as { fetch: unknown }).fetch = send;
    }
  });

  it('decodes the scene as the mini-program passes it (URL-encoded)', async () => {
    openWithScene(encodeURIComponent('hs-dajiang'));
    expect(await screen.findByText('大姜村')).toBeTruthy();
  });

  it('offers a way to 首页 and 我的 in H5, where a page opened from a link has no tab bar', async () => {
    const switched = jest.spyOn(Taro, 'switchTab').mockResolvedValue(undefined as never);
    try {
      openWithScene('hs-doufuli');
      const nav = await screen.findByLabelText('回到首页或我的');
      fireEvent.click(within(nav).getByText('我的'));
      expect(switched).toHaveBeenCalledWith({ url: '/pages/mine/index' });
    } finally {
      switched.mockRestore();
    }
  });

  it('remembers the scanned village so 首页 opens it next time', async () => {
    openWithScene('hs-diquan');
    await screen.findByText('堤圈村');
    expect(Taro.getStorageSync('lastVillageId')).toBe('diquan');
  });

  it.each([
    ['unknown', 'nope'],
    ['malformed', '%E0%A4%A'],
    ['missing', undefined],
  ])('shows the invalid-code page for a %s code, pointing to the list of villages, and remembers nothing', async (_what, scene) => {
    openWithScene(scene);
    expect(await screen.findByText('二维码无效或已停用')).toBeTruthy();
    expect(screen.getByText(/可以在首页的村庄列表里找到您的村/)).toBeTruthy();
    expect(screen.getByText('到首页找我的村')).toBeTruthy();
    expect(Taro.getStorageSync('lastVillageId')).toBeFalsy();
  });

  it('names the village of a withdrawn code, its 监委会 contact, and opens the village as it is now', async () => {
    const switched = jest.spyOn(Taro, 'switchTab').mockResolvedValue(undefined as never);
    try {
      openWithScene('hs-yangjia-2023');
      expect(await screen.findByText('这是杨家村以前的二维码，已经停用')).toBeTruthy();
      expect(screen.getByText('村务监督委员会主任：杨树林')).toBeTruthy();
      expect(Taro.getStorageSync('lastVillageId')).toBeFalsy();
      fireEvent.click(screen.getByText('打开杨家村的村务公开'));
      expect(Taro.getStorageSync('lastVillageId')).toBe('yangjia');
      expect(switched).toHaveBeenCalledWith({ url: '/pages/index/index' });
    } finally {
      switched.mockRestore();
    }
  });

  it('offers a retry when the service cannot be reached, and recovers', async () => {
    routeFetchTo('http://127.0.0.1:9');
    openWithScene('hs-yangjia');
    expect(await screen.findByText('网络连接失败')).toBeTruthy();
    routeFetchTo(ui.host.url);
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('杨家村')).toBeTruthy();
  });
});

describe('首页', () => {
  it('opens the remembered village, with the tab bar and no extra way back', async () => {
    Taro.setStorageSync('lastVillageId', 'yangjia');
    (Current as { router: unknown }).router = { params: {}, path: '/pages/index/index' };
    render(<IndexPage />);
    expect(await screen.findByText('杨家村')).toBeTruthy();
    expect(screen.queryByLabelText('回到首页或我的')).toBeNull();
  });

  it('explains how to find your village when none is remembered', async () => {
    render(<IndexPage />);
    expect(await screen.findByText(/扫一扫村务公开栏上的二维码/)).toBeTruthy();
  });

  it('lets a villager without the code find their village by name and opens it', async () => {
    render(<IndexPage />);
    const finder = await screen.findByLabelText('找我的村');
    expect(await within(finder).findByText('堤圈村')).toBeTruthy();
    await type(finder, '输入村名或镇名，如：杨家', '杨 家');
    await waitFor(() => expect(within(finder).queryByText('堤圈村')).toBeNull());
    await type(finder, '输入村名或镇名，如：杨家', '没有这个村');
    expect(await within(finder).findByText('没有找到名字里有“没有这个村”的村。')).toBeTruthy();
    await type(finder, '输入村名或镇名，如：杨家', '杨家');
    fireEvent.click(await within(finder).findByText('杨家村'));
    expect(await screen.findByText('主任：杨树林')).toBeTruthy();
    expect(Taro.getStorageSync('lastVillageId')).toBe('yangjia');
  });

  it('forgets a remembered village that no longer exists and shows the welcome', async () => {
    Taro.setStorageSync('lastVillageId', 'vanished');
    render(<IndexPage />);
    await waitFor(() => expect(screen.getByText(/扫一扫村务公开栏上的二维码/)).toBeTruthy());
    expect(Taro.getStorageSync('lastVillageId')).toBeFalsy();
  });
});
