import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatFen, formatFenPlain, MAX_FEN } from '../../common/money';
import { isQuarterKey, parseQuarterKey, quarterOfMonth, quarterText, shiftQuarterKey } from '../../common/quarters';

describe('common/money', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [123450, '1,234.50'],
    [100_000, '1,000.00'],
    [99_999, '999.99'],
    [MAX_FEN, '1,000,000,000.00'],
    [-74201940, '-742,019.40'],
  ])('writes %i fen as %s 元', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([
    [0, '0.00'],
    [-5, '-0.05'],
    [128650, '1286.50'],
    [MAX_FEN, '1000000000.00'],
  ])('writes %i fen as %s 元 for a table cell, without separators', (fen, text) => {
    expect(formatFenPlain(fen)).toBe(text);
  });
});

describe('common/quarters', () => {
  it('steps across years both ways', () => {
    expect(shiftQuarterKey('2026Q1', -1)).toBe('2025Q4');
    expect(shiftQuarterKey('2025Q4', 1)).toBe('2026Q1');
    expect(shiftQuarterKey('2026Q3', -8)).toBe('2024Q3');
    expect(shiftQuarterKey('2026Q3', 0)).toBe('2026Q3');
  });

  it('refuses to step a malformed key rather than inventing one', () => {
    expect(() => shiftQuarterKey('2026Q5', 1)).toThrow();
    expect(parseQuarterKey('2026-Q1')).toBeNull();
    expect(isQuarterKey('2026Q0')).toBe(false);
    expect(isQuarterKey(undefined)).toBe(false);
  });

  it('names quarters as the notice board does and leaves other text alone', () => {
    expect(quarterText('2026Q3')).toBe('2026年第三季度');
    expect(quarterText('2027Q1')).toBe('2027年第一季度');
    expect(quarterText('全年')).toBe('全年');
  });

  it.each([
    ['2026-01', '2026Q1'],
    ['2026-03', '2026Q1'],
    ['2026-04', '2026Q2'],
    ['2026-09', '2026Q3'],
    ['2026-10', '2026Q4'],
    ['2026-12', '2026Q4'],
  ])('puts %s in %s', (month, quarter) => {
    expect(quarterOfMonth(month)).toBe(quarter);
  });
});

it('keeps common/ free of dependencies, so the app and the functions can both carry it', () => {
  const dir = resolve(__dirname, '..', '..', 'common');
  const imports = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => `${f}: ${m[1]}`))
    .filter((line) => !/: \.\/[\w-]+$/.test(line));
  expect(imports).toEqual([]);
});
