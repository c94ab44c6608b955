import { appForThisFile, E2E_QUARTER } from './app';

// A browser on a busy 2-core machine (other test files run alongside) needs more than 30 s.
jest.setTimeout(120000);

const app = appForThisFile();

it("shows the published quarter's 明白账 first on the village home, its numbers as links", async () => {
  // The reporting quarter of the pinned day is the last ended one: the home's main quarter.
  const { current } = await app.api('disclosure', 'quarters', { villageId: 'yangjia' });
  const ref = { villageId: 'yangjia', quarter: current, itemId: 'adhoc-明白账' };
  await app.api('plain', 'draft', { villageId: 'yangjia', quarter: current }, 'yangjia-secretary');
  await app.api('disclosure', 'submit', ref, 'yangjia-secretary');
  await app.api('disclosure', 'review', { ...ref, decision: 'approve' }, 'yangjia-supervisor');
  const page = await app.phone();
  await page.goto(`${app.base}/pages/village/index?scene=hs-yangjia`);
  const card = page.getByLabel('明白账', { exact: true });
  await card
    .getByText(/明白账$/)
    .first()
    .waitFor();
  expect(await card.getByRole('link').count()).toBeGreaterThan(8);
  expect(E2E_QUARTER.key >= current).toBe(true);
  await app.shot(page, 'plain-account');
});
