import { isNameColumn, nameColumnsOf } from '../../cloudfunctions/core/disclosure/rules';

describe('which table columns hold people’s names (查找我的名字 looks only there)', () => {
  it('takes 姓名, 户主 and a person by their part as names', () => {
    for (const h of ['姓名', '户主', '户主姓名', '承包人', '承租人', '申请人', '救助对象', '家庭成员', '户主（签字）', ' 姓 名 '])
      expect([h, isNameColumn(h)]).toEqual([h, true]);
  });

  it('does not take months, amounts, things or head counts as names', () => {
    for (const h of ['月份', '收入（元）', '支出（元）', '项目', '工程名称', '资产名称', '施工单位', '参加人数', '保障人数', '职务', '身份证号'])
      expect([h, isNameColumn(h)]).toEqual([h, false]);
  });

  it('gives each block its name columns: none for 月度收支明细 or a paragraph', () => {
    expect(
      nameColumnsOf([
        { type: 'paragraph', text: '本季度发放补贴如下。' },
        { type: 'table', columns: ['月份', '收入（元）', '支出（元）'], rows: [['7月', '1.00', '2.00']] },
        { type: 'table', columns: ['户主', '身份证号', '面积（亩）', '金额（元）'], rows: [] },
        { type: 'table', columns: ['资产', '承租人', '期限'], rows: [] },
      ]),
    ).toEqual([[], [], [0], [1]]);
  });
});
