/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { C } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { PERSONAS, type PersonaDoc } from '../../cloudfunctions/host/personas';
import ReviewPage from '../../src/packages/supervise/review';
import { dateTimeText } from '../../src/services/china-time';
import { pagesOnTestHost } from './fetch-to-host';
import { openPage } from './open-page';

// The demo host's clock is 2026-11-23 10:00 China time: 2026Q4 is open for drafting.
const ui = pagesOnTestHost();

async function ok(action: string, data: unknown, persona: string) {
  const res = await ui.host.call('disclosure', action, data, persona);
  if (!res.body.ok) throw new Error(`${action}: ${res.body.error.message}`);
  return res.body.data;
}

async function nameOf(persona: string, villageId: string): Promise<string> {
  const p = await ui.host.store.collection<PersonaDoc>(PERSONAS).get(persona);
  const binding = await ui.host.store.collection<{ _id: string; personId: string }>(C.bindings).get(`${villageId}:${p!.openid}`);
  return (await ui.host.store.collection<PersonDoc>(C.people).get(binding!.personId))!.name;
}

describe('the 监委会’s review page', () => {
  it('says on each card which catalog item it is and who submitted it when', async () => {
    const ref = { villageId: 'dajiang', quarter: '2026Q4', itemId: 'huangsheng:6-1' };
    await ok('saveDraft', { ...ref, title: '本季度资源台账', body: [{ type: 'paragraph', text: '资源台账无变化。' }] }, 'dajiang-accountant');
    await ok('submit', ref, 'dajiang-accountant');
    const adhoc = { villageId: 'dajiang', quarter: '2026Q4', itemId: 'adhoc-冬季取暖补助' };
    await ok('saveDraft', { ...adhoc, title: '冬季取暖补助发放', category: '村务', body: [{ type: 'paragraph', text: '名单见附件。' }] }, 'dajiang-secretary');
    await ok('submit', adhoc, 'dajiang-secretary');
    const at = dateTimeText(ui.host.clock.now().toISOString());

    openPage(ReviewPage, '/packages/supervise/review/index', { villageId: 'dajiang', quarter: '2026Q4' }, 'dajiang-supervisor');
    const card = await screen.findByLabelText('待审核：本季度资源台账');
    expect(within(card).getByText('公开目录：资源 · 土地林地水面等资源台账')).toBeTruthy();
    expect(within(card).getByText(`村会计 ${await nameOf('dajiang-accountant', 'dajiang')}于 ${at} 提交审核`)).toBeTruthy();
    const other = screen.getByLabelText('待审核：冬季取暖补助发放');
    expect(within(other).getByText('公开目录：专项公开 · 村务')).toBeTruthy();
    expect(within(other).getByText(`村党组织书记 ${await nameOf('dajiang-secretary', 'dajiang')}于 ${at} 提交审核`)).toBeTruthy();
  });
});
