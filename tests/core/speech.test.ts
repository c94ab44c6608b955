import { formatFen } from '../../common/money';
import { digitByDigit, integerWords, speakable, speakTable, yuanWords } from '../../common/speech';

describe('whole numbers in words', () => {
  it.each([
    ['0', '零'],
    ['7', '七'],
    ['10', '十'],
    ['11', '十一'],
    ['20', '二十'],
    ['110', '一百一十'],
    ['105', '一百零五'],
    ['1000', '一千'],
    ['1005', '一千零五'],
    ['1050', '一千零五十'],
    ['10005', '一万零五'],
    ['10050', '一万零五十'],
    ['12345', '一万二千三百四十五'],
    ['100010', '十万零一十'],
    ['742019', '七十四万二千零一十九'],
    ['1000000', '一百万'],
    ['100000005', '一亿零五'],
    ['130000000', '一亿三千万'],
    ['100030000', '一亿零三万'],
    ['1000000000', '十亿'],
    ['007', '七'],
  ])('reads %s as %s', (digits, words) => {
    expect(integerWords(digits)).toBe(words);
  });

  // The rule (see common/speech.ts): 两 only where a number starts with 2 before 千, 万 or 亿.
  it.each([
    ['2', '二'],
    ['12', '十二'],
    ['22', '二十二'],
    ['200', '二百'],
    ['2000', '两千'],
    ['2500', '两千五百'],
    ['20000', '两万'],
    ['22000', '两万二千'],
    ['12000', '一万二千'],
    ['200000000', '两亿'],
    ['200000', '二十万'],
  ])('says 二 or 两 in %s by one rule: %s', (digits, words) => {
    expect(integerWords(digits)).toBe(words);
  });

  it('reads a year digit by digit with 〇, and other digits with 零', () => {
    expect(digitByDigit('2026', true)).toBe('二〇二六');
    expect(digitByDigit('0543')).toBe('零五四三');
  });
});

describe('amounts', () => {
  it.each([
    ['12,345.60元', '一万二千三百四十五元六角'],
    ['12,345.60 元', '一万二千三百四十五元六角'],
    ['¥12345.6', '一万二千三百四十五元六角'],
    ['￥12,345.60', '一万二千三百四十五元六角'],
    ['1.2万元', '一万二千元'],
    ['3万元', '三万元'],
    ['0.5 万元', '五千元'],
    ['1.23456万元', '一万二千三百四十五元六角'],
    ['1000元', '一千元'],
    ['10元', '十元'],
    ['2元', '二元'],
    ['20000元', '两万元'],
    ['10005元', '一万零五元'],
    ['12.05元', '十二元零五分'],
    ['100.5元', '一百元五角'],
    ['0.05 元', '五分'],
    ['0.50 元', '五角'],
    ['0.00 元', '零元'],
    ['-5.00 元', '负五元'],
    ['1,000,000,000.00 元', '十亿元'],
  ])('reads %s as %s', (text, words) => {
    expect(speakable(text)).toBe(words);
  });

  it.each([
    [0, '零元'],
    [5, '五分'],
    [-5, '负五分'],
    [123450, '一千二百三十四元五角'],
    [1234560, '一万二千三百四十五元六角'],
    [100_000, '一千元'],
    [99_999, '九百九十九元九角九分'],
    [-74201940, '负七十四万二千零一十九元四角'],
  ])('reads %i fen, written as the app writes money, in words', (fen, words) => {
    expect(speakable(`${formatFen(fen)} 元`)).toBe(words);
    expect(yuanWords(formatFen(fen))).toBe(words);
  });

  it('keeps a third decimal place rather than rounding money away', () => {
    expect(speakable('12.345元')).toBe('十二点三四五元');
  });
});

describe('dates and times', () => {
  it.each([
    ['2026-10-07', '二〇二六年十月七日'],
    ['2026/10/07', '二〇二六年十月七日'],
    ['2026年10月7日', '二〇二六年十月七日'],
    ['2026 年 10 月 7 日', '二〇二六年十月七日'],
    ['2030年1月20号', '二〇三〇年一月二十日'],
    ['10月7日', '十月七日'],
    ['12月31日', '十二月三十一日'],
    ['2026年10月', '二〇二六年十月'],
    ['2026-10', '二〇二六年十月'],
    ['2026年', '二〇二六年'],
    ['2026年第三季度', '二〇二六年第三季度'],
    ['2026Q3', '二〇二六年第三季度'],
    ['2026-11-23 10:05', '二〇二六年十一月二十三日十点零五分'],
    ['08:30', '八点三十分'],
    ['14:00', '十四点'],
  ])('reads %s as %s', (text, words) => {
    expect(speakable(text)).toBe(words);
  });
});

