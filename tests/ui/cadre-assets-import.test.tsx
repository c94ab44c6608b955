/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import CadreAssetsPage from '../../src/packages/cadre/assets';
import type { VillageAssetsView } from '../../types/assets';
import { type AssetLine, assetsXlsx, day, TITLE_ROWS } from '../helpers/assets-file';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

// The test host's clock is 2026-11-23 (Beijing): 2026Q4 is the quarter under way.
const ui = pagesOnTestHost();
const ACC = 'yangjia-accountant';

const openAssets = () => openPage(CadreAssetsPage, '/packages/cadre/assets/index', { villageId: 'yangjia' }, ACC);
const village = (): Promise<VillageAssetsView> => ui.host.ok('assets', 'village', { villageId: 'yangjia' }, ACC);

async function xlsx(lines: AssetLine[], name: string): Promise<File> {
  return new File([Buffer.from(await assetsXlsx(lines), 'base64')], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function pick(file: File): Promise<HTMLElement> {
  const card = await screen.findByLabelText('导入台账', undefined, { timeout: 8000 });
  fireEvent.change(within(card).getByLabelText('导入资产台账（Excel 或 CSV）'), { target: { files: [file] } });
  return card;
}

describe('导入台账 and 生成三资公开 (cadre/assets)', () => {
  it('lists every row of a 资产台账 to fix and offers no import until the file is clean; then imports it', async () => {
    openAssets();
    const good: AssetLine = ['界面导入仓库', '房屋', '是', '村西', day('2012-06-01'), 85_000, '出租', '杨会计'];
    let card = await pick(await xlsx([good, ['界面导入水泵', '水泵', '是', '井房', '去年', 3000, '在用', '']], '台账.xlsx'));
    const result = await within(card).findByLabelText('导入检查结果', undefined, { timeout: 8000 });
    expect(within(result).getByText('有 1 行需要修改（改好后重新选择文件）；没改好之前，一行也不会导入')).toBeTruthy();
    expect(within(result).getByText(`第 ${TITLE_ROWS + 3} 行`)).toBeTruthy();
    expect(
      within(result).getByText(
        '资产类别“水泵”不认识，应为房屋建筑、机器设备、基础设施、交通工具或其他；购建日期“去年”看不懂，请写成 2010-05-01 或 2010年5月。',
      ),
    ).toBeTruthy();
    expect(within(card).queryByText(/确认导入/)).toBeNull();

    card = await pick(await xlsx([good], '台账（改好）.xlsx'));
    fireEvent.click(await within(card).findByText('确认导入 1 项资产', undefined, { timeout: 8000 }));
    await waitFor(async () => expect((await village()).assets.map((a) => a.name)).toContain('界面导入仓库'), { timeout: 8000 });
  });

  it('says which register a file is when the other one was chosen', async () => {
    openAssets();
    const card = await screen.findByLabelText('导入台账', undefined, { timeout: 8000 });
    fireEvent.click(within(card).getByText('资源台账'));
    const file = await xlsx([['界面错选', '房屋', '是', '村西', '2012-06-01', 100, '在用', '']], '资产.xlsx');
    fireEvent.change(within(card).getByLabelText('导入资源台账（Excel 或 CSV）'), { target: { files: [file] } });
    expect(await within(card).findByText('这像是资产台账，请选“导入资产台账”再导入。', undefined, { timeout: 8000 })).toBeTruthy();
  });

  it('drafts the quarter’s 三资公开 and names each item drafted', async () => {
    openAssets();
    const card = await screen.findByLabelText('生成三资公开', undefined, { timeout: 8000 });
    fireEvent.click(within(card).getByText('生成本季度三资公开'));
    const done = await within(card).findByLabelText('已生成的草稿', undefined, { timeout: 8000 });
    expect(within(done).getByText('已起草 4 项：')).toBeTruthy();
    expect(within(done).getByText('· 固定资产台账（2026年第四季度）')).toBeTruthy();
    expect(within(done).getByText('· 2026年第四季度资源发包租赁合同与收益')).toBeTruthy();
  });
});
