/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Listen from '../../src/components/Listen';
import { pieces } from '../../src/services/speech';

/** jsdom has no speech synthesis: a recorder in its place, as a browser with no voices would be driven. */
class Utterance {
  lang = '';
  rate = 1;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public text: string) {}
}

let spoken: Utterance[] = [];
const synth = { speak: jest.fn((u: Utterance) => spoken.push(u)), cancel: jest.fn() };

beforeAll(() => {
  Object.assign(window, { speechSynthesis: synth, SpeechSynthesisUtterance: Utterance });
  Object.assign(globalThis, { SpeechSynthesisUtterance: Utterance });
});

beforeEach(() => {
  spoken = [];
  synth.speak.mockClear();
  synth.cancel.mockClear();
});

const tap = (text: string) => fireEvent.click(screen.getByText(text));

it('reads the normalised text in Chinese, stops on a second tap, and turns back when the reading ends', () => {
  render(<Listen read={() => '收入 12,345.60 元，张三 3703**********1234'} what="这一条" />);
  tap('听');
  expect(spoken.map((u) => [u.text, u.lang])).toEqual([['收入一万二千三百四十五元六角，张三身份证号已隐藏', 'zh-CN']]);
  expect(screen.getByLabelText('停止朗读这一条')).toBeTruthy();
  tap('停');
  expect(synth.cancel).toHaveBeenCalled();
  expect(screen.getByText('听')).toBeTruthy();

  tap('听');
  act(() => spoken[spoken.length - 1].onend?.());
  expect(screen.getByText('听')).toBeTruthy();
});

it('lets only one button speak at a time: starting another stops the first', () => {
  render(
    <>
      <Listen read={() => '第一条'} what="一" />
      <Listen read={() => '第二条'} what="二" />
    </>,
  );
  fireEvent.click(screen.getAllByText('听')[0]);
  fireEvent.click(screen.getAllByText('听')[0]);
  // The first is back to 听, the second is reading.
  expect(screen.getByLabelText('朗读一')).toBeTruthy();
  expect(screen.getByLabelText('停止朗读二')).toBeTruthy();
  expect(spoken.map((u) => u.text)).toEqual(['第一条', '第二条']);
});

it('cuts long text after a sentence, never past the limit, and loses nothing', () => {
  const text = '这是一句话，有逗号。'.repeat(40);
  const parts = pieces(text, 100);
  expect(parts.every((p) => p.length <= 100)).toBe(true);
  expect(parts.every((p) => p.endsWith('。'))).toBe(true);
  expect(parts.join('')).toBe(text);
  expect(pieces('没有标点'.repeat(60), 100).join('')).toBe('没有标点'.repeat(60));
});
