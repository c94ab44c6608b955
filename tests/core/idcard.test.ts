import { adultOn, hashIdNumber, idProblemMessage, isAdult, maskIdNumber, parseIdNumber, upgrade15 } from '../../cloudfunctions/core/people/idcard';
import { withCheck } from '../helpers/people';

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

  it('upgrades a 15-digit number by the standard rule: 19 before the birth year, then the check character', () => {
    // GB 11643's own example, in its old and new forms.
    expect(upgrade15('110105491231002')).toBe('11010519491231002X');
    expect(parseIdNumber('110105491231002')).toEqual({ normalized: '11010519491231002X', birthDate: '1949-12-31', gender: '女', converted15: true });
    expect(parseIdNumber('371603580312051')).toMatchObject({ normalized: withCheck('37160319580312051'), gender: '男', converted15: true });
  });

  it('checks the birth date of a 15-digit number too', () => {
    expect(parseIdNumber('371603581312051')).toBe('birthDate');
    expect(parseIdNumber('371603580230051')).toBe('birthDate');
  });

  it('reads full-width digits and letters, spaces anywhere and zero-width characters as written', () => {
    expect(parseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toMatchObject({ normalized: '11010519491231002X' });
    expect(parseIdNumber('110105 19491231 002x')).toMatchObject({ normalized: '11010519491231002X' });
    expect(parseIdNumber('1101\u30000519\u200b4912 3100 2X')).toMatchObject({ normalized: '11010519491231002X' });
    expect(parseIdNumber('１１０１０５ ４９１２３１ ００２')).toMatchObject({ normalized: '11010519491231002X', converted15: true });
    // An 18-character full-width number is not refused as "not 18".
    expect(parseIdNumber('３７１６０３１９５８０３１２０５１'.slice(0, 17) + withCheck('37160319580312051')[17])).toMatchObject({
      normalized: withCheck('37160319580312051'),
    });
  });

  it('says how many digits it found when the length is wrong', () => {
    expect(idProblemMessage('format', '3716031958031205')).toContain('有 16 位');
    expect(idProblemMessage('format', '3716 0319 5803 1205 11 9')).toContain('有 19 位');
    expect(idProblemMessage('format', '张三')).toContain('老身份证也可以写 15 位');
    expect(idProblemMessage('checkDigit', '110105194912310021')).toContain('校验位');
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
