import { maskedContent, personalPlaces } from '../../cloudfunctions/core/disclosure/rules';
import { findPersonalNumbers, maskPersonalNumbers } from '../../cloudfunctions/core/shared/personal-numbers';

describe('personal numbers in what is published', () => {
  it.each([
    ['371603195501011015', '身份证号', '371603********1015'],
    ['37160319550101101X', '身份证号', '371603********101X'],
    ['37160319550101101x', '身份证号', '371603********101X'],
    ['３７１６０３１９５５０１０１１０１５', '身份证号', '371603********1015'],
    ['371603550101101', '身份证号', '371603******101'],
    ['13805431234', '手机号', '138****1234'],
    ['138 0543 1234', '手机号', '138****1234'],
    ['138-0543-1234', '手机号', '138****1234'],
    ['１３８０５４３１２３４', '手机号', '138****1234'],
  ])('finds %s as a %s and masks it as %s', (number, kind, masked) => {
    const text = `户主杨德福（${number}）领取补贴`;
    expect(findPersonalNumbers(text)).toEqual([{ kind, found: number, masked }]);
    expect(maskPersonalNumbers(text)).toBe(`户主杨德福（${masked}）领取补贴`);
  });

  it.each([
    ['an amount', '合计 1234567.89 元'],
    ['a masked ID', '3716**********1015'],
    ['a bank card of 19 digits', '6222021234567890123'],
    ['a date-like run with a month 13', '371603195513011015'],
    ['a landline', '0543-1234567'],
    ['a time stamp', '202611231000'],
    ['a mobile number inside a longer run', '9913805431234'],
  ])('leaves %s alone', (_what, text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
    expect(maskPersonalNumbers(text)).toBe(text);
  });

  it('names each place in a draft, cells by row and column, and attachment names', () => {
    const draft = {
      title: '补贴发放名单',
      body: [
        { type: 'paragraph' as const, text: '联系人电话 13805431234。' },
        {
          type: 'table' as const,
          columns: ['户主', '身份证号', '金额（元）'],
          rows: [
            ['杨德福', '3716**********1015', '456.10'],
            ['杨秀梅', '37160319620315103X', '778.40'],
          ],
        },
      ],
      attachmentNames: ['签字表-371603195501011015.pdf'],
    };
    expect(personalPlaces(draft)).toEqual([
      { where: '正文第 1 段', kind: '手机号' },
      { where: '第 1 个表格第 2 行“身份证号”列', kind: '身份证号' },
      { where: '附件“签字表-371603********1015.pdf”的文件名', kind: '身份证号' },
    ]);
    const masked = maskedContent(draft);
    expect(masked.body[0]).toEqual({ type: 'paragraph', text: '联系人电话 138****1234。' });
    expect(masked.body[1]).toMatchObject({
      rows: [
        ['杨德福', '3716**********1015', '456.10'],
        ['杨秀梅', '371603********103X', '778.40'],
      ],
    });
    expect(personalPlaces(masked).filter((p) => !p.where.startsWith('附件'))).toEqual([]);
    // The draft handed in is left as it was.
    expect(draft.body[0]).toEqual({ type: 'paragraph', text: '联系人电话 13805431234。' });
  });
});
