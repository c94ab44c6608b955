import Taro from '@tarojs/taro';

const answer = (confirm: boolean) => Promise.resolve({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });

/** Answers every question the page asks with Taro's showModal: 确定 (`confirm`) or 取消. The spy, to see what was asked. */
export function answerModal(confirm = true) {
  return jest.spyOn(Taro, 'showModal').mockImplementation(() => answer(confirm) as never);
}

/**
 * For each test of the file: the questions with these titles are answered 确定; any other goes to
 * Taro's own dialog, which the test answers by tapping, as a person would.
 */
export function answerYesTo(...titles: string[]): void {
  const realModal = Taro.showModal;
  beforeEach(() => {
    jest.spyOn(Taro, 'showModal').mockImplementation(((o: Taro.showModal.Option) => (titles.includes(o.title ?? '') ? answer(true) : realModal(o))) as never);
  });
  afterEach(() => jest.restoreAllMocks());
}
