import {
  adultOn,
  checkCharacter,
  hashIdNumber,
  isAdult,
  maskIdNumber,
  parseIdNumber,
} from '../../cloudfunctions/core/people/idcard';

/** Builds a valid ID from its first 17 digits, as the issuing office would. */
export function withCheck(first17: string): string {
  return first17 + checkCharacter(first17);
}

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard example 11010519491231002X', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ normalized: '11010519491231002X', birthDate: '1949-12-31', gender: '女' });
  });

  it('accepts a lower-case x and stray spaces', () => {
    expect(parseIdNumber(' 11010519491231002x ')).toMatchObject({ normalized: '11010519491231002X' });
  });

  it('reads the gender from the sequence digit', () => {
    expect(parseIdNumber(withCheck('37162419800101001'))).toMatchObject({ gender: '男', birthDate: '1980-01-01' });
  });

  it('refuses a wrong check character', () => {
    expect(parseIdNumber('110105194912310021')).toBe('checkDigit');
  });

  it('refuses a birth date that does not exist', () => {
    expect(parseIdNumber(withCheck('37162419810229001'))).toBe('birthDate');
    expect(parseIdNumber(withCheck('37162419801301001'))).toBe('birthDate');
  });

  it('refuses anything that is not 18 characters of digits and a final X', () => {
    for (const bad of ['', '1234', '37162419800101001X1', 'ABCDEFGHIJKLMNOPQR', '3716241980010100X1']) {
      expect(parseIdNumber(bad)).toBe('format');
    }
  });

  it('masks all but the first four and last four characters', () => {
    expect(maskIdNumber('370321199001011234')).toBe('3703**********1234');
  });

  it('hashes with a key: the same ID gives a different hash under another key', () => {
    const id = withCheck('37162419800101001');
    expect(hashIdNumber('k1', id)).toBe(hashIdNumber('k1', id));
    expect(hashIdNumber('k1', id)).not.toBe(hashIdNumber('k2', id));
    expect(hashIdNumber('k1', id)).not.toContain(id);
  });

  it('counts adulthood from the 18th birthday', () => {
    expect(adultOn('2008-11-23')).toBe('2026-11-23');
    expect(isAdult('2008-11-23', '2026-11-23')).toBe(true);
    expect(isAdult('2008-11-24', '2026-11-23')).toBe(false);
    expect(adultOn('2008-02-29')).toBe('2026-03-01');
  });
});
