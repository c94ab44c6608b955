import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import { csvText } from '../helpers/roster-file';
import { appForThisFile } from './app';

jest.setTimeout(120000);

const app = appForThisFile();

const yangjia = demoRosterSheet(DEMO_VILLAGES[0], 0);

it('lets a newcomer verify as a villager of the village they scanned', async () => {
  const page = await app.phone('yangjia-newcomer');
  await page.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  await page.getByText('主任：杨树林').waitFor();
  await page.goto(`${app.base}/pages/mine/index`);
  await page.locator('.nut-button', { hasText: '认证村民身份' }).click();
  await page.getByText('填写与村里花名册一致的姓名和身份证号').waitFor();

  const person = { name: String(yangjia.rows[10].cells[0]), id: String(yangjia.rows[10].cells[2]) };
  await page.locator('input[name="name"]').fill(person.name);
  // A real-looking ID that is not on this roster.
  await page.locator('input[name="idNumber"]').fill('11010519491231002X');
  await page.locator('input[name="phone"]').fill(String(yangjia.rows[10].cells[6]));
  await page.locator('.nut-button', { hasText: '用手机号核对' }).click();
  await page
    .getByRole('alert')
    .getByText(/姓名或身份证号与本村花名册不一致。还可以再试 4 次/)
    .waitFor();
  await app.shot(page, 'verify-mismatch');

  // Name and number alone are not enough: the number WeChat vouches for must be the roster's.
  await page.locator('input[name="idNumber"]').fill(person.id);
  await page.locator('input[name="phone"]').fill('13966667777');
  await page.locator('.nut-button', { hasText: '用手机号核对' }).click();
  await page.getByRole('alert').getByText('微信验证过的手机号与花名册里登记的不一致。请改为请村务监督委员会当面确认。').waitFor();
  await page.locator('input[name="phone"]').fill(String(yangjia.rows[10].cells[6]));
  await page.locator('.nut-button', { hasText: '用手机号核对' }).click();
  await page.getByText(`杨家村 · ${person.name}`).waitFor();
  await page.getByText(`身份证 ${person.id.slice(0, 4)}**********${person.id.slice(14)}`).waitFor();
  await app.shot(page, 'mine-verified');
  await page.context().close();
});

it('lets a villager with no number on the roster be confirmed in person by the 监委会', async () => {
  const row = yangjia.rows[11];
  const person = { name: String(row.cells[0]), id: String(row.cells[2]) };
  const page = await app.phone('doufuli-newcomer');
  await page.goto(`${app.base}/pages/verify/index?villageId=yangjia`);
  await page.locator('input[name="name"]').fill(person.name);
  await page.locator('input[name="idNumber"]').fill(person.id);
  await page.locator('.nut-button', { hasText: '请村务监督委员会当面确认' }).click();
  await page
    .getByRole('status')
    .getByText(/已提交申请。请带上身份证，到村委会找村务监督委员会/)
    .waitFor();
  await app.shot(page, 'verify-in-person');

  const sup = await app.phone('yangjia-supervisor');
  await sup.goto(`${app.base}/pages/mine/index`);
  await sup.getByText('认证申请（当面核对身份）').click();
  const card = sup.getByLabel(`认证申请：${person.name}`);
  await card.waitFor();
  await card.locator('.nut-button', { hasText: '当面核对无误，确认' }).click();
  // Taro's H5 modal is a page element: its confirm button.
  await sup.locator('.taro-model__confirm:visible').click();
  await sup.getByText('没有等待确认的认证申请').waitFor();
  await sup.context().close();

  await page.goto(`${app.base}/pages/mine/index`);
  await page.getByText(`杨家村 · ${person.name}`).waitFor();
  await page.context().close();
});

