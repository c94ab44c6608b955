/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import type { VillageAssetsView } from '../../types/assets';
import type { MatterSummary } from '../../types/matters';
import type { RosterList } from '../../types/roster';
import AssetsPage from '../../src/pages/assets';
import CadreAssetsPage from '../../src/packages/cadre/assets';
import { PLAIN_PNG } from '../helpers/photo-metadata';
import { pagesOnTestHost } from './fetch-to-host';
import { pickDate, type } from './inputs';
import { openPage } from './open-page';

// The 会计's contract form names a villager from the roster, or a passed 一事一议 as the decision;
// the asset form takes photos, which villagers then see on the asset's card.
const ui = pagesOnTestHost();
const ACC = 'yangjia-accountant';

const openAssets = () => openPage(CadreAssetsPage, '/packages/cadre/assets/index', { villageId: 'yangjia' }, ACC);
const village = (): Promise<VillageAssetsView> => ui.host.ok('assets', 'village', { villageId: 'yangjia' }, ACC);

async function landOf(name: string): Promise<void> {
  await ui.host.ok('assets', 'addResource', { villageId: 'yangjia', name, landKind: 'arable', areaMu100: 800, location: '村北', state: 'uncontracted' }, ACC);
}

/** Opens the contract form of a fresh piece of land, 协商 and dated, leaving who and which decision. */
async function contractForm(land: string): Promise<HTMLElement> {
  await landOf(land);
  openAssets();
  const card = await screen.findByLabelText(`资源：${land}`, undefined, { timeout: 5000 });
  fireEvent.click(within(card).getByText('发包（登记合同）'));
  const form = screen.getByLabelText(`登记合同：${land}`);
  fireEvent.click(within(form).getByText('协商'));
  await type(form, '协商的原因，如 公开竞价流拍', '公开竞价无人报名');
  pickDate(form, '开始日期', '2027-01-01');
  pickDate(form, '结束日期', '2029-12-31');
  await type(form, '每年价款（元）', '3000');
  return form;
}

describe('三资合同的承包方、一事一议和资产照片', () => {
  it('finds a villager on the roster by name and keeps their person id on the contract', async () => {
    const roster: RosterList = await ui.host.ok('roster', 'list', { villageId: 'yangjia' }, ACC);
    const person = roster.people[roster.people.length - 1];
    const form = await contractForm('北洼菜地');
    fireEvent.click(within(form).getByText('本村村民'));
    // Not picked yet: the form says so rather than saving a name without a person.
    fireEvent.click(within(form).getByText('村民代表会议'));
    pickDate(form, '开会日期', '2026-11-01');
    fireEvent.click(within(form).getByText('登记合同'));
    expect(await within(form).findByText('请在花名册里查找并选上承包的村民。')).toBeTruthy();

    await type(form, '村民的名字', person.name);
    fireEvent.click(within(form).getByText('查找'));
    const pick = await within(form).findByLabelText(`选${person.name}，${person.group || '本村'}，户号 ${person.householdNo}`, undefined, { timeout: 5000 });
    fireEvent.click(pick);
    expect(within(form).getByText(`已选：${person.name}（本村村民）`)).toBeTruthy();
    fireEvent.click(within(form).getByText('登记合同'));

    await screen.findByLabelText(`合同：北洼菜地 · ${person.name}`, undefined, { timeout: 5000 });
    const saved = (await village()).contracts.find((c) => c.subject.name === '北洼菜地');
    expect(saved?.counterparty).toEqual({ name: person.name, personId: person.id });
  });

  it('offers only the village’s passed 一事一议 matters as the decision and records the one picked', async () => {
    const { matters }: { matters: MatterSummary[] } = await ui.host.ok('matters', 'list', { villageId: 'yangjia' }, ACC);
    const passed = matters.filter((m) => (m.stage === '决议公开' || m.stage === '实施结果公开') && m.status !== 'stopped');
    const pending = matters.filter((m) => !passed.includes(m));
    expect(passed.length).toBeGreaterThan(0);
    const form = await contractForm('西沟林地');
    await type(form, '承包方的名字或单位名称', '黄升镇绿源林场');
    fireEvent.click(within(form).getByText('一事一议'));
    const choices = await within(form).findByLabelText('哪个一事一议事项', undefined, { timeout: 5000 });
    for (const m of pending) expect(within(choices).queryByText(m.title)).toBeNull();
    fireEvent.click(within(choices).getByText(passed[0].title));
    fireEvent.click(within(form).getByText('登记合同'));

    const card = await screen.findByLabelText('合同：西沟林地 · 黄升镇绿源林场', undefined, { timeout: 5000 });
    expect(within(card).getByText(`同意的会议：一事一议：${passed[0].title}`)).toBeTruthy();
    const saved = (await village()).contracts.find((c) => c.subject.name === '西沟林地');
    expect(saved?.decision).toEqual({ kind: 'matter', matterId: passed[0].id, title: passed[0].title });
  });

  it('registers an asset with a photo, which the villagers’ page shows as a thumbnail', async () => {
    openAssets();
    await screen.findByLabelText('三资概况', undefined, { timeout: 5000 });
    fireEvent.click(screen.getByText('登记资产'));
    const form = screen.getByLabelText('登记资产');
    await type(form, '资产名称，如 村委会办公楼', '村部旧粮仓');
    fireEvent.click(within(form).getByText('经营性'));
    fireEvent.click(within(form).getByText('房屋建筑'));
    pickDate(form, '购置日期', '1998-05-01');
    await type(form, '原值（元）', '50000');
    const picker = within(form).getByLabelText('添加资产照片');
    expect(picker.getAttribute('accept')).toBe('image/*');
    fireEvent.change(picker, { target: { files: [new File([new Uint8Array(PLAIN_PNG)], '粮仓正面.png', { type: 'image/png' })] } });
    expect(await within(form).findByText('粮仓正面.png，1 KB', undefined, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(within(form).getByText('登记'));
    await screen.findByLabelText('资产：村部旧粮仓', undefined, { timeout: 5000 });
    const saved = (await village()).assets.find((a) => a.name === '村部旧粮仓');
    expect(saved?.photos.map((p) => p.name)).toEqual(['粮仓正面.png']);

    openPage(AssetsPage, '/pages/assets/index', { villageId: 'yangjia' }, 'yangjia-villager');
    // The 会计's page is still mounted above: the villagers' card is the one that shows photos.
    const thumb = await screen.findByRole('img', { name: '村部旧粮仓的照片 1' }, { timeout: 5000 });
    expect(thumb.closest('.village-assets__thumbs')).toBeTruthy();
  });
});
