import { C } from '../../cloudfunctions/core/collections';
import { checkCharacter, maskIdNumber, upgrade15 } from '../../cloudfunctions/core/people/idcard';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import type { RosterPreview } from '../../types/roster';
import { functionsHost } from '../helpers/host';
import { fullWidth, titledXlsxBase64, type RosterRow } from '../helpers/roster-file';

/**
 * A roster as a township keeps it goes in as it is: title rows, other names for the columns, a
 * 序号 column, full-width digits, spaces inside IDs and phone numbers, a lower-case x, 15-digit
 * IDs, names written with a space, a signature line. And the people on it verify with their ID
 * written any of those ways.
 */
const host = functionsHost();

const v = 'dajiang';
const HEADER = ['序号', '姓名', '性别', '公民身份号码', '户号', '与户主的关系', '组别', '手机号码', '是否党员', '村民代表', '低保户', '现役军人', '户籍所在村'];
const demo = demoRosterSheet(DEMO_VILLAGES[2], 2).rows.map((r) => [...r.cells]);

/** The first ID after `first17` (counting up the sequence) whose check character is X. */
function idEndingInX(first14: string): string {
  for (let seq = 0; seq < 1000; seq += 1) {
    const first17 = `${first14}${String(seq).padStart(3, '0')}`;
    if (checkCharacter(first17) === 'X' && Number(first17[16]) % 2 === 0) return `${first17}X`;
  }
  throw new Error('no such ID');
}
const OLD_MAN = '371603580312051'; // 15 digits: born 1958-03-12, a man
const OLD_WIFE = '371603600415062'; // 15 digits: born 1960-04-15, a woman
const XIAOHUA = idEndingInX('37160319900507');

/** The village's 32 as the township's file writes them, plus three newcomers. */
function rows(): RosterRow[] {
  const people: RosterRow[] = demo.map((c, n) => {
    const id = String(c[2]);
    const written = n === 0 ? fullWidth(`${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`) : n === 1 ? `${id.slice(0, 9)} ${id.slice(9)}` : id;
    const phone =
      c[6] === null
        ? ''
        : n === 0
          ? `${String(c[6]).slice(0, 3)} ${String(c[6]).slice(3, 7)} ${String(c[6]).slice(7)}`
          : n === 5
            ? `+86 ${String(c[6]).slice(0, 3)}-${String(c[6]).slice(3, 7)}-${String(c[6]).slice(7)}`
            : String(c[6]);
    // Row 4's name written with a space between surname and given name.
    const name = n === 4 ? `${String(c[0]).slice(0, 1)} ${String(c[0]).slice(1)}` : c[0];
    return [n + 1, name, c[1], written, c[3], c[4], c[5], phone, c[7], c[8], c[9], c[10], ''];
  });
  return [
    ...people,
    [33, '姜老汉', '男', OLD_MAN, 'Y201', '户主', '第1组', '139 0543 2001', '否', '否', '否', '否', '大姜村'],
    [34, '刘桂兰', '女', fullWidth(OLD_WIFE), 'Y201', '配偶', '第1组', '', '否', '否', '否', '否', '黄升镇大姜村'],
    [
      35,
      '姜小花',
      '女',
      `${XIAOHUA.slice(0, 6)} ${XIAOHUA.slice(6, 14)} ${XIAOHUA.slice(14).toLowerCase()}`,
      'Y202',
      '户主',
      '第2组',
      '１３９０５４３２００２',
      '否',
      '否',
      '否',
      '否',
      '',
    ],
  ];
}

const file = () =>
  titledXlsxBase64(['大姜村村民花名册', '填报单位：大姜村村民委员会      填报日期：2026年11月'], HEADER, rows(), [
    '制表人：姜立军        审核人：姜春生',
    '合计：35 人',
  ]);

