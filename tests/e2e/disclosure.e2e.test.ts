import { startApp, type RunningApp } from './app';

jest.setTimeout(120000);

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** What a cadre's phone sends; the drafting screens are not built yet, the API is. */
async function api(persona: string, action: string, data: unknown) {
  const res = await fetch(`${app.base}/api/disclosure`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-persona': persona },
    body: JSON.stringify({ action, data }),
  });
  const body = await res.json();
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
  return body.data;
}

function quarterKey(): string {
  const cn = new Date(Date.now() + 8 * 3600 * 1000);
  return `${cn.getUTCFullYear()}Q${Math.floor(cn.getUTCMonth() / 3) + 1}`;
}

it('takes two items through 监委会 review to villagers, then a correction to version 2', async () => {
  const q = quarterKey();
  const ref = (itemId: string) => ({ villageId: 'dajiang', quarter: q, itemId });
  const SUBSIDY = 'huangsheng:2-3';
  const FEES = 'huangsheng:1-3';
  await api('dajiang-secretary', 'saveDraft', {
    ...ref(SUBSIDY),
    title: '耕地地力保护补贴发放',
    body: [
      { type: 'paragraph', text: '本季度发放补贴 2 户。' },
      { type: 'table', columns: ['户主', '金额（元）'], rows: [['姜德福', '456.10'], ['姜秀英', '778.40']] },
    ],
    amountFen: 123450,
  });
  await api('dajiang-secretary', 'saveDraft', { ...ref(FEES), title: '党费收缴', body: [{ type: 'paragraph', text: '收缴党费 1,860 元。' }], amountFen: 186000 });
  await api('dajiang-secretary', 'submit', ref(SUBSIDY));
  await api('dajiang-secretary', 'submit', ref(FEES));

  const sup = await app.phone('dajiang-supervisor');
  await sup.goto(`${app.base}/pages/mine/index`);
  await sup.getByText('审核本季度公开内容').click();
  const fees = sup.locator('[aria-label="待审核：党费收缴"]');
  await fees.locator('input[name="returnReason"]').fill('请写明党费的使用去向');
  await fees.locator('.nut-button', { hasText: '退回修改' }).click();
  await sup.locator('[aria-label="待审核：党费收缴"]').waitFor({ state: 'detached' });
  await sup.locator('[aria-label="待审核：耕地地力保护补贴发放"]').locator('.nut-button', { hasText: '审核通过并公开' }).click();
  await sup.getByText('没有待审核的内容').waitFor();

  const drafts = await api('dajiang-secretary', 'drafts', { villageId: 'dajiang', quarter: q });
  expect(drafts.items.find((i: { itemId: string }) => i.itemId === FEES)).toMatchObject({ state: 'returned', returnReason: '请写明党费的使用去向' });
  await api('dajiang-secretary', 'saveDraft', { ...ref(FEES), title: '党费收缴与使用', body: [{ type: 'paragraph', text: '收缴 1,860 元，全部上缴镇党委。' }], amountFen: 186000 });
  await api('dajiang-secretary', 'submit', ref(FEES));
  await sup.reload();
  await sup.locator('[aria-label="待审核：党费收缴与使用"]').locator('.nut-button', { hasText: '审核通过并公开' }).click();
  await sup.getByText('没有待审核的内容').waitFor();

  const visitor = await app.phone();
  await visitor.goto(`${app.base}/pages/village/index?scene=hs-dajiang`);
  await visitor.getByText(/已公开 2 \/ 24 项/).waitFor();
  await visitor.getByText('耕地地力保护补贴发放').waitFor();
  await visitor.getByText('党费收缴与使用', { exact: true }).waitFor();
  await app.shot(visitor, 'quarter-published');

  await api('dajiang-accountant', 'saveDraft', {
    ...ref(SUBSIDY),
    title: '耕地地力保护补贴发放',
    body: [{ type: 'table', columns: ['户主', '金额（元）'], rows: [['姜德福', '456.10'], ['姜秀英', '778.50']] }],
    amountFen: 123460,
  });
  await api('dajiang-accountant', 'submit', { ...ref(SUBSIDY), reason: '姜秀英的补贴少录了 0.10 元' });
  await api('dajiang-supervisor', 'review', { ...ref(SUBSIDY), decision: 'approve' });

  const villager = await app.phone('dajiang-villager');
  await villager.goto(`${app.base}/pages/village/index?scene=hs-dajiang`);
  await villager.getByText('耕地地力保护补贴发放', { exact: true }).click();
  await villager.getByText(/第 2 版（最新）/).waitFor();
  await villager.getByText('本版更正原因：姜秀英的补贴少录了 0.10 元').waitFor();
  await villager.getByText('金额：1,234.60 元').waitFor();
  await villager.getByRole('cell', { name: '778.50' }).waitFor();
  await app.shot(villager, 'item-version-2');
  await villager.getByText(/第 1 版/).first().click();
  await villager.getByText(/第 1 版（旧版本）/).waitFor();
  await villager.getByText('金额：1,234.50 元').waitFor();
  await app.shot(villager, 'item-version-1');
  for (const p of [sup, visitor, villager]) await p.context().close();
});
