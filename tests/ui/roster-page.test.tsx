/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import RosterImportPage from '../../src/packages/cadre/roster';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import { titledXlsxBase64, xlsxBase64, type RosterRow } from '../helpers/roster-file';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

// The demo host: every village has the 32-person demo roster, its office holders bound.
const ui = pagesOnTestHost();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rowsOf = (i: number): RosterRow[] => demoRosterSheet(DEMO_VILLAGES[i], i).rows.map((r) => [...r.cells]);
const HEADER = demoRosterSheet(DEMO_VILLAGES[0], 0).header;

function openAs(persona: string, villageId: string) {
  return openPage(RosterImportPage, '/packages/cadre/roster/index', { villageId }, persona);
}

async function pick(base64: string, name: string) {
  const input = screen.getByLabelText('选择花名册文件');
  fireEvent.change(input, { target: { files: [new File([Buffer.from(base64, 'base64')], name, { type: XLSX })] } });
  // Upload, then the check through the real host (a worker reads the sheet): allow a loaded machine time.
  return screen.findByLabelText('检查结果', undefined, { timeout: 8000 });
}

const buttonOf = (scope: HTMLElement, text: string | RegExp) => within(scope).getByText(text).closest('.nut-button') as HTMLElement;
const chooseMode = (label: string) => fireEvent.click(within(screen.getByLabelText('导入方式')).getByText(new RegExp(label)));

describe('导入花名册 (the cadre’s roster page)', () => {
  it('reads a township’s file as it is: the header below the title, other column names, 15-digit IDs upgraded, someone from another village shown', async () => {
    const doufuli = rowsOf(1).map((c) => [...c, '']);
    const defu = rowsOf(0)[0];
    const rows: RosterRow[] = [
      ...doufuli.slice(0, 30),
      [defu[0], defu[1], defu[2], 'Y101', '户主', '第1组', defu[6], '否', '否', '否', '否', '杨家村'],
      ['李老汉', '男', '371603580312051', 'Y102', '户主', '第2组', '', '否', '否', '否', '否', ''],
    ];
    const header = ['姓名', '性别', '公民身份号码', '户号', '与户主的关系', '组别', '手机号码', '是否党员', '村民代表', '低保户', '现役军人', '户籍所在村'];
    const file = await titledXlsxBase64(['豆腐李村村民花名册', '填报日期：2026年11月'], header, rows, ['制表人：李玉海']);
    openAs('doufuli-secretary', 'doufuli');
    const result = await pick(file, '豆腐李村花名册.xlsx');

    expect(within(result).getByText(/共 32 人（表头在第 3 行）。新增 2 人/)).toBeTruthy();
    expect(within(result).getByText(/“公民身份号码”当作“身份证号”/)).toBeTruthy();
    expect(within(result).getByText('读表时做了这些处理（2 处）')).toBeTruthy();
    expect(within(result).getByText(/15 位的老身份证号，已按国家标准升为 18 位：3716\*{10}/)).toBeTruthy();
    expect(within(result).getByText('“制表人：李玉海”不是村民，已跳过这一行')).toBeTruthy();
    expect(within(result).getByText(/也在本镇其他村花名册上的人（1）/)).toBeTruthy();
    expect(within(result).getByText(new RegExp(`^第 34 行 ${defu[0]}（3716\\*{10}`))).toBeTruthy();
    expect(within(result).getByText('也在杨家村的花名册上。户籍：杨家村。')).toBeTruthy();
    // 补充与更新 (the default) removes nobody, and says so.
    expect(within(result).getByText(/花名册上另有 2 人不在这份文件里，补充与更新不移出他们/)).toBeTruthy();
    expect(within(result).getByText('确认导入 32 人')).toBeTruthy();

    // 全量替换: the two it removes, by name, and the number to type before the button works.
    chooseMode('全量替换');
    expect(within(result).getByText('将移出花名册的 2 人')).toBeTruthy();
    for (const n of [30, 31]) expect(within(result).getAllByText(String(doufuli[n][0])).length).toBeGreaterThan(0);
    expect(within(result).getByText('为防止误删，请输入要移出的人数（2）：')).toBeTruthy();
    const go = buttonOf(result, '确认导入 32 人并移出 2 人');
    expect(go.className).toContain('nut-button-disabled');
    await type(result, '输入要移出的人数', '3');
    expect(buttonOf(result, '确认导入 32 人并移出 2 人').className).toContain('nut-button-disabled');
    await type(result, '输入要移出的人数', '2');
    await waitFor(() => expect(buttonOf(result, '确认导入 32 人并移出 2 人').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(result, '确认导入 32 人并移出 2 人'));
    expect(await screen.findByText('共 32 人：新增 2，更新 0，移出 2。', undefined, { timeout: 8000 })).toBeTruthy();
  }, 30000);

  it('refuses an 8-person 全量替换 of 32 by name, sends it to the township, and imports it by 补充与更新 removing nobody', async () => {
    openAs('yangjia-secretary', 'yangjia');
    const result = await pick(await xlsxBase64(rowsOf(0).slice(8, 16), HEADER), '八个人.xlsx');
    chooseMode('全量替换');
    expect(within(result).getByText('将移出花名册的 24 人')).toBeTruthy();
    // Everyone removed is listed, office holders with their office, the 书记 as themself.
    expect(within(result).getByText('杨树林（村务监督委员会主任）')).toBeTruthy();
    expect(within(result).getByText('李风昌（村党组织书记） · 您本人')).toBeTruthy();
    const refusal = within(result).getByRole('alert');
    expect(refusal.textContent).toContain('这次导入要镇管理员确认后才能进行：会移出 24 人，超过花名册现有 32 人的五分之一');
    expect(refusal.textContent).toContain('杨树林（村务监督委员会主任）');
    expect(refusal.textContent).toContain('杨秀梅（村会计）');
    // No way to import from here: no number to type, no import button; only asking the township.
    expect(within(result).queryByPlaceholderText('输入要移出的人数')).toBeNull();
    expect(within(result).queryByText(/^确认导入/)).toBeNull();
    expect(buttonOf(result, '请镇里确认').className).toContain('nut-button-disabled');
    await type(result, '写明为什么要这样导入（镇管理员会看到）', '换届后按镇里核定的名单重建');
    await waitFor(() => expect(buttonOf(result, '请镇里确认').className).not.toContain('nut-button-disabled'));
    fireEvent.click(buttonOf(result, '请镇里确认'));
    expect(await within(result).findByText(/已经请镇里确认，正在等镇管理员处理/, undefined, { timeout: 8000 })).toBeTruthy();

    chooseMode('补充与更新');
    expect(within(result).queryByText('将移出花名册的 24 人')).toBeNull();
    expect(within(result).getByText(/花名册上另有 24 人不在这份文件里，补充与更新不移出他们/)).toBeTruthy();
    fireEvent.click(buttonOf(result, '确认导入 8 人'));
    expect(await screen.findByText('共 8 人：新增 0，更新 0，移出 0。', undefined, { timeout: 8000 })).toBeTruthy();
    const list = await ui.host.call('roster', 'list', { villageId: 'yangjia' }, 'yangjia-supervisor');
    expect(list.body.data.total).toBe(32);
  }, 30000);
});
