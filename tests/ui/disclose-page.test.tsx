/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parseTables, tablesText } from '../../src/components/TableEditor/tables';
import DisclosePage from '../../src/packages/cadre/disclose';
import type { DraftView } from '../../types/disclosure';
import { pagesOnTestHost } from './fetch-to-host';
import { box, type } from './inputs';
import { PLAIN_PNG } from '../helpers/photo-metadata';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23: 2026Q3 is the quarter being reported (all published
// in the demo), 2026Q4 the calendar quarter with nothing drafted yet.
const ui = pagesOnTestHost();

const item = (code: string) => `huangsheng:${code}`;

function openAs(persona: string, params: Record<string, string>) {
  return openPage(DisclosePage, '/packages/cadre/disclose/index', params, persona);
}

const cardOf = (title: string) => screen.findByLabelText(`公开项：${title}`);

async function expand(title: string): Promise<HTMLElement> {
  const card = await cardOf(title);
  fireEvent.click(within(card).getByRole('button', { expanded: false }));
  return card;
}

async function draftsOf(villageId: string, quarter: string, persona = `${villageId}-accountant`): Promise<DraftView[]> {
  const res = await ui.host.call('disclosure', 'drafts', { villageId, quarter }, persona);
  expect(res.body.ok).toBe(true);
  return res.body.data.items;
}

async function ok(fn: string, action: string, data: unknown, persona: string) {
  const res = await ui.host.call(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

describe('起草公开内容 (cadre drafting page)', () => {
  it('opens on the quarter being reported and lets the cadre switch to another', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia' });
    const progress = await screen.findByLabelText('起草进度');
    expect(within(progress).getByText('必须公开 24 项')).toBeTruthy();
    expect(within(progress).getByText('已公开 24')).toBeTruthy();
    expect(within(await cardOf('党费收缴与使用')).getByText('已公开')).toBeTruthy();
    // Nothing to submit in a fully published quarter.
    expect(screen.getByText('没有待提交的草稿。')).toBeTruthy();

    const chooser = screen.getByLabelText('选择季度');
    expect(within(chooser).getByText('2026年第三季度').closest('[aria-pressed]')?.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(chooser).getByText('2026年第二季度'));
    await waitFor(() => expect(screen.getByText('应在 2026年7月20日 前公开')).toBeTruthy());
    expect(within(screen.getByLabelText('起草进度')).getByText('已公开 24')).toBeTruthy();
  });

  it('lists every catalog item of 2026Q4, grouped by category, as not drafted yet', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia', quarter: '2026Q4' });
    const progress = await screen.findByLabelText('起草进度');
    expect(within(progress).getByText('未起草 24')).toBeTruthy();
    expect(within(progress).getByText('已公开 0')).toBeTruthy();
    const headings = Array.from(document.querySelectorAll('.section-title')).map((e) => e.textContent?.trim());
    expect(headings).toEqual(['党务', '村务', '财务', '资金', '资产', '资源']);
    expect(screen.getAllByLabelText(/^公开项：/)).toHaveLength(24);
    expect(within(await cardOf('惠农补贴与各类补助发放')).getByText('未起草')).toBeTruthy();
  });

  it('refuses a full ID number with the cell named, and masks it in one tap before saving', async () => {
    openAs('diquan-accountant', { villageId: 'diquan', quarter: '2026Q4' });
    const card = await expand('低保特困救助评定与发放');
    await type(card, '表格（可从 Excel 粘贴，第一行为表头）', '户主\t身份证号\r\n堤德明\t371603196203151034\r\n');
    await type(card, '正文（空一行分段）', '本季度新增低保户 1 户，有疑问请打 13805431234。');
    fireEvent.click(within(card).getByText('保存草稿'));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('公开内容里不能有完整的身份证号或手机号：正文第 1 段有手机号，第 1 个表格第 1 行“身份证号”列有身份证号');
    expect(await draftsOf('diquan', '2026Q4')).toEqual([]);
    fireEvent.click(within(card).getByText(/^一键打码/));
    await waitFor(() => expect(within(card).queryByRole('alert')).toBeNull());
    expect(((await box(card, '正文（空一行分段）')) as HTMLTextAreaElement).value).toBe('本季度新增低保户 1 户，有疑问请打 138****1234。');
    expect(within(within(card).getByLabelText('表格预览')).getByText('371603********1034')).toBeTruthy();
    fireEvent.click(within(card).getByText('保存草稿'));
    await waitFor(async () => expect((await draftsOf('diquan', '2026Q4')).map((d) => d.state)).toEqual(['draft']));
    const [saved] = await draftsOf('diquan', '2026Q4');
    expect(saved.body).toEqual([
      { type: 'paragraph', text: '本季度新增低保户 1 户，有疑问请打 138****1234。' },
      { type: 'table', columns: ['户主', '身份证号'], rows: [['堤德明', '371603********1034']] },
    ]);
  });

  it('drafts an item with paragraphs, a table pasted from Excel and an amount, then submits it', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia', quarter: '2026Q4' });
    const card = await expand('惠农补贴与各类补助发放');
    // The catalog title is the starting point.
    expect(((await box(card, '标题')) as HTMLInputElement).value).toBe('惠农补贴与各类补助发放');

    await type(card, '标题', '2026年第四季度耕地地力保护补贴发放');
    await type(card, '正文（空一行分段）', '本季度发放耕地地力保护补贴。\n\n名单如下，如有疑问请找村务监督委员会。');
    await type(card, '表格（可从 Excel 粘贴，第一行为表头）', '姓名\t金额（元）\r\n杨德福\t600.00\r\n杨秀英\t634.50\r\n');
    // The preview shows the table as villagers will see it, before anything is saved.
    const preview = within(card).getByLabelText('表格预览');
    expect(within(preview).getByText('杨秀英')).toBeTruthy();
    expect(within(preview).getByText(/共 2 行/)).toBeTruthy();

    // More than two decimals cannot be exact to the fen: refused here, nothing saved.
    await type(card, '金额（元，可不填）', '1234.505');
    fireEvent.click(within(card).getByText('保存草稿'));
    expect(within(card).getByRole('alert').textContent).toContain('小数点后两位');
    expect(await draftsOf('yangjia', '2026Q4')).toEqual([]);

    await type(card, '金额（元，可不填）', '1,234.50');
    fireEvent.click(within(card).getByText('保存草稿'));
    await waitFor(() => expect(within(card).getByText('草稿')).toBeTruthy());
    expect(within(card).getByText('草稿标题：2026年第四季度耕地地力保护补贴发放')).toBeTruthy();
    expect(within(await screen.findByLabelText('起草进度')).getByText('草稿 1')).toBeTruthy();

    const [saved] = await draftsOf('yangjia', '2026Q4');
    expect(saved).toMatchObject({
      itemId: item('2-3'),
      state: 'draft',
      title: '2026年第四季度耕地地力保护补贴发放',
      amountFen: 123450,
      body: [
        { type: 'paragraph', text: '本季度发放耕地地力保护补贴。' },
        { type: 'paragraph', text: '名单如下，如有疑问请找村务监督委员会。' },
        {
          type: 'table',
          columns: ['姓名', '金额（元）'],
          rows: [
            ['杨德福', '600.00'],
            ['杨秀英', '634.50'],
          ],
        },
      ],
    });

    fireEvent.click(within(card).getByText('提交监委会审核'));
    await waitFor(() => expect(within(card).getByText('待审核')).toBeTruthy());
    expect(within(card).getByText('等待监委会审核')).toBeTruthy();
    // Read-only until the 监委会 decides.
    expect(within(card).queryByText('保存草稿')).toBeNull();
    expect((await draftsOf('yangjia', '2026Q4')).find((d) => d.itemId === item('2-3'))?.state).toBe('submitted');
  });

  it('adds a 专项公开 outside the catalog under the chosen category and drafts it', async () => {
    openAs('diquan-secretary', { villageId: 'diquan', quarter: '2026Q4' });
    const adder = await screen.findByLabelText('新增专项公开');
    fireEvent.click(within(adder).getByText('资产'));
    await type(adder, '专项公开名称，如：村内道路硬化工程', '村委会办公楼维修');
    fireEvent.click(within(adder).getByText('新增专项公开'));
    // The new item opens ready to write, under its category.
    const card = await cardOf('村委会办公楼维修');
    expect(within(card).getByText('专项公开')).toBeTruthy();
    await type(card, '正文（空一行分段）', '办公楼屋面防水维修，预算 3.2 万元。');
    fireEvent.click(within(card).getByText('保存草稿'));
    await waitFor(() => expect(within(card).getByText('草稿')).toBeTruthy());
    const [saved] = await draftsOf('diquan', '2026Q4', 'diquan-secretary');
    expect(saved).toMatchObject({ itemId: 'adhoc-村委会办公楼维修', category: '资产', title: '村委会办公楼维修', state: 'draft' });
  });

  it('says which table line is wrong, and saves nothing', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia', quarter: '2026Q4' });
    const card = await expand('低保特困救助评定与发放');
    await type(card, '正文（空一行分段）', '本季度低保对象无变化。');
    await type(card, '表格（可从 Excel 粘贴，第一行为表头）', '姓名,类别\n杨德福,低保,多写了一格');
    expect(within(card).getByRole('alert').textContent).toContain('表格第 2 行有 3 格，比表头多');
    fireEvent.click(within(card).getByText('保存草稿'));
    expect(
      within(card)
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual([expect.stringContaining('比表头多'), expect.stringContaining('表格里有一处需要修改')]);
    expect((await draftsOf('yangjia', '2026Q4')).some((d) => d.itemId === item('2-2'))).toBe(false);
  });

  it('attaches an image, refuses a file that is not an image or PDF, and saves the attachment with the draft', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia', quarter: '2026Q4' });
    const card = await expand('党费收缴与使用');
    await type(card, '正文（空一行分段）', '本季度党费已全额上缴镇党委。');
    const picker = within(card).getByLabelText('添加图片或PDF') as HTMLInputElement;
    expect(picker.getAttribute('accept')).toBe('image/jpeg,image/png,application/pdf');
    expect(within(card).getByText('添加图片或PDF')).toBeTruthy();

    const png = new File([new Uint8Array(PLAIN_PNG)], '党费收据.png', { type: 'image/png' });
    fireEvent.change(picker, { target: { files: [png] } });
    expect(await within(card).findByText('党费收据.png')).toBeTruthy();
    expect(within(card).getByText('图片，1 KB')).toBeTruthy();

    const text = new File(['not a picture'], '说明.txt', { type: 'text/plain' });
    fireEvent.change(within(card).getByLabelText('添加图片或PDF'), { target: { files: [text] } });
    await waitFor(() => expect(within(card).getByRole('alert').textContent).toContain('只能上传图片'));

    fireEvent.click(within(card).getByText('保存草稿'));
    await waitFor(() => expect(within(card).getByText('草稿')).toBeTruthy());
    const saved = (await draftsOf('yangjia', '2026Q4')).find((d) => d.itemId === item('1-3'));
    expect(saved?.attachments.map((a) => [a.name, a.mime])).toEqual([['党费收据.png', 'image/png']]);
    expect(saved?.amountFen).toBeNull();

    // Removing takes effect when saved again.
    fireEvent.click(within(card).getByLabelText('移除附件：党费收据.png'));
    expect(within(card).queryByText('党费收据.png')).toBeNull();
    fireEvent.click(within(card).getByText('保存草稿'));
    await waitFor(async () => expect((await draftsOf('yangjia', '2026Q4')).find((d) => d.itemId === item('1-3'))?.attachments).toEqual([]));
  });

  it('shows the 监委会 reason prominently on a returned item, and lets the cadre fix and resubmit it', async () => {
    const ref = { villageId: 'yangjia', quarter: '2026Q4', itemId: item('1-1') };
    await ok('disclosure', 'saveDraft', { ...ref, title: '党支部班子成员及分工', body: [{ type: 'paragraph', text: '班子无变动。' }] }, 'yangjia-accountant');
    await ok('disclosure', 'submit', ref, 'yangjia-secretary');
    await ok('disclosure', 'review', { ...ref, decision: 'return', reason: '请写明每位委员的分工' }, 'yangjia-supervisor');

    openAs('yangjia-accountant', { villageId: 'yangjia', quarter: '2026Q4' });
    const card = await cardOf('党组织设置与班子分工');
    expect(within(card).getByText('已退回')).toBeTruthy();
    expect(within(card).getByText('监委会退回：请写明每位委员的分工')).toBeTruthy();
    expect(within(await screen.findByLabelText('起草进度')).getByText('已退回 1')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { expanded: false }));
    expect(((await box(card, '正文（空一行分段）')) as HTMLTextAreaElement).value).toBe('班子无变动。');
    await type(card, '表格（可从 Excel 粘贴，第一行为表头）', '姓名,分工\n杨书记,主持全面工作\n杨会计,分管财务');
    fireEvent.click(within(card).getByText('提交监委会审核'));
    await waitFor(() => expect(within(card).getByText('待审核')).toBeTruthy());
    const sent = (await draftsOf('yangjia', '2026Q4')).find((d) => d.itemId === item('1-1'));
    expect(sent?.state).toBe('submitted');
    expect(sent?.body[1]).toEqual({
      type: 'table',
      columns: ['姓名', '分工'],
      rows: [
        ['杨书记', '主持全面工作'],
        ['杨会计', '分管财务'],
      ],
    });
  });

  it('submits every draft of the quarter at once', async () => {
    for (const code of ['5-1', '5-2']) {
      await ok(
        'disclosure',
        'saveDraft',
        { villageId: 'doufuli', quarter: '2026Q4', itemId: item(code), title: `资产 ${code}`, body: [{ type: 'paragraph', text: '本季度无变动。' }] },
        'doufuli-accountant',
      );
    }
    openAs('doufuli-secretary', { villageId: 'doufuli', quarter: '2026Q4' });
    expect(within(await screen.findByLabelText('起草进度')).getByText('草稿 2')).toBeTruthy();
    fireEvent.click(screen.getByText('全部提交审核'));
    expect(await screen.findByText('已提交 2 项')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByLabelText('起草进度')).getByText('待审核 2')).toBeTruthy());
    expect(within(await cardOf('固定资产台账')).getByText('等待监委会审核')).toBeTruthy();
    expect((await draftsOf('doufuli', '2026Q4')).map((d) => d.state)).toEqual(['submitted', 'submitted']);
  });

  it('submits new drafts at once and lists the corrections that need a reason each', async () => {
    const q4 = { villageId: 'dajiang', quarter: '2026Q4' };
    const body = [{ type: 'paragraph', text: '本季度无变动。' }];
    // 6-1 was published this quarter and is now being corrected; 6-2 is a new draft.
    await ok('disclosure', 'saveDraft', { ...q4, itemId: item('6-1'), title: '资源台账', body }, 'dajiang-accountant');
    await ok('disclosure', 'submit', { ...q4, itemId: item('6-1') }, 'dajiang-accountant');
    await ok('disclosure', 'review', { ...q4, itemId: item('6-1'), decision: 'approve' }, 'dajiang-supervisor');
    await ok('disclosure', 'saveDraft', { ...q4, itemId: item('6-1'), title: '资源台账（更正）', body }, 'dajiang-accountant');
    await ok('disclosure', 'saveDraft', { ...q4, itemId: item('6-2'), title: '发包合同', body }, 'dajiang-accountant');

    openAs('dajiang-accountant', q4);
    fireEvent.click(await screen.findByText('全部提交审核'));
    expect(await screen.findByText('已提交 1 项，另有 1 项更正需逐项写原因')).toBeTruthy();
    expect(screen.getByText(/以下 1 项是更正已公开的内容.*资源台账（更正）/)).toBeTruthy();
    await waitFor(async () => expect(within(await cardOf('资源发包租赁合同与收益')).getByText('待审核')).toBeTruthy());
    expect(within(await cardOf('土地林地水面等资源台账')).getByText('草稿')).toBeTruthy();
  });

  it('asks for a reason before submitting a correction of a published item', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia', quarter: '2026Q3' });
    const card = await expand('党费收缴与使用');
    expect(within(card).getByText('已公开')).toBeTruthy();
    await type(card, '金额（元，可不填）', '1288.8');
    fireEvent.click(within(card).getByText('提交监委会审核'));
    expect(within(card).getByRole('alert').textContent).toContain('更正原因');
    // Nothing was sent: the item is still as published.
    expect((await draftsOf('yangjia', '2026Q3')).find((d) => d.itemId === item('1-3'))?.state).toBe('published');

    await type(card, '更正原因（会向村民显示）', '党费金额录入有误');
    fireEvent.click(within(card).getByText('提交监委会审核'));
    await waitFor(() => expect(within(card).getByText('待审核')).toBeTruthy());
    const sent = (await draftsOf('yangjia', '2026Q3')).find((d) => d.itemId === item('1-3'));
    expect(sent).toMatchObject({ state: 'submitted', amountFen: 128880, publishedVersion: 1 });
  });

  it('shows the server message when the server refuses', async () => {
    openAs('yangjia-accountant', { villageId: 'yangjia', quarter: '2026Q4' });
    const card = await expand('月度收支明细');
    await type(card, '正文（空一行分段）', '见附表。');
    // Someone else submits the item meanwhile: the page shows why saving is refused.
    const ref = { villageId: 'yangjia', quarter: '2026Q4', itemId: item('3-1') };
    await ok('disclosure', 'saveDraft', { ...ref, title: '月度收支明细', body: [{ type: 'paragraph', text: '另一位干部写的。' }] }, 'yangjia-secretary');
    await ok('disclosure', 'submit', ref, 'yangjia-secretary');
    fireEvent.click(within(card).getByText('保存草稿'));
    expect(await within(card).findByText('这一项已提交监委会审核，审核后才能再修改。')).toBeTruthy();
  });

  it('tells a villager that drafts are not theirs to see', async () => {
    openAs('yangjia-villager', { villageId: 'yangjia', quarter: '2026Q4' });
    expect(await screen.findByText('只有村两委和监委会可以起草公开内容')).toBeTruthy();
    expect(screen.getByText(/您没有权限进行此操作/)).toBeTruthy();
    expect(screen.queryByLabelText(/^公开项：/)).toBeNull();
    expect(screen.queryByText('全部提交审核')).toBeNull();
  });
});