describe('percentages and plain numbers', () => {
  it.each([
    ['12.5%', '百分之十二点五'],
    ['12.5％', '百分之十二点五'],
    ['100%', '百分之一百'],
    ['-3%', '负百分之三'],
    ['0.5%', '百分之零点五'],
    ['比去年多 12.5%', '比去年多百分之十二点五'],
  ])('reads %s as %s', (text, words) => {
    expect(speakable(text)).toBe(words);
  });

  it.each([
    ['共123户', '共一百二十三户'],
    ['每户3.5亩', '每户三点五亩'],
    ['第 3 版', '第三版'],
    ['0.05', '零点零五'],
    ['1,234 人', '一千二百三十四人'],
    ['零下-5度', '零下负五度'],
  ])('reads the number in %s as a number: %s', (text, words) => {
    expect(speakable(text)).toBe(words);
  });

  it.each([
    ['凭证 A0123', '凭证 A零一二三'],
    ['编号 0012', '编号零零一二'],
    ['账号 621700123456', '账号六二一七零零一二三四五六'],
  ])('reads a code digit by digit: %s', (text, words) => {
    expect(speakable(text)).toBe(words);
  });
});

describe('personal numbers', () => {
  it.each([
    '371603********1138',
    '3716**********1138',
    '3703**********123X',
    '370302*******12', // a 15-digit card, masked
  ])('never reads the masked ID %s', (id) => {
    expect(speakable(id)).toBe('身份证号已隐藏');
  });

  it.each(['370302199001011234', '37030219900101123X', '370302900101123'])('never reads a whole ID number %s either', (id) => {
    const said = speakable(`身份证号：${id}`);
    expect(said).toBe('身份证号：身份证号已隐藏');
    expect(said).not.toMatch(/[一二三四五六七八九零〇]{4}/);
  });

  it('never reads a masked phone number', () => {
    expect(speakable('138****5678')).toBe('手机号已隐藏');
    expect(speakable('联系人 张三 138****5678')).toBe('联系人张三手机号已隐藏');
  });

  it.each([
    ['监督电话：138 1234 5678', '监督电话：一三八，一二三四，五六七八'],
    ['监督电话：13812345678', '监督电话：一三八，一二三四，五六七八'],
    ['监督电话：138-1234-5678', '监督电话：一三八，一二三四，五六七八'],
    ['镇纪委电话 0543-1234567', '镇纪委电话零五四三，一二三四五六七'],
    ['也可以拨打12345反映', '也可以拨打一二三四五反映'],
    ['热线：12345', '热线：一二三四五'],
  ])('reads a number to call in its groups: %s', (text, words) => {
    expect(speakable(text)).toBe(words);
  });
});

describe('mixed text', () => {
  it('reads a disclosure paragraph as it should be heard', () => {
    const paragraph =
      '2026年第三季度，村集体收入 128,650.00 元，支出 74,201.40 元，比去年同期增长 12.5%。' +
      '道路硬化工程于2026-09-15完工，投资1.2万元。对公开内容有疑问，请拨打监督电话 138 1234 5678。';
    expect(speakable(paragraph)).toBe(
      '二〇二六年第三季度，村集体收入十二万八千六百五十元，支出七万四千二百零一元四角，比去年同期增长百分之十二点五。' +
        '道路硬化工程于二〇二六年九月十五日完工，投资一万二千元。对公开内容有疑问，请拨打监督电话一三八，一二三四，五六七八。',
    );
  });

  it('reads a ledger row summary, dropping the marks that only guide the eye', () => {
    expect(speakable('2026-10-07 支出 2,000.00 元 · 办公费 · 购买打印纸 ›')).toBe('二〇二六年十月七日支出两千元，办公费，购买打印纸');
    expect(speakable('⚠ 这段时间的账对不上')).toBe('注意：这段时间的账对不上');
  });

  it('leaves no Arabic digit behind in text full of numbers', () => {
    const said = speakable('2026年10月7日 收入 1,234.50 元，12.5%，张三 3703**********1234，电话 0543-1234567，编号 A12B3，共 3 户。');
    expect(said).not.toMatch(/\d/);
    expect(said).toContain('身份证号已隐藏');
  });
});

describe('tables', () => {
  it('reads a table row by row, each value with its column name', () => {
    expect(speakTable(['姓名', '金额'], [['张三', '1000元']])).toBe('第一行：姓名，张三；金额，一千元。');
  });

  it('reads a 元 column as money and names it without the unit', () => {
    const headers = ['户主', '身份证号', '补贴金额（元）', '发放日期'];
    const rows = [
      ['张三', '3703**********1234', '1200.00', '2026-10-07'],
      ['李四', '371603********1138', '850.5', '2026-10-08'],
    ];
    expect(speakTable(headers, rows)).toBe(
      '第一行：户主，张三；身份证号，身份证号已隐藏；补贴金额，一千二百元；发放日期，二〇二六年十月七日。' +
        '第二行：户主，李四；身份证号，身份证号已隐藏；补贴金额，八百五十元五角；发放日期，二〇二六年十月八日。',
    );
  });

  it('skips empty cells and numbers rows past ten in words', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`户${i + 1}`, i === 11 ? '' : '5']);
    const said = speakTable(['户', '人数'], rows);
    expect(said).toContain('第十一行：户，户十一；人数，五。');
    expect(said.endsWith('第十二行：户，户十二。')).toBe(true);
  });

  it('reads a 万元 column in 元', () => {
    expect(speakTable(['项目', '投资(万元)'], [['修路', '1.2']])).toBe('第一行：项目，修路；投资，一万二千元。');
  });
});
