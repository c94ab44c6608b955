import { formatFen } from '../../src/services/money';

describe('showing money', () => {
  it('formats integer fen as 元 with thousands separators and exactly two decimals', () => {
    expect(formatFen(123450)).toBe('1,234.50');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(100000000)).toBe('1,000,000.00');
    expect(formatFen(-2550)).toBe('-25.50');
  });

  it('adds 0.1 元 and 0.2 元 to exactly 0.30 元, because it never sees a float', () => {
    expect(formatFen(10 + 20)).toBe('0.30');
  });
});