describe('reading a pasted or typed table', () => {
  it('reads Excel rows (Tabs, Windows line ends, quoted cells) and typed rows (either comma)', () => {
    expect(parseTables('姓名\t备注\r\n杨德福\t"说""补发"""\r\n\t\r\n杨秀英\t\r\n')).toEqual({
      ok: true,
      tables: [
        {
          type: 'table',
          columns: ['姓名', '备注'],
          rows: [
            ['杨德福', '说"补发"'],
            ['杨秀英', ''],
          ],
        },
      ],
    });
    expect(parseTables('姓名，面积\n杨德福, 6.8')).toEqual({ ok: true, tables: [{ type: 'table', columns: ['姓名', '面积'], rows: [['杨德福', '6.8']] }] });
  });

  it('starts a new table after an empty line, and writes tables back so they read the same', () => {
    const text = '月份,收入\n10月,100\n\n月份,支出\n10月,80';
    const parsed = parseTables(text);
    expect(parsed.ok && parsed.tables.map((t) => t.columns)).toEqual([
      ['月份', '收入'],
      ['月份', '支出'],
    ]);
    if (parsed.ok) expect(parseTables(tablesText(parsed.tables))).toEqual(parsed);
  });

  it.each([
    ['姓名,金额', '只有表头'],
    ['姓名,,金额\n杨德福,1,2', '第 2 列没有名称'],
    ['姓名\n杨德福,多一格', '第 2 行有 2 格'],
    [`${Array.from({ length: 13 }, (_, i) => `列${i}`).join(',')}\n1`, '最多 12 列'],
  ])('explains what to fix in %j', (text, why) => {
    const r = parseTables(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});
