/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RedactPage from '../../src/packages/township/redact';
import { setDevPersona } from '../../src/services/dev-persona';
import { PLAIN_PNG } from '../helpers/photo-metadata';
import { pagesOnTestHost } from './fetch-to-host';
import { type } from './inputs';

// The demo host's clock is 2026-11-23 10:00 in China, in 2026Q4. Each test publishes its own
// 专项公开 in 堤圈村, with a scanned sign-off sheet attached.
const ui = pagesOnTestHost();
afterEach(() => jest.restoreAllMocks());

const V = 'diquan';
const FILE = '签字表.png';
const REASON_HINT = '例如：补贴名单里登了完整的身份证号';

async function ok(fn: string, action: string, data: unknown, persona: string) {
  const res = await ui.host.send(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${fn}.${action}: ${res.body.error.message}`);
  return res.body.data;
}

/** A published item with one attachment, as the 两委 and the 监委会 would get it out. */
async function published(title: string) {
  const ref = { villageId: V, quarter: '2026Q4', itemId: `adhoc-${title}` };
  const file = await ok('disclosure', 'upload', { villageId: V, name: FILE, dataBase64: PLAIN_PNG.toString('base64') }, `${V}-accountant`);
  await ok(
    'disclosure',
    'saveDraft',
    { ...ref, title, category: '村务', body: [{ type: 'paragraph', text: '补助名单见附件。' }], attachments: [file.id] },
    `${V}-accountant`,
  );
  await ok('disclosure', 'submit', ref, `${V}-secretary`);
  await ok('disclosure', 'review', { ...ref, decision: 'approve' }, `${V}-supervisor`);
  return ref;
}

function openAs(persona: string, ref: { villageId: string; quarter: string; itemId: string }) {
  setDevPersona(persona);
  (Current as { router: unknown }).router = { params: { ...ref, itemId: encodeURIComponent(ref.itemId) }, path: '/packages/township/redact/index' };
  return render(<RedactPage />);
}

const confirmed = () => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
const redactButton = () => screen.getByText('删去个人信息', { selector: '.nut-button *' });
const attachmentRow = () => screen.getByText(new RegExp(`${FILE}$`)).closest('.nut-cell') as HTMLElement;

describe('删去个人信息 (the township admin’s redaction of a published item)', () => {
  it('shows the item as published and asks for a reason before anything else', async () => {
    const modal = confirmed();
    const ref = await published('冬季取暖补助');
    openAs('township-admin', ref);
    expect(await screen.findByText('冬季取暖补助')).toBeTruthy();
    expect(screen.getByText('补助名单见附件。')).toBeTruthy();
    expect(attachmentRow().textContent).toContain('删除');
    fireEvent.click(redactButton());
    expect((await screen.findByRole('alert')).textContent).toBe('请写明为什么删去（至少 4 个字），村民会看到。');
    expect(modal).not.toHaveBeenCalled();
  });

  it('tells the 镇纪委 in words that this is not theirs to do, and changes nothing', async () => {
    confirmed();
    const ref = await published('秋季助学金');
    openAs('township-discipline', ref);
    await screen.findByText('秋季助学金');
    await type(document.body, REASON_HINT, '附件里有完整的身份证号');
    fireEvent.click(attachmentRow());
    fireEvent.click(redactButton());
    expect((await screen.findByRole('alert')).textContent).toContain('您没有权限进行此操作');
    expect((await ok('disclosure', 'item', ref, `${V}-villager`)).latest.attachments.map((a: { name: string }) => a.name)).toEqual([FILE]);
  });

  it('says in words when the item has no personal numbers and no file was chosen', async () => {
    confirmed();
    const ref = await published('道路维修结算');
    openAs('township-admin', ref);
    await screen.findByText('道路维修结算');
    await type(document.body, REASON_HINT, '核对是否登了身份证号');
    fireEvent.click(redactButton());
    expect((await screen.findByRole('alert')).textContent).toBe('这一项的各个版本里没有找到身份证号或手机号，也没有选要删去的附件。');
  });

  it('deletes the chosen file for good, and the villagers see why', async () => {
    const modal = confirmed();
    const ref = await published('低保户名单');
    const page = openAs('township-admin', ref);
    await screen.findByText('低保户名单');
    fireEvent.click(attachmentRow());
    expect(attachmentRow().textContent).toBe(`✓ 删除 ${FILE}不删`);
    const reason = '签字表上有完整的身份证号';
    await type(document.body, REASON_HINT, reason);
    fireEvent.click(redactButton());
    await waitFor(() =>
      expect(modal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '删去个人信息',
          content: '所有版本里的身份证号和手机号都会改成打码的形式，并永久删除选中的 1 个附件。原来的内容不能恢复。',
        }),
      ),
    );
    expect((await screen.findByRole('status')).textContent).toBe(`已处理 1 个版本，删除附件：${FILE}。`);
    await waitFor(() => expect(screen.queryByText(new RegExp(`${FILE}$`))).toBeNull());
    page.unmount();

    openAs('township-admin', ref);
    await screen.findByText('低保户名单');
    expect(screen.queryByText('附件里有个人信息的，选中后会永久删除')).toBeNull();
    const seen = await ok('disclosure', 'item', ref, `${V}-villager`);
    expect(seen.latest.redactions).toEqual([expect.objectContaining({ by: '镇管理员 王建华', reason, removedAttachments: [FILE] })]);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
