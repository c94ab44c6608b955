/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import IndexPage from '../../src/pages/index';
import VillagePage from '../../src/pages/village';
import { pagesOnTestHost, routeFetchTo } from './fetch-to-host';

const ui = pagesOnTestHost();

function openWithScene(scene?: string) {
  (Current as { router: unknown }).router = { params: scene === undefined ? {} : { scene }, path: '/pages/village/index' };
  return render(<VillagePage />);
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

  it('opens the home of a scan with one call: code, village and the reporting quarter\'s entries together', async () => {
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

  it('remembers the scanned village so 首页 opens it next time', async () => {
    openWithScene('hs-diquan');
    await screen.findByText('堤圈村');
    expect(Taro.getStorageSync('lastVillageId')).toBe('diquan');
  });

  it.each([
    ['unknown', 'nope'],
    ['withdrawn', 'hs-yangjia-2023'],
    ['malformed', '%E0%A4%A'],
    ['missing', undefined],
  ])('shows the invalid-code page for a %s code, and remembers nothing', async (_what, scene) => {
    openWithScene(scene);
    expect(await screen.findByText('二维码无效或已停用')).toBeTruthy();
    expect(screen.getByText('回到首页')).toBeTruthy();
    expect(Taro.getStorageSync('lastVillageId')).toBeFalsy();
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
  it('opens the remembered village', async () => {
    Taro.setStorageSync('lastVillageId', 'yangjia');
    render(<IndexPage />);
    expect(await screen.findByText('杨家村')).toBeTruthy();
  });

  it('explains how to find your village when none is remembered', async () => {
    render(<IndexPage />);
    expect(await screen.findByText(/扫一扫村务公开栏上的二维码/)).toBeTruthy();
  });

  it('forgets a remembered village that no longer exists and shows the welcome', async () => {
    Taro.setStorageSync('lastVillageId', 'vanished');
    render(<IndexPage />);
    await waitFor(() => expect(screen.getByText(/扫一扫村务公开栏上的二维码/)).toBeTruthy());
    expect(Taro.getStorageSync('lastVillageId')).toBeFalsy();
  });
});
