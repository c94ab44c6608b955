/** @jest-environment jsdom */
import { Current } from '@tarojs/runtime';
import { render, screen, waitFor, within } from '@testing-library/react';
import TicketsPage from '../../src/pages/tickets';
import { overLimit } from '../../src/components/Limited';
import { setDevPersona } from '../../src/services/dev-persona';
import { pagesOnTestHost } from './fetch-to-host';
import { box, type } from './inputs';

pagesOnTestHost();
const WRITE_HERE = '请写清楚是什么事、在哪里、什么时候';

function openReport() {
  setDevPersona('yangjia-villager');
  (Current as { router: unknown }).router = { params: { villageId: 'yangjia', tab: 'new' }, path: '/pages/tickets/index' };
  render(<TicketsPage />);
  return screen.findByLabelText('反映问题');
}

describe('text fields never cut what was written without a word', () => {
  it('refuses a pasted 5,000 characters whole, saying how many too many, and keeps what was there', async () => {
    const form = await openReport();
    await type(form, WRITE_HERE, '村口的路灯坏了。');
    await type(form, WRITE_HERE, `村口的路灯坏了。${'很'.repeat(4992)}`);
    const note = await within(form).findByRole('alert');
    expect(note.textContent).toBe('最多 500 字。刚才的内容有 4992 字，放进来会超出 4500 字，所以没有放进来，请精简后再输入。');
    expect(((await box(form, WRITE_HERE)) as HTMLTextAreaElement).value).toBe('村口的路灯坏了。');
    // The native box no longer cuts at its own limit: the whole paste reached the check.
    expect((await box(form, WRITE_HERE)).getAttribute('maxlength')).not.toBe('500');
  });

  it('counts as the limit comes near, and says when it is full', async () => {
    const form = await openReport();
    await type(form, WRITE_HERE, '路'.repeat(399));
    expect(within(form).queryByLabelText(/已写 \d+ 字/)).toBeNull();
    await type(form, WRITE_HERE, '路'.repeat(400));
    expect(within(form).getByLabelText('已写 400 字，最多 500 字').textContent).toBe('400 / 500');
    await type(form, WRITE_HERE, '路'.repeat(500));
    await type(form, WRITE_HERE, '路'.repeat(501));
    expect(within(form).getByRole('alert').textContent).toBe('最多 500 字，已经写满了。');
    expect(within(form).getByLabelText('已写 500 字，最多 500 字')).toBeTruthy();
    // Taking some out clears the note.
    await type(form, WRITE_HERE, '路'.repeat(450));
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
  });

  it('says nothing while the text fits, a keystroke at the limit is refused, a paste refused whole', () => {
    expect(overLimit('abc', 'ab', 3)).toBeNull();
    expect(overLimit('abcd', 'abc', 3)).toBe('最多 3 字，已经写满了。');
    expect(overLimit('abcdef', 'a', 3)).toContain('刚才的内容有 5 字，放进来会超出 3 字');
  });
});
