/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import BoardPrintPage from '../../src/packages/board/print';
import PosterPage from '../../src/packages/board/poster';
import TownshipCodesPage from '../../src/packages/township/codes';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';

/**
 * The print pages as the mini-program shows them. The transport was chosen when the app loaded
 * (H5: HTTP to the test host), while the pages read TARO_ENV as they render, so the weapp branch
 * is drawn against real data. WeChat's downloadFile and openDocument are stood in for: the
 * stand-in fetches the file from the host, as the phone would, and says what it was given.
 */
pagesOnTestHost();

/**
 * Who is calling. The app sends its dev persona only on H5; in the mini-program the platform
 * injects the caller's identity into each call, which this stands in for.
 */
let persona = '';
function as(who: string) {
  persona = who;
  setDevPersona(who);
}
beforeAll(() => {
  const toHost = globalThis.fetch;
  globalThis.fetch = ((input: string, init: { headers?: Record<string, string> } = {}) =>
    toHost(input, { ...init, headers: { ...init.headers, ...(persona ? { 'x-dev-persona': persona } : {}) } })) as typeof fetch;
});

const phone = Taro as unknown as Record<string, unknown>;
let downloaded: { url: string; filePath: string; status: number; bytes: string }[] = [];
let opened: unknown[] = [];

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  downloaded = [];
  opened = [];
  phone.env = { USER_DATA_PATH: 'wxfile://usr' };
  phone.downloadFile = async ({ url, filePath }: { url: string; filePath: string }) => {
    const res = (await fetch(url)) as unknown as { status: number; text(): Promise<string> };
    downloaded.push({ url, filePath, status: res.status, bytes: (await res.text()).slice(0, 5) });
    return { statusCode: res.status, filePath };
  };
  phone.openDocument = async (options: unknown) => {
    opened.push(options);
    return {};
  };
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

function open(Page: () => JSX.Element, path: string, params: Record<string, string>) {
  (Current as { router: unknown }).router = { params, path };
  return render(<Page />);
}

describe('printing from the phone', () => {
  it('makes the village poster as a PDF and opens it in WeChat’s viewer, with the menu that prints or sends it', async () => {
    as('yangjia-secretary');
    open(PosterPage, '/packages/board/poster/index', { villageId: 'yangjia' });
    await screen.findByLabelText('海报：杨家村', undefined, { timeout: 15000 });
    expect(document.body.textContent).not.toContain('网页版');
    fireEvent.click(screen.getByText('打印 / 生成 PDF'));
    await waitFor(() => expect(opened).toHaveLength(1), { timeout: 15000 });
    expect(downloaded).toEqual([
      {
        url: expect.stringMatching(/^\/files\/print\/yangjia\/[0-9a-f]{24}\.pdf$/),
        filePath: 'wxfile://usr/杨家村一村一码海报.pdf',
        status: 200,
        bytes: '%PDF-',
      },
    ]);
    expect(opened).toEqual([{ filePath: 'wxfile://usr/杨家村一村一码海报.pdf', fileType: 'pdf', showMenu: true }]);
  });

  it('says why when the server refuses, and opens nothing', async () => {
    as('yangjia-villager');
    open(BoardPrintPage, '/packages/board/print/index', { villageId: 'yangjia', quarter: '2026Q3' });
    await screen.findByText('杨家村2026年第三季度村务公开', undefined, { timeout: 15000 });
    fireEvent.click(screen.getByText('打印 / 生成 PDF'));
    expect((await screen.findByRole('alert', undefined, { timeout: 15000 })).textContent).toContain('没有权限');
    expect(opened).toEqual([]);
  });

  it('offers the township every village’s poster in one PDF on its codes page', async () => {
    as('township-admin');
    open(TownshipCodesPage, '/packages/township/codes/index', { townshipId: 'huangsheng' });
    fireEvent.click(await screen.findByText('生成全镇海报 PDF（每村一页）', undefined, { timeout: 15000 }));
    await waitFor(() => expect(opened).toHaveLength(1), { timeout: 40000 });
    expect(downloaded[0]).toMatchObject({ filePath: 'wxfile://usr/黄升镇各村一村一码海报.pdf', status: 200, bytes: '%PDF-' });
  }, 60_000);
});
