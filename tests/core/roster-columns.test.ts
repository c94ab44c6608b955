import {
  columnOf,
  flagOf,
  hukouOf,
  isFooterRow,
  isThisVillage,
  matchHeader,
  missingMessage,
  missingRequired,
  normalizePhone,
  partyFromPolitics,
} from '../../cloudfunctions/core/people/columns';
import { checkRoster } from '../../cloudfunctions/core/people/roster';
import { nameKey } from '../../cloudfunctions/core/people/model';
import type { Sheet } from '../../cloudfunctions/core/sheets/api';
import { withCheck } from '../helpers/people';

describe('roster columns as townships name them', () => {
  it('reads the usual other names of each column', () => {
    for (const h of ['身份证号', '身份证号码', '公民身份号码', '证件号码', ' 身份证号码 ', '*身份证号码', '身份证号码（必填）', '身份证号码：'])
      expect(columnOf(h)).toBe('idNumber');
    for (const h of ['联系电话', '手机号', '手机号码', '联系方式', '电话号码']) expect(columnOf(h)).toBe('phone');
    expect(columnOf('与户主的关系')).toBe('relation');
    expect(columnOf('户籍所在村')).toBe('hukouVillage');
    expect(columnOf('户籍在本村')).toBe('hukouHere');
    expect(columnOf('备注')).toBeNull();
  });

  it('refuses two columns that mean the same thing, naming both', () => {
    const m = matchHeader(['姓名', '手机号', '身份证号', '户号', '与户主关系', '联系电话']);
    expect(m.doubled).toEqual(['第 B 列“手机号”和第 F 列“联系电话”都是联系电话，请删掉一列']);
  });

  it('names a missing column with the names it may go by', () => {
    const m = matchHeader(['姓名', '户号', '与户主关系']);
    expect(missingRequired(m)).toEqual(['idNumber']);
    expect(missingMessage(['idNumber'])).toBe('表头缺少必需的列：身份证号（也可以叫身份证号码、公民身份号码、公民身份证号码）');
  });

  it('tells a signature or total line from a person', () => {
    expect(isFooterRow('制表人：张立新', '')).toBe(true);
    expect(isFooterRow('合计：32 人', '')).toBe(true);
    expect(isFooterRow('制表人', '371603195803120519')).toBe(false);
    expect(isFooterRow('张立新', '')).toBe(false);
  });

  it('reads yes and no as clerks write them, and 政治面貌', () => {
    expect(flagOf('是')).toBe(true);
    expect(flagOf(' √ ')).toBe(true);
    expect(flagOf('')).toBe(false);
    expect(flagOf('否')).toBe(false);
    expect(flagOf('也许')).toBeNull();
    expect(partyFromPolitics('中共党员')).toBe(true);
    expect(partyFromPolitics('中共预备党员')).toBe(true);
    expect(partyFromPolitics('群众')).toBe(false);
    expect(partyFromPolitics('民革党员')).toBe(false);
  });

  it('reads where the 户籍 is: blank and this village are here, another place is elsewhere and kept', () => {
    expect(hukouOf('hukouHere', '', '杨家村')).toEqual({ here: true, place: null });
    expect(hukouOf('hukouHere', '否', '杨家村')).toEqual({ here: false, place: null });
    expect(hukouOf('hukouHere', '豆腐李村', '杨家村')).toBeNull();
    expect(hukouOf('hukouVillage', '杨家村', '杨家村')).toEqual({ here: true, place: null });
    expect(hukouOf('hukouVillage', '黄升镇杨家村', '杨家村')).toEqual({ here: true, place: null });
    expect(hukouOf('hukouVillage', '杨家', '杨家村')).toEqual({ here: true, place: null });
    expect(hukouOf('hukouVillage', '豆腐李村', '杨家村')).toEqual({ here: false, place: '豆腐李村' });
    // A different village whose name ends the same way is not this one.
    expect(isThisVillage('大杨家村', '杨家村')).toBe(false);
  });

  it('reads phone numbers with spaces, full-width digits, +86 and dashes', () => {
    expect(normalizePhone('138 0543 1000')).toBe('13805431000');
    expect(normalizePhone('１３８０５４３１０００')).toBe('13805431000');
    expect(normalizePhone('+86 138-0543-1000')).toBe('13805431000');
    expect(normalizePhone('0543-1234567')).toBe('0543-1234567');
    expect(normalizePhone('')).toBe('');
    expect(normalizePhone('1380543')).toBeNull();
  });

  it('matches a name ignoring spaces and full-width letters, whatever way it is written', () => {
    expect(nameKey('杨 德福')).toBe('杨德福');
    expect(nameKey('买买提　艾力')).toBe('买买提艾力');
    expect(nameKey('ＡＢ 李')).toBe('AB李');
  });
});

