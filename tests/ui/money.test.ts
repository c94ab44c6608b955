import { formatFen, parseYuan } from '../../src/services/money';

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

describe('reading money a cadre typed', () => {
  it.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['1,234.50', 123450],
    ['1234.5', 123450],
    ['0.07', 7],
    ['0', 0],
    [' 1 234.5 元', 123450],
    ['１２３４．５', 123450],
    ['1,000,000,000', 100_000_000_000],
  ])('reads %j as %i fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen });
  });

  it('is exact where floating point is not: 1.15 元 and 4.35 元', () => {
    // 1.15 * 100 = 114.99999999999999 and 4.35 * 100 = 434.99999999999994 in floating point.
    expect(parseYuan('1.15')).toEqual({ ok: true, fen: 115 });
    expect(parseYuan('4.35')).toEqual({ ok: true, fen: 435 });
  });

  it.each([
    ['12.345', '小数点后两位'],
    ['-1', '负数'],
    ['abc', '只能填数字'],
    ['', '请填写金额'],
    ['12,34', '逗号位置不对'],
    ['1.2.3', '只能填数字'],
    ['1000000000.01', '10 亿元'],
    ['99999999999', '10 亿元'],
  ])('rejects %j with a message saying why', (text, why) => {
    const r = parseYuan(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});
