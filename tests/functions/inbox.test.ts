import { functionsHost } from '../helpers/host';
import { proposedToVote } from '../helpers/matters-flow';

/**
 * Messages lead somewhere and say when they are past: each names its village, an answer opens the
 * asker's own list, a vote's call says 表决已结束 once it is over, an answer already rated says so,
 * and messages can be marked read — one's own only.
 */
const host = functionsHost();

const inboxOf = async (persona: string) =>
  (await host.ok('identity', 'inbox', {}, persona)).messages as {
    id: string;
    text: string;
    read: boolean;
    link: string | null;
    villageName: string | null;
    stale: string | null;
  }[];

it('names the village, opens the answer, says 已评价 once rated, and is marked read by its reader only', async () => {
  const t = await host.ok(
    'tickets',
    'file',
    { villageId: 'doufuli', kind: 'suggestion', category: '村务类', text: '建议在村口装一盏路灯，晚上好走。', anonymous: false },
    'doufuli-villager',
  );
  await host
    .ok('tickets', 'triage', { villageId: 'doufuli', ticketId: t.id, decision: 'minor', reason: '监委会直接答复。' }, 'doufuli-supervisor')
    .catch(() => undefined);
  await host.ok('tickets', 'answer', { villageId: 'doufuli', ticketId: t.id, text: '已列入明年一事一议项目。' }, 'doufuli-supervisor');
  let msg = (await inboxOf('doufuli-villager')).find((m) => m.text.includes('有了答复'));
  expect(msg).toMatchObject({ villageName: '豆腐李村', read: false, stale: null, link: '/pages/tickets/index?villageId=doufuli&tab=mine' });

  // Someone else's message: nothing changes.
  expect((await host.ok('identity', 'markRead', { ids: [msg!.id] }, 'doufuli-secretary')).read).toBe(0);
  expect((await inboxOf('doufuli-villager')).find((m) => m.id === msg!.id)?.read).toBe(false);

  await host.ok('tickets', 'rate', { villageId: 'doufuli', ticketId: t.id, rating: '满意' }, 'doufuli-villager');
  msg = (await inboxOf('doufuli-villager')).find((m) => m.id === msg!.id);
  expect(msg?.stale).toBe('已评价');
  expect((await host.ok('identity', 'markRead', { ids: [msg!.id] }, 'doufuli-villager')).read).toBe(1);
  expect((await inboxOf('doufuli-villager')).find((m) => m.id === msg!.id)?.read).toBe(true);
});

it('says 表决已结束 on a call to vote once the vote is over', async () => {
  const closesAt = new Date(host.clock.now().getTime() + 2 * 86400_000).toISOString();
  await proposedToVote(
    (action, data, persona) => host.ok('matters', action, data, persona),
    { villageId: 'dajiang', title: '修缮村委会屋顶', summary: '村委会屋顶漏雨，需要修缮，费用从集体收入中列支。', decisionBody: 'villagers' },
    { record: '两委同意提交村民会议表决。', closesAt },
  );
  // The first vote is the 党员大会's 审议: whoever of the village's personas is a party member is told.
  const electors = [
    'dajiang-secretary',
    'dajiang-director',
    'dajiang-accountant',
    'dajiang-supervisor',
    'dajiang-supervisor-member',
    'dajiang-finance',
    'dajiang-villager',
  ];
  let told: { persona: string; id: string } | null = null;
  for (const persona of electors) {
    const msg = (await inboxOf(persona)).find((x) => x.text.includes('修缮村委会屋顶') && x.text.includes('请投票'));
    if (msg) {
      told = { persona, id: msg.id };
      expect(msg.stale).toBeNull();
      expect(msg.villageName).toBe('大姜村');
      break;
    }
  }
  expect(told).not.toBeNull();
  host.clock.set(new Date(Date.parse(closesAt) + 60_000));
  const after = (await inboxOf(told!.persona)).find((x) => x.id === told!.id);
  expect(after?.stale).toBe('表决已结束');
});