describe('a roster as a township keeps it (checkRoster)', () => {
  const id15 = '371603580312051';
  const id18 = withCheck('37160319800101001');
  const sheet: Sheet = {
    header: ['豆腐李村村民花名册'],
    rows: [
      { row: 2, cells: ['填报日期：2026年11月', null] },
      { row: 3, cells: ['序号', '姓名', '性别', '公民身份号码', '户号', '与户主的关系', '手机号码', '户籍所在村'] },
      { row: 4, cells: [1, '李 长顺', '男', id15, 'D1', '户主', '138 0543 1000', ''] },
      {
        row: 5,
        cells: [
          2,
          '王秀英',
          '男',
          ` ${id18.slice(0, 6)} ${id18.slice(6, 14)} ${id18.slice(14).toLowerCase()} `.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
          'D2',
          '户主',
          '',
          '杨家村',
        ],
      },
      { row: 6, cells: [3, null, null, null, null, null, null, null] },
      { row: 7, cells: ['制表人：李玉海', null, null, null] },
    ],
  };

  it('finds the column names below the title rows, upgrades a 15-digit ID and says so, and skips a numbered empty line and the signature line', async () => {
    const r = await checkRoster(sheet, 'doufuli', 'k', { villageName: '豆腐李村' });
    expect(r.errors).toEqual([]);
    expect(r.headerRow).toBe(3);
    expect(r.rows).toBe(2);
    expect(r.columns.map((c) => `${c.header}→${c.as}`)).toEqual([
      '姓名→姓名',
      '性别→性别',
      '公民身份号码→身份证号',
      '户号→户号',
      '与户主的关系→与户主关系',
      '手机号码→联系电话',
      '户籍所在村→户籍所在村',
    ]);
    expect(r.notes).toEqual([
      { row: 4, column: '身份证号', message: expect.stringContaining('15 位的老身份证号，已按国家标准升为 18 位：3716**********') },
      { row: 7, message: '“制表人：李玉海”不是村民，已跳过这一行' },
    ]);
    const [li, wang] = r.people;
    expect(li).toMatchObject({ name: '李 长顺', nameKey: '李长顺', gender: '男', phoneMasked: '138****1000', hukouHere: true, hukouPlace: null });
    expect(li.idMasked).toBe(`3716**********${withCheck('37160319580312051').slice(14)}`);
    expect(wang).toMatchObject({ idMasked: `3716**********${id18.slice(14)}`, hukouHere: false, hukouPlace: '杨家村' });
    expect(r.hasHukou).toBe(true);
  });

  it('leaves 户籍 unset when the file has no such column (an import then keeps what was there)', async () => {
    const r = await checkRoster(
      { header: ['姓名', '身份证号', '户号', '与户主关系'], rows: [{ row: 2, cells: ['李长顺', id18, 'D1', '户主'] }] },
      'doufuli',
      'k',
    );
    expect(r.errors).toEqual([]);
    expect(r.people[0].hukouHere).toBeUndefined();
    expect(r.hasHukou).toBe(false);
  });
});
