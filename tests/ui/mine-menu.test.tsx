/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ActionKey } from '../../types/api';
import type { WhoAmI } from '../../types/identity';
import MinePage from '../../src/pages/mine';
import { TOWNSHIP_ADMIN_PAGES, TOWNSHIP_PAGES, VILLAGE_PAGES, type MenuEntry } from '../../src/pages/mine/menu';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

const ui = pagesOnTestHost();

async function whoami(persona: string): Promise<WhoAmI> {
  const res = await ui.host.call('identity', 'whoami', {}, persona);
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.data;
}

/** The page for the persona, once whoami has answered: `loaded` is a menu entry they are offered. */
async function renderMine(persona: string, loaded: string) {
  openPage(MinePage, '/pages/mine/index', {}, persona);
  await screen.findByText(loaded, {}, { timeout: 5000 });
}

const titleOf = (e: MenuEntry, can: ActionKey[]) => (typeof e.title === 'string' ? e.title : e.title(can));
/** Entries decided by one action (a few stay on a role list, said why in the table). */
const byAction = (entries: MenuEntry[]) => entries.filter((e): e is MenuEntry & { needs: ActionKey } => typeof e.needs === 'string');

describe('我的: the menu comes from what the server says the caller may do', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['yangjia-accountant', '记账与月结', '审核公开内容'],
    ['yangjia-supervisor', '审核公开内容', '记账与月结'],
  ])("offers %s each village page exactly when whoami's can names its action (%s, not %s)", async (persona, shown, hidden) => {
    const me = await whoami(persona);
    const village = me.villages.find((v) => v.villageId === 'yangjia');
    if (!village) throw new Error(`${persona} is not verified in 杨家村`);
    await renderMine(persona, shown);
    for (const e of byAction(VILLAGE_PAGES)) {
      const title = titleOf(e, village.can);
      expect([title, screen.queryByText(title) !== null]).toEqual([title, village.can.includes(e.needs)]);
    }
    expect(screen.queryByText(hidden)).toBeNull();
  });

  it('links a village entry to its page for that village', async () => {
    const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never);
    await renderMine('yangjia-accountant', '记账与月结');
    fireEvent.click(screen.getByText('记账与月结'));
    await waitFor(() => expect(go).toHaveBeenCalledWith({ url: '/packages/cadre/ledger/index?villageId=yangjia' }));
  });

  it.each([
    ['township-admin', '公开目录'],
    ['township-discipline', '各村公开与监督情况'],
  ])('offers %s the township pages its can names (%s among them)', async (persona, shown) => {
    const me = await whoami(persona);
    const [township] = me.township;
    await renderMine(persona, shown);
    for (const e of byAction([...TOWNSHIP_ADMIN_PAGES, ...TOWNSHIP_PAGES])) {
      const title = titleOf(e, township.can);
      expect([title, screen.queryByText(title) !== null]).toEqual([title, township.can.includes(e.needs)]);
    }
    // The discipline inspector sees the roster page under its own name; the admin, with approvals.
    const rosters = township.can.includes('roster.decideApproval') ? '花名册：导入确认与一人多村' : '花名册：在几个村花名册上的人';
    expect(screen.getByText(rosters)).toBeTruthy();
  });
});
