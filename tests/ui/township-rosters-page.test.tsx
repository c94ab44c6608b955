/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import TownshipRostersPage from '../../src/packages/township/rosters';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import { xlsxBase64, type RosterRow } from '../helpers/roster-file';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

const ui = pagesOnTestHost();

const HEADER = demoRosterSheet(DEMO_VILLAGES[0], 0).header;
const rowsOf = (i: number): RosterRow[] => demoRosterSheet(DEMO_VILLAGES[i], i).rows.map((r) => [...r.cells]);

async function ok(action: string, data: Record<string, unknown>, persona: string) {
  const res = await ui.host.send('roster', action, data, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

function openAs(persona: string) {
  return openPage(TownshipRostersPage, '/packages/township/rosters/index', { townshipId: 'huangsheng' }, persona);
}

describe('花名册：导入确认与一人多村 (township page)', () => {
  beforeAll(async () => {
    // 大姜村's 书记 asks to replace the roster with 8 people; 豆腐李村 lists 杨家村's 杨德福, 户籍 in 杨家村.
    await ok(
      'requestApproval',
      {
        villageId: 'dajiang',
        fileName: '八个人.xlsx',
        fileBase64: await xlsxBase64(rowsOf(2).slice(8, 16), HEADER),
        mode: 'replace',
        reason: '换届后按镇里核定的名单重建',
      },
      'dajiang-secretary',
    );
    const defu = rowsOf(0)[0];
    const doufuli = [...rowsOf(1).map((r) => [...r, '']), [defu[0], defu[1], defu[2], 'Y101', '户主', '第1组', defu[6], '否', '否', '否', '否', '杨家村']];
    await ok(
      'commitImport',
      { villageId: 'doufuli', fileName: '花名册.xlsx', fileBase64: await xlsxBase64(doufuli, [...HEADER, '户籍所在村']) },
      'doufuli-secretary',
    );
  });

  it('shows the admin whom a request removes, by name and office, and takes the decision', async () => {
    openAs('township-admin');
    const card = await screen.findByRole('listitem', { name: '花名册导入申请：大姜村' }, { timeout: 8000 });
    expect(within(card).getByText('大姜村 · 全量替换 · 八个人.xlsx')).toBeTruthy();
    expect(within(card).getByText('等您确认')).toBeTruthy();
    expect(within(card).getByText(/村党组织书记 姜立军 .* 申请，原因：换届后按镇里核定的名单重建/)).toBeTruthy();
    expect(within(card).getByText('花名册现有 32 人，文件里 8 人，新增 0 人。')).toBeTruthy();
    expect(within(card).getByText('将移出花名册的 24 人')).toBeTruthy();
    expect(within(card).getByText('姜春生（村务监督委员会主任）')).toBeTruthy();
    expect(within(card).getByText(/会移出 24 人，超过花名册现有 32 人的五分之一/)).toBeTruthy();
    fireEvent.click(within(card).getByText('核实无误，确认这次导入'));
    // The list is read again: the card now says it is confirmed and offers no buttons.
    expect(await screen.findByText('已确认（村里还没有导入）', undefined, { timeout: 8000 })).toBeTruthy();
    expect(screen.queryByText('核实无误，确认这次导入')).toBeNull();
  });

  it('lists the people on two villages’ rosters with where their 户籍 is, for the 纪委 too, who cannot confirm imports', async () => {
    openAs('township-discipline');
    const list = await screen.findByLabelText('在几个村花名册上的人', undefined, { timeout: 8000 });
    expect(await within(list).findByText('在本镇几个村花名册上的人（1）')).toBeTruthy();
    expect(within(list).getByText(/^杨德福（3716\*{10}/)).toBeTruthy();
    expect(within(list).getByText('豆腐李村：户籍不在此；杨家村：户籍在此。户籍在杨家村，只在杨家村参加村民会议表决。')).toBeTruthy();
    expect(screen.queryByLabelText('花名册导入确认')).toBeNull();
  });
});
