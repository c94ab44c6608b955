/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PLAIN_ITEM_ID } from '../../cloudfunctions/core/disclosure/plain-item';
import DisclosePage from '../../src/packages/cadre/disclose';
import VillagePage from '../../src/pages/village';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

const ui = pagesOnTestHost();
const ref = { villageId: 'doufuli', quarter: '2026Q3', itemId: PLAIN_ITEM_ID };

describe('明白账', () => {
  it('gives the 两委 the 广播稿 and the 短信 to download, and drafts the quarter’s 明白账', async () => {
    openPage(DisclosePage, '/packages/cadre/disclose/index', { villageId: 'doufuli', quarter: '2026Q3' }, 'doufuli-secretary');
    const card = await screen.findByLabelText('明白账、广播稿和短信');
    expect(await within(card).findByText('广播稿（约两分钟）')).toBeTruthy();
    expect(within(card).getByText(/^短信（\d+ 字）$/)).toBeTruthy();
    expect(within(card).getByText('下载广播稿')).toBeTruthy();
    expect(within(card).getByText('下载短信')).toBeTruthy();
    fireEvent.click(within(card).getByText('生成明白账草稿'));
    await waitFor(async () => {
      const { items } = await ui.host.call('disclosure', 'drafts', { villageId: 'doufuli', quarter: '2026Q3' }, 'doufuli-secretary').then((r) => r.body.data);
      expect(items.map((i: { itemId: string }) => i.itemId)).toContain(PLAIN_ITEM_ID);
    });
  });

  it('is the first thing on the village home once published, each number a link', async () => {
    await ui.host.ok('plain', 'draft', { villageId: 'doufuli', quarter: '2026Q3' }, 'doufuli-secretary');
    await ui.host.ok('disclosure', 'submit', ref, 'doufuli-secretary');
    await ui.host.ok('disclosure', 'review', { ...ref, decision: 'approve' }, 'doufuli-supervisor');
    openPage(VillagePage, '/pages/village/index', { scene: 'hs-doufuli' });
    const card = await screen.findByLabelText('明白账');
    expect(within(card).getByText('2026年第三季度明白账')).toBeTruthy();
    expect(within(card).getAllByRole('link').length).toBeGreaterThan(8);
    // Before the 监委会's card and the quarter's entries.
    const supervisor = screen.getByText('主任：李学文');
    expect(card.compareDocumentPosition(supervisor) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(card).getByText(/第 1 版，经村务监督委员会审核公开/)).toBeTruthy();
  });

  it('comes first on 长辈模式’s simple home too, before the three errands, which stays simple', async () => {
    // Published by the test before: 豆腐李村's 2026Q3 明白账.
    Taro.setStorageSync('elderMode', true);
    openPage(VillagePage, '/pages/village/index', { scene: 'hs-doufuli' });
    const card = await screen.findByLabelText('明白账');
    expect(within(card).getByText('2026年第三季度明白账')).toBeTruthy();
    expect(within(card).getAllByRole('link').length).toBeGreaterThan(8);
    // Its 听 is the large one, with words.
    expect(within(card).getByText('听：读给我听')).toBeTruthy();
    const errands = screen.getByRole('list', { name: '常用的三件事' });
    expect(card.compareDocumentPosition(errands) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Still the simple home: no supervisor card, no quarter entries.
    expect(screen.queryByText('主任：李学文')).toBeNull();
    expect(screen.queryByText('2026年第三季度公开情况')).toBeNull();
  });
});
