/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import BoardPrintPage from '../../src/packages/board/print';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

/** A cell's value; its column's name sits beside it for the narrow-screen card layout. */
const cellValue = (cell: HTMLElement) => cell.querySelector('.blocks__value')?.textContent ?? null;

// Printing is for anyone: no persona.
pagesOnTestHost();
afterEach(() => {
  jest.restoreAllMocks();
});

/** A quarter's whole sheet (two dozen items, fetched a few at a time) takes a moment on a busy machine. */
const SHEET = { timeout: 5000 };

function openBoard(villageId: string, quarter: string) {
  return openPage(BoardPrintPage, '/packages/board/print/index', { villageId, quarter });
}

/** The printed block of one item, found by the title a reader sees. */
function itemTitled(title: string): HTMLElement {
  const el = screen.getByText(title).closest('.print-item');
  if (!el) throw new Error(`no printed item “${title}”`);
  return el as HTMLElement;
}

describe('公开栏打印 (notice-board print)', () => {
  it('prints the village’s quarter with its heading, the six categories and who checked it', async () => {
    openBoard('yangjia', '2026Q3');
    expect(await screen.findByText('杨家村2026年第三季度村务公开', {}, SHEET)).toBeTruthy();
    expect(screen.getByText('山东省滨州市沾化区黄升镇杨家村')).toBeTruthy();
    expect(screen.getByText(/公开日期：2026年10月\d+日\s+审核：村务监督委员会/)).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    // 村务 also holds the demo 一事一议's 决议公开 and 实施结果公开 (专项公开).
    expect(headings).toEqual(['党务（4 项）', '村务（6 项）', '财务（4 项）', '资金（4 项）', '资产（4 项）', '资源（4 项）']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('杨家村2026年第三季度村务公开');
    expect(screen.getByText('本季度应公开 24 项，已公开 24 项。')).toBeTruthy();
    expect(screen.queryByText('（本项尚未公开）')).toBeNull();

    // Whole: a villager reading the paper on the wall has no masked number to tap.
    expect(await screen.findByText(/村务监督委员会主任：杨树林\s+监督电话：139 0543 7216/)).toBeTruthy();
    expect(screen.getByText('扫码查看详情和历史版本')).toBeTruthy();
  });

  it('prints each item’s content in full, tables included', async () => {
    openBoard('yangjia', '2026Q3');
    await screen.findByText('杨家村2026年第三季度村务公开', {}, SHEET);
    const team = itemTitled('杨家村党支部班子成员及分工');
    expect(within(team).getByText(/经村务监督委员会审核公开 · 第 1 版/)).toBeTruthy();
    const table = within(team).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['姓名', '职务', '分工']);
    const first = within(table).getAllByRole('row')[1];
    expect(within(first).getAllByRole('cell').map(cellValue)).toEqual(['李风昌', '党支部书记', '主持党支部全面工作']);

    // Money in 元 with two decimals, from the integer fen the item stores.
    const dues = itemTitled('2026年第三季度党费收缴与使用');
    expect(within(dues).getByText(/^金额：[\d,]+\.\d{2} 元$/)).toBeTruthy();
    // Every one of the 24 items is on the sheet, and the two 专项公开 of the demo 一事一议.
    expect(document.querySelectorAll('.print-item')).toHaveLength(26);
  });

  it('prints the corrected version with its reason', async () => {
    openBoard('yangjia', '2026Q2');
    await screen.findByText('杨家村2026年第二季度村务公开', {}, SHEET);
    const subsidy = itemTitled('2026年耕地地力保护补贴发放名单（2026年第二季度）');
    expect(within(subsidy).getByText(/第 2 版/)).toBeTruthy();
    expect(within(subsidy).getByText(/^更正原因：杨德福户确权面积录入有误/)).toBeTruthy();
    const row = within(within(subsidy).getByRole('table')).getAllByRole('row')[1];
    expect(cellValue(within(row).getAllByRole('cell')[2])).toBe('6.8');
  });

  it('lists required items that were never published, in words', async () => {
    openBoard('dajiang', '2026Q2');
    await screen.findByText('大姜村2026年第二季度村务公开', {}, SHEET);
    expect(screen.getAllByText('（本项尚未公开）')).toHaveLength(2);
    expect(within(itemTitled('债权债务')).getByText('（本项尚未公开）')).toBeTruthy();
    expect(within(itemTitled('资产处置与变动')).getByText('（本项尚未公开）')).toBeTruthy();
    expect(screen.getByText('本季度应公开 24 项，已公开 22 项，逾期未公开 2 项。')).toBeTruthy();
  });

  it('opens the browser’s print dialog from 打印', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => {});
    openBoard('yangjia', '2026Q3');
    await screen.findByText('杨家村2026年第三季度村务公开', {}, SHEET);
    fireEvent.click(screen.getByText('打印'));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('offers a retry when the village cannot be found', async () => {
    openBoard('vanished', '2026Q3');
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
