import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();

/**
 * The 明白账 is written from the published books. A cadre who could edit its draft before review
 * would publish a summary the books do not bear out (a smaller 招待费, a larger balance), with the
 * same digest and 校验 as any true item.
 */
it('cannot be edited by hand before review: only generated again from the books', async () => {
  const sec = 'yangjia-secretary';
  await host.ok('plain', 'draft', { villageId: 'yangjia', quarter: '2026Q3' }, sec);
  const drafted = (await host.ok('disclosure', 'drafts', { villageId: 'yangjia', quarter: '2026Q3' }, sec)).items.find(
    (d: { itemId: string }) => d.itemId === 'adhoc-明白账',
  );
  expect(drafted).toBeTruthy();
  const before = await storeDigest(host.store);
  const forged = await host.call(
    'disclosure',
    'saveDraft',
    {
      villageId: 'yangjia',
      quarter: '2026Q3',
      itemId: 'adhoc-明白账',
      category: '财务',
      title: drafted.title,
      body: [{ type: 'paragraph', text: '本季度收入一百万元，支出一元。' }],
    },
    sec,
  );
  expect(forged.body.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '明白账按已公示的账自动生成，不能手工修改；账有变化时请重新生成。' });
  expect(await storeDigest(host.store)).toBe(before);
  // Someone without the right to draft is refused as such, not told about the 明白账.
  const villager = await host.call(
    'disclosure',
    'saveDraft',
    { villageId: 'yangjia', quarter: '2026Q3', itemId: 'adhoc-明白账', category: '财务', title: 'x', body: [] },
    'yangjia-villager',
  );
  expect(['PERMISSION_DENIED', 'INVALID_ARGUMENT']).toContain(villager.body.error.code);
});
