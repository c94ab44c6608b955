/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import PosterPage from '../../src/packages/board/poster';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

pagesOnTestHost();

function open(params: Record<string, string>) {
  return openPage(PosterPage, '/packages/board/poster/index', params);
}

describe('一村一码海报', () => {
  it('prints the village, what scanning does, the code, who supervises and the whole 监督电话', async () => {
    open({ villageId: 'yangjia' });
    const poster = await screen.findByLabelText('海报：杨家村', undefined, { timeout: 15000 });
    expect(within(poster).getByText('杨家村村务公开')).toBeTruthy();
    expect(within(poster).getByLabelText('杨家村的二维码，用微信扫一扫')).toBeTruthy();
    expect(within(poster).getByText('· 向村务监督委员会提问、反映问题、提建议（可以匿名）')).toBeTruthy();
    // Villagers without a smartphone cannot scan and tap: the number is printed whole.
    expect(within(poster).getByText('村务监督委员会主任：杨树林，监督电话：139 0543 7216')).toBeTruthy();
  });

  it('prints every village of the township for its staff, a sheet each', async () => {
    setDevPersona('township-admin');
    open({ townshipId: 'huangsheng' });
    // Drawing four codes takes a few seconds the first time.
    expect(await screen.findByText('打印全部 4 张', undefined, { timeout: 15000 })).toBeTruthy();
    expect(screen.getAllByLabelText(/^海报：/)).toHaveLength(4);
  });
});
