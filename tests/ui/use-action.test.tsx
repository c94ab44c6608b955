/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAction } from '../../src/hooks/useAction';
import { ApiCallError } from '../../src/services/transport';

afterEach(() => jest.restoreAllMocks());

/** A card with one button whose write the test answers by hand, as the network would. */
function Card({ call, toast = false }: { call: () => Promise<string>; toast?: boolean }) {
  const save = useAction();
  return (
    <div>
      <button type="button" disabled={save.busy} onClick={() => save.run(call, { done: '已保存', failed: '没有保存成功，请稍后再试。', toast })}>
        {save.busy ? '正在保存' : '保存'}
      </button>
      {save.error && <p role="alert">{save.error}</p>}
    </div>
  );
}

function deferred() {
  let settle!: { resolve: (v: string) => void; reject: (e: unknown) => void };
  const promise = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

it('sends one write for two quick taps, shows it busy, then says it is done', async () => {
  const toast = jest.spyOn(Taro, 'showToast');
  const pending = deferred();
  const call = jest.fn(() => pending.promise);
  render(<Card call={call} />);
  // Both taps land before React re-renders the disabled button.
  const button = screen.getByText('保存');
  act(() => {
    fireEvent.click(button);
    fireEvent.click(button);
  });
  expect(call).toHaveBeenCalledTimes(1);
  expect(screen.getByText('正在保存')).toBeTruthy();
  await act(async () => pending.resolve('ok'));
  expect(screen.getByText('保存')).toBeTruthy();
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
});

it('keeps the server’s refusal on the card in its words, and clears it on the next try', async () => {
  const first = deferred();
  const second = deferred();
  const call = jest.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
  render(<Card call={call} />);
  fireEvent.click(screen.getByText('保存'));
  await act(async () => first.reject(new ApiCallError('FAILED_PRECONDITION', '本月已经结账，不能再记。')));
  expect(screen.getByRole('alert').textContent).toBe('本月已经结账，不能再记。');
  fireEvent.click(screen.getByText('保存'));
  expect(screen.queryByRole('alert')).toBeNull();
  await act(async () => second.resolve('ok'));
  expect(screen.queryByRole('alert')).toBeNull();
});

it('says the page’s own words when the call never got an answer, as a toast when asked to', async () => {
  const toast = jest.spyOn(Taro, 'showToast');
  const pending = deferred();
  render(<Card call={() => pending.promise} toast />);
  fireEvent.click(screen.getByText('保存'));
  await act(async () => pending.reject(new TypeError('Failed to fetch')));
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有保存成功，请稍后再试。' }));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.getByText('保存')).toBeTruthy();
});

/** A write whose done toast is made from its answer; the page leaves once the toast is up. */
function Answered({ call, onLeave }: { call: () => Promise<string>; onLeave: (word: string) => void }) {
  const save = useAction();
  return (
    <div>
      <button
        type="button"
        onClick={() =>
          save.run(call, {
            done: (word) => (word === 'quiet' ? null : word === 'short' ? { title: '已公开', icon: 'success' } : `已记 ${word} 笔`),
            onDone: (word, toasted) => void toasted.then(() => onLeave(word)),
          })
        }
      >
        保存
      </button>
      <button type="button" onClick={() => save.refuse('请填写标题。')}>
        检查
      </button>
      {save.error && <p role="alert">{save.error}</p>}
    </div>
  );
}

it('makes the done toast from the answer, as given when the page says how, or none at all', async () => {
  const toast = jest.spyOn(Taro, 'showToast');
  const left = jest.fn();
  const call = jest.fn().mockResolvedValueOnce('3').mockResolvedValueOnce('short').mockResolvedValueOnce('quiet');
  render(<Answered call={call} onLeave={left} />);
  await act(async () => fireEvent.click(screen.getByText('保存')));
  expect(toast).toHaveBeenLastCalledWith({ title: '已记 3 笔', icon: 'none', duration: 2000 });
  await act(async () => fireEvent.click(screen.getByText('保存')));
  // The success icon with the platform's own time: nothing added to what the page said.
  expect(toast).toHaveBeenLastCalledWith({ title: '已公开', icon: 'success' });
  await act(async () => fireEvent.click(screen.getByText('保存')));
  expect(toast).toHaveBeenCalledTimes(2);
  // Each page left only once its toast (or none) was dealt with.
  await waitFor(() => expect(left.mock.calls).toEqual([['3'], ['short'], ['quiet']]));
});

it('says a refusal found before sending on the card and in a toast', () => {
  const toast = jest.spyOn(Taro, 'showToast');
  render(<Answered call={jest.fn()} onLeave={jest.fn()} />);
  fireEvent.click(screen.getByText('检查'));
  expect(screen.getByRole('alert').textContent).toBe('请填写标题。');
  expect(toast).toHaveBeenCalledWith({ title: '请填写标题。', icon: 'none', duration: 3000 });
});