it('walks a 书记 through a roster import: a bad row is shown, the fixed file imports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sv-roster-'));
  const rows = yangjia.rows.map((r) => [...r.cells]);
  // A newborn registered in a new household whose head is missing from the sheet.
  rows.push(['杨新来', '女', '11010519491231002X', 'Y900', '子女', '第1组', '', '否', '否', '否', '否']);
  const bad = join(dir, '花名册-有错.csv');
  writeFileSync(bad, csvText(rows, yangjia.header));
  rows[rows.length - 1][4] = '户主';
  const fixed = join(dir, '花名册-已改.csv');
  writeFileSync(fixed, csvText(rows, yangjia.header));

  const page = await app.phone('yangjia-secretary');
  await page.goto(`${app.base}/pages/mine/index`);
  await page.getByText('杨家村 · 李风昌').waitFor();
  await page.getByText('导入花名册').click();
  await page.getByText('导入前会先逐行检查').waitFor();

  await page.locator('input[type="file"]').setInputFiles(bad);
  await page.getByText('有 1 处需要修改（改好后重新选择文件）').waitFor();
  await page.getByText('第 34 行 · 与户主关系').waitFor();
  await page.getByText(/户号 Y900 没有户主/).waitFor();
  expect(await page.locator('.nut-button', { hasText: '确认导入' }).count()).toBe(0);
  await app.shot(page, 'roster-preview-errors');

  await page.locator('input[type="file"]').setInputFiles(fixed);
  await page.getByText(/共 33 人（表头在第 1 行）。新增 1 人/).waitFor();
  await page.locator('.nut-button', { hasText: '确认导入 33 人' }).click();
  await page.getByText('导入完成').waitFor();
  await page.getByText('共 33 人：新增 1，更新 0，移出 0。').waitFor();
  await app.shot(page, 'roster-imported');
  await page.context().close();
});

it('shows the 监委会主任 the audit trail and a verified chain', async () => {
  const page = await app.phone('yangjia-supervisor');
  await page.goto(`${app.base}/packages/supervise/audit/index?villageId=yangjia`);
  await page
    .getByText(/导入花名册/)
    .first()
    .waitFor();
  await page.locator('.nut-button', { hasText: '校验审计链' }).click();
  await page.getByText(/审计链完整：共 \d+ 条记录/).waitFor();
  await app.shot(page, 'audit-trail');
  await page.context().close();
});

it('does not show a villager the roster import', async () => {
  const page = await app.phone('yangjia-villager');
  await page.goto(`${app.base}/pages/mine/index`);
  await page.getByText('杨家村 · 杨德福').waitFor();
  expect(await page.getByText('导入花名册').count()).toBe(0);
  await page.goto(`${app.base}/packages/cadre/roster/index?villageId=yangjia`);
  await page.locator('input[type="file"]').setInputFiles({ name: 'r.csv', mimeType: 'text/csv', buffer: Buffer.from(csvText([], yangjia.header)) });
  await page.getByRole('alert').getByText('您没有权限进行此操作').waitFor();
  await page.context().close();
});

it('lets the 书记 make a villager a member of the 民主理财小组, shown on the roster at once', async () => {
  const page = await app.phone('yangjia-secretary');
  await page.goto(`${app.base}/pages/mine/index`);
  await page.getByText('村民与角色').click();
  const name = String(yangjia.rows[8].cells[0]);
  const row = page.locator('.nut-cell', { hasText: `${name}（` }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.nut-cell', { hasText: '民主理财小组成员不担任' }).click();
  await page.locator('.nut-cell', { hasText: '民主理财小组成员✓ 担任' }).waitFor();
  await page.locator('.nut-button', { hasText: '保存角色' }).click();
  await page
    .locator('.nut-cell', { hasText: `${name}（` })
    .first()
    .getByText(/民主理财小组成员/)
    .waitFor();
  await app.shot(page, 'people-roles');
  await page.context().close();
});

it('tells the 监委会主任 about the role change in 我的', async () => {
  const page = await app.phone('yangjia-supervisor');
  await page.goto(`${app.base}/pages/mine/index`);
  await page.getByText(/角色变更：.+担任“民主理财小组成员”/).waitFor();
  await app.shot(page, 'mine-messages');
  await page.context().close();
});

it('lets the township admin invite a 纪委 member, who joins with the code in 我的', async () => {
  const admin = await app.phone('township-admin');
  await admin.goto(`${app.base}/pages/mine/index`);
  await admin.getByText('镇级人员与邀请').click();
  await admin.locator('input[name="staffName"]').fill('孙纪检');
  await admin.locator('.nut-button', { hasText: '生成邀请码' }).click();
  const code = (await admin.getByRole('status').locator('text=/^[2-9A-Z]{8}$/').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^[2-9A-Z]{8}$/);
  await app.shot(admin, 'township-invite');

  const joiner = await app.phone('diquan-newcomer');
  await joiner.goto(`${app.base}/pages/mine/index`);
  await joiner.getByText('我有镇里的邀请码').click();
  await joiner.locator('input[name="inviteCode"]').fill(code);
  await joiner.locator('.nut-button', { hasText: '使用邀请码' }).click();
  await joiner.getByText('镇级身份').waitFor();
  await joiner.getByText('镇纪委').first().waitFor();
  await admin.context().close();
  await joiner.context().close();
});