describe('a roster with every quirk a township file has (大姜村)', () => {
  let fileBase64: string;
  let preview: RosterPreview;

  it('is read as written: the header found below the title, every column recognised, nothing to fix', async () => {
    fileBase64 = await file();
    preview = (await host.send('roster', 'previewImport', { villageId: v, fileName: '大姜村花名册（镇里下发格式）.xlsx', fileBase64 }, 'dajiang-secretary'))
      .body.data;
    expect(preview.errors).toEqual([]);
    expect(preview.headerRow).toBe(3);
    expect(preview.total).toBe(35);
    expect(preview.columns).toEqual([
      { header: '姓名', as: '姓名' },
      { header: '性别', as: '性别' },
      { header: '公民身份号码', as: '身份证号' },
      { header: '户号', as: '户号' },
      { header: '与户主的关系', as: '与户主关系' },
      { header: '组别', as: '村民小组' },
      { header: '手机号码', as: '联系电话' },
      { header: '是否党员', as: '党员' },
      { header: '村民代表', as: '村民代表' },
      { header: '低保户', as: '低保户' },
      { header: '现役军人', as: '现役军人' },
      { header: '户籍所在村', as: '户籍所在村' },
    ]);
  });

  it('says, row by row, which 15-digit IDs it upgraded and which lines were not people', () => {
    expect(preview.notes).toEqual([
      {
        row: 36,
        column: '身份证号',
        message: `15 位的老身份证号，已按国家标准升为 18 位：${maskIdNumber(upgrade15(OLD_MAN))}（出生年份前补“19”，最后一位校验码按规则算出）`,
      },
      {
        row: 37,
        column: '身份证号',
        message: `15 位的老身份证号，已按国家标准升为 18 位：${maskIdNumber(upgrade15(OLD_WIFE))}（出生年份前补“19”，最后一位校验码按规则算出）`,
      },
      { row: 39, message: '“制表人：姜立军 审核人：姜春生”不是村民，已跳过这一行' },
      { row: 40, message: '“合计：35 人”不是村民，已跳过这一行' },
    ]);
  });

  it('matches the 32 already there despite full-width digits, spaces and +86, and keeps a name as written', async () => {
    // Only 姜明亮, now written “姜 明亮”, changes; the other 31 are as they were.
    expect(preview).toMatchObject({ added: 3, updated: 1, unchanged: 31, notListed: 0, crossVillage: [] });
    const done = (await host.send('roster', 'commitImport', { villageId: v, fileName: '大姜村花名册.xlsx', fileBase64 }, 'dajiang-secretary')).body.data;
    expect(done).toEqual({ imported: 35, added: 3, updated: 1, removed: 0, mode: 'merge' });
    const people = host.store.collection<PersonDoc>(C.people);
    const spaced = await people.find({ where: { villageId: v, name: `${String(demo[4][0]).slice(0, 1)} ${String(demo[4][0]).slice(1)}` }, limit: 2 });
    // Kept as written, found by the name without the space.
    expect(spaced).toEqual([expect.objectContaining({ nameKey: String(demo[4][0]), idMasked: expect.stringMatching(/^3716/) })]);
    const old = (await people.find({ where: { villageId: v, nameKey: '姜老汉' }, limit: 2 }))[0];
    expect(old).toMatchObject({ idMasked: maskIdNumber(upgrade15(OLD_MAN)), gender: '男', phoneMasked: '139****2001', hukouHere: true });
    // Nothing stores the number itself, in either form.
    expect(JSON.stringify(old)).not.toContain(OLD_MAN);
    expect(JSON.stringify(old)).not.toContain(upgrade15(OLD_MAN));
  });

  it('verifies people by their ID in any of those forms: 15 digits, full-width, spaced, lower-case x, a name with a space', async () => {
    const verify = (persona: string, name: string, idNumber: string, phone: string) =>
      host.call('identity', 'verify', { villageId: v, name, idNumber, phoneCode: `dev:${phone}` }, persona);
    expect((await verify('dajiang-newcomer', '姜 老汉', OLD_MAN, '13905432001')).body).toMatchObject({ ok: true, data: { verified: true } });
    // Another account (the 杨家村 newcomer's WeChat) for 姜小花, typed with a lower-case x, full-width and spaced.
    const typed = `${fullWidth(`${XIAOHUA.slice(0, 6)} ${XIAOHUA.slice(6, 14)} ${XIAOHUA.slice(14, 17)}`)} x`;
    expect((await verify('yangjia-newcomer', '姜　小花', typed, '13905432002')).body).toMatchObject({ ok: true, data: { verified: true } });
  });

  it('still refuses an ID of the wrong length, saying how many digits it has', async () => {
    const res = await host.call(
      'identity',
      'verify',
      { villageId: v, name: '姜老汉', idNumber: OLD_MAN.slice(0, 14), phoneCode: 'dev:13905432001' },
      'doufuli-newcomer',
    );
    expect(res.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('身份证号有 14 位') });
  });
});
