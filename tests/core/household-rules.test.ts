import { cellKindOf, idAgreement, idColumnsOf, matchRow, namesIn, type Member } from '../../cloudfunctions/core/household/rules';

const defu: Member = { personId: 'yangjia:a', name: '杨德福', idMasked: '3716**********1015' };
const xiaohong: Member = { personId: 'yangjia:b', name: '杨小红', idMasked: '3716**********1026' };
const household = [defu, xiaohong];
const one = new Map([
  ['杨德福', 1],
  ['杨小红', 1],
]);
const twoDefu = new Map([
  ['杨德福', 2],
  ['杨小红', 1],
]);

describe('我家: finding a household in a published list', () => {
  it('agrees an ID number masked either way with the roster’s, read from the right when shorter', () => {
    expect(idAgreement('3716**********1015', defu.idMasked)).toBe('same');
    expect(idAgreement('371603********1015', defu.idMasked)).toBe('same');
    expect(idAgreement('＊＊＊＊1015', defu.idMasked)).toBe('same');
    expect(idAgreement('371603********1137', defu.idMasked)).toBe('differs');
    expect(idAgreement('3715**********1015', defu.idMasked)).toBe('differs');
    expect(idAgreement('******************', defu.idMasked)).toBe('unknown');
    expect(idAgreement('见附件', defu.idMasked)).toBe('unknown');
  });

  it('matches a row by name, and by the masked ID number where the table gives one', () => {
    const columns = ['户主', '身份证号', '面积（亩）', '金额（元）'];
    expect(matchRow(columns, ['杨德福', '3716**********1015', '3.2', '456.10'], household, twoDefu)).toEqual({ members: [defu], certain: true });
    expect(matchRow(columns, ['杨 德福', '371603********1015', '3.2', '456.10'], household, twoDefu)).toEqual({ members: [defu], certain: true });
  });

  it('never takes a same-name person of another household whose masked ID differs', () => {
    const columns = ['户主', '身份证号', '金额（元）'];
    expect(matchRow(columns, ['杨德福', '3716**********1177', '300.00'], household, twoDefu)).toBeNull();
  });

  it('matches by name alone where there is no ID number, certain only when the name is the village’s only one', () => {
    const columns = ['姓名', '补贴标准', '发放日期'];
    expect(matchRow(columns, ['杨德福', '120.00', '2026-08-15'], household, one)).toEqual({ members: [defu], certain: true });
    expect(matchRow(columns, ['杨德福', '120.00', '2026-08-15'], household, twoDefu)).toEqual({ members: [defu], certain: false });
    expect(matchRow(columns, ['杨秀梅', '120.00', '2026-08-15'], household, one)).toBeNull();
  });

  it('finds several members in one cell, and never looks outside the name columns', () => {
    expect(namesIn('杨德福、杨小红')).toEqual(['杨德福', '杨小红']);
    expect(matchRow(['户主', '家庭成员', '保障金（元）'], ['杨秀梅', '杨德福、杨小红', '500.00'], household, one)).toEqual({
      members: [defu, xiaohong],
      certain: true,
    });
    expect(matchRow(['工程名称', '施工单位', '金额（元）'], ['杨德福家门前道路', '杨小红建筑队', '9.00'], household, one)).toBeNull();
  });

  it('pairs each ID column with the name column before it', () => {
    expect([...idColumnsOf(['户主', '身份证号', '金额（元）'])]).toEqual([[0, 1]]);
    expect([...idColumnsOf(['身份证号', '姓名', '金额'])]).toEqual([[1, 0]]);
    expect([...idColumnsOf(['承包人', '身份证号', '代领人', '身份证号码'])]).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('says what each column holds, so amounts and dates can be shown large', () => {
    expect(['户主', '身份证号', '金额（元）', '补贴标准', '发放日期', '面积（亩）'].map(cellKindOf)).toEqual([
      'name',
      'id',
      'amount',
      'amount',
      'date',
      'other',
    ]);
  });
});
