import { CATEGORIES, DEFAULT_CATALOG, defaultCatalogFor } from '../../cloudfunctions/core/disclosure/catalog';
import { CODE_PATTERN } from '../../cloudfunctions/core/village/rules';
import { hotlineText, maskPhone } from '../../cloudfunctions/core/shared/personal-numbers';

describe('hotlineText (the 监督电话 printed on paper)', () => {
  it('prints a mobile number whole, grouped 3-4-4 for reading', () => {
    expect(hotlineText('13905437216')).toBe('139 0543 7216');
    expect(hotlineText(' 139-0543-7216 ')).toBe('139 0543 7216');
  });

  it('prints an office line as registered, and nothing when none is', () => {
    expect(hotlineText('0543-3312345')).toBe('0543-3312345');
    expect(hotlineText(null)).toBeNull();
    expect(hotlineText('  ')).toBeNull();
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13905437216')).toBe('139****7216');
  });

  it('keeps only the last four digits of other numbers', () => {
    expect(maskPhone('0543-3312345')).toBe('*******2345');
  });

  it('has nothing to show for no number', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});

describe('village codes', () => {
  it('fit a mini-program scene: at most 32 plain characters', () => {
    expect(CODE_PATTERN.test('hs-yangjia')).toBe(true);
    expect(CODE_PATTERN.test('a'.repeat(32))).toBe(true);
    expect(CODE_PATTERN.test('a'.repeat(33))).toBe(false);
    expect(CODE_PATTERN.test('杨家村')).toBe(false);
    expect(CODE_PATTERN.test('a b')).toBe(false);
  });
});

describe('default catalog', () => {
  it('has 24 required items, four in each of the six categories', () => {
    expect(CATEGORIES).toEqual(['党务', '村务', '财务', '资金', '资产', '资源']);
    for (const c of CATEGORIES) expect(DEFAULT_CATALOG[c]).toHaveLength(4);
    const items = defaultCatalogFor('t1');
    expect(items).toHaveLength(24);
    expect(new Set(items.map((i) => i._id)).size).toBe(24);
  });

  it('keeps the familiar order when sorted by position', () => {
    const items = defaultCatalogFor('t1');
    const sorted = [...items].sort((a, b) => a.order - b.order);
    expect(sorted[0].title).toBe('党组织设置与班子分工');
    expect(sorted[23].title).toBe('资源收益分配');
  });
});
