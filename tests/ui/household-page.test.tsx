/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { speakable } from '../../common/speech';
import { sealAgeFacts } from '../../cloudfunctions/core/people/model';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import HouseholdPage from '../../src/pages/household';
import { TEST_ID_KEY } from '../helpers/host';
import { personLike } from '../helpers/people';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';
import { openPage } from './open-page';

// The demo's 杨家村 has published 耕地地力保护补贴 lists for five quarters, each naming 杨德福 (the
// villager persona) with his masked ID number; the other 杨德福 of the village is told apart by his.
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

describe('我家 (pages/household)', () => {
  it('shows the household’s entries grouped by quarter, newest first, each with its amounts and a link to the published version', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never);
    openPage(HouseholdPage, '/pages/household/index', { villageId: 'yangjia' }, 'yangjia-villager');
    expect(await screen.findByText('我家：杨德福（户主）')).toBeTruthy();
    const q3 = screen.getByLabelText('2026年第三季度');
    const q2 = screen.getByLabelText('2026年第二季度');
    // Newest quarter first.
    expect(q3.compareDocumentPosition(q2) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const entry = within(q3).getByLabelText('2026年耕地地力保护补贴发放名单（2026年第三季度）');
    expect(within(entry).getByText('名单上的人：杨德福')).toBeTruthy();
    expect(entry.querySelector('.household__amount')?.textContent).toMatch(/元）：[\d,.]+$/);
    fireEvent.click(within(entry).getByText(/^看公开原文（第 1 版/));
    expect(navigate).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/pages\/item\/index\?villageId=yangjia&quarter=2026Q3&itemId=.+&version=1$/) });
    // The votes his household may take part in.
    expect(within(screen.getByLabelText('表决')).getByText('硬化村东生产路')).toBeTruthy();
  });

  it('refuses a visitor with the shell’s words and shows no entry', async () => {
    openPage(HouseholdPage, '/pages/household/index', { villageId: 'yangjia' }, null);
    expect(await screen.findByText('我家只给这一户认证过的村民看')).toBeTruthy();
    expect(screen.queryByText(/耕地地力保护补贴/)).toBeNull();
  });

  it('asks the 监委会 why before showing another household, and says the look is recorded and told', async () => {
    const people = await ui.host.store.collection<{ _id: string; householdNo: string }>('people').find({ where: { villageId: 'yangjia', nameKey: '杨德福' } });
    const defu = people.find((p) => p.householdNo === 'Y001');
    openPage(HouseholdPage, '/pages/household/index', { villageId: 'yangjia', personId: defu?._id ?? '' }, 'yangjia-supervisor');
    const form = await screen.findByLabelText('查看理由');
    expect(screen.queryByText(/耕地地力保护补贴/)).toBeNull();
    await type(form, '为什么要查看这一户？', '核对村民对补贴的投诉');
    fireEvent.click(within(form).getByText('查看这一户'));
    expect(await screen.findByText('这一户：杨德福（户主）')).toBeTruthy();
    expect(screen.getByText('这次查看已记入审计记录，并告诉了这一户。')).toBeTruthy();
    expect(screen.getAllByText(/耕地地力保护补贴发放名单/).length).toBeGreaterThan(0);
  });

  it('shows the household’s 筹资筹劳 share with its amounts and who is left out, and reads the page aloud in 长辈模式', async () => {
    // 杨德福 (born 1955) lives alone: he pays and is past working age. His grandson, 14, does neither.
    const people = ui.host.store.collection<PersonDoc>('people');
    const defu = (await people.find({ where: { villageId: 'yangjia', nameKey: '杨德福' } })).find((p) => p.householdNo === 'Y001') as PersonDoc;
    const id = 'yangjia:test-grandson';
    const sealed = sealAgeFacts(TEST_ID_KEY, id, { birthMonth: '2012-06', adultOn: '2030-06-01' });
    // personLike seals the template's age facts: the grandson's own are sealed after it.
    await people.set(id, {
      ...personLike(defu, id, { name: '杨小宝', nameKey: '杨小宝', idHash: 'test-grandson', relation: '孙子', isHouseholdHead: false, boundOpenid: null }),
      sealed,
    });
    const plan = { project: '村后蓄水池', budgetFen: 2_000_000, perPersonFen: 1_500, workdays: 3 };
    await ui.host.ok(
      'matters',
      'propose',
      { villageId: 'yangjia', title: '修建村后蓄水池', summary: '村后缺水，提议修建蓄水池一座。', decisionBody: 'representatives', funding: plan },
      'yangjia-secretary',
    );

    const spoken: string[] = [];
    class Utterance {
      lang = '';
      rate = 1;
      constructor(public text: string) {}
    }
    Object.assign(window, { speechSynthesis: { speak: (u: Utterance) => spoken.push(u.text), cancel: () => undefined }, SpeechSynthesisUtterance: Utterance });
    Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
    Taro.setStorageSync('elderMode', true);
    openPage(HouseholdPage, '/pages/household/index', { villageId: 'yangjia' }, 'yangjia-villager');

    const shares = await screen.findByLabelText('筹资筹劳');
    const card = within(shares).getByText('修建村后蓄水池').closest('.household__entry') as HTMLElement;
    expect(within(card).getByText('您家出资：15.00 元（1 人，每人 15.00 元）')).toBeTruthy();
    expect(within(card).getByText('您家出劳：0 个工日（0 人，每人 3 个）')).toBeTruthy();
    expect(within(card).getByText('未满18周岁不筹')).toBeTruthy();

    fireEvent.click(screen.getByText('听：读给我听'));
    const text = spoken.join('');
    expect(text.startsWith(speakable('我家：杨德福，户主；杨小宝，孙子。'))).toBe(true);
    expect(text).toContain(speakable('筹资筹劳：修建村后蓄水池。您家出资 15.00 元，1 人，每人 15.00 元。您家出劳 0 个工日，0 人，每人 3 个。未满18周岁不筹。'));
    expect(text).toContain(speakable('2026年第三季度，2026年耕地地力保护补贴发放名单'));
    // Amounts and dates in words; the masked ID numbers on the lists are never read.
    expect(text).not.toMatch(/\d|\*/);
  });
});
