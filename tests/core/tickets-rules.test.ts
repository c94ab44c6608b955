import type { TicketView } from '../../types/tickets';
import {
  afterRating,
  askerScope,
  assignableRolesOf,
  awaitingRating,
  byDayAnonymousApart,
  byRoleThenName,
  linkOf,
  newTicket,
  nextStats,
  photoName,
  titleOf,
} from '../../cloudfunctions/core/tickets/rules';

const NOW = new Date('2026-03-10T02:00:00.000Z');
const DAY = 24 * 3600 * 1000;

const filed = (over: Partial<Parameters<typeof newTicket>[2]> = {}) =>
  newTicket(
    'a'.repeat(20),
    NOW,
    {
      villageId: 'yangjia',
      kind: 'report',
      subject: null,
      category: '村务类',
      text: '路灯坏了很久了',
      photos: [],
      anonymous: false,
      askerKey: 'k',
      askerPersonId: 'p1',
      ...over,
    },
    7,
  );

describe('a new ticket', () => {
  it("is open, unanswered and due the township's reply days after it was filed", () => {
    const t = filed();
    expect(t).toMatchObject({
      state: 'open',
      createdAt: NOW.toISOString(),
      overdue: false,
      reminded: false,
      answers: [],
      ratings: [],
      reopened: 0,
      public: false,
      seconds: 0,
    });
    expect(new Date(t.dueAt).getTime() - NOW.getTime()).toBe(7 * DAY);
  });
});

describe('rating an answer', () => {
  const answeredOnce = { ...filed(), state: 'answered' as const, answers: [{ text: '已修', at: NOW.toISOString(), byPersonId: null }] };

  it('满意 and 基本满意 record the rating and leave the ticket answered', () => {
    for (const rating of ['满意', '基本满意'] as const) {
      const patch = afterRating(answeredOnce, rating, NOW, 7);
      expect(patch).toEqual({ ratings: [{ rating, at: NOW.toISOString() }], lastRating: rating });
    }
  });

  it('a first 不满意 reopens it with a fresh deadline and a fresh reminder', () => {
    const patch = afterRating(answeredOnce, '不满意', NOW, 5);
    expect(patch).toMatchObject({ state: 'open', reopened: 1, overdue: false, reminded: false });
    expect(new Date(patch.dueAt as string).getTime() - NOW.getTime()).toBe(5 * DAY);
    expect(patch.escalated).toBeUndefined();
  });

  it('a second 不满意 sends it to the township instead of reopening it again', () => {
    const patch = afterRating({ ...answeredOnce, reopened: 1 }, '不满意', NOW, 5);
    expect(patch).toMatchObject({ state: 'escalated', escalated: { at: NOW.toISOString(), why: 'dissatisfied' } });
    expect(patch.dueAt).toBeUndefined();
    expect(patch.reopened).toBeUndefined();
  });

  it('an answer waits for its rating, and a rated one does not', () => {
    expect(awaitingRating(answeredOnce)).toBe(true);
    expect(awaitingRating({ ...answeredOnce, ratings: [{ rating: '满意', at: NOW.toISOString() }] })).toBe(false);
    expect(awaitingRating(filed())).toBe(false);
  });
});

describe("the village's counts", () => {
  it('add the change to what was counted', () => {
    expect(
      nextStats({ received: 3, answered: 1, answeredOnTime: 1, closed: 0, satisfied: 0, rated: 0, unanswered: 2 }, { answered: 1, answeredOnTime: 0 }, -1),
    ).toEqual({
      received: 3,
      answered: 2,
      answeredOnTime: 1,
      closed: 0,
      satisfied: 0,
      rated: 0,
      unanswered: 1,
    });
  });

  it('leave a count begun before "unanswered" existed without it, so readers count rather than trust a wrong number', () => {
    const next = nextStats({ received: 3, answered: 1, answeredOnTime: 1, closed: 0, satisfied: 0, rated: 0 }, { received: 1 }, 1);
    expect(next.received).toBe(4);
    expect('unanswered' in next).toBe(false);
  });
});

describe('lists by day', () => {
  const v = (id: string, createdAt: string, anonymous: boolean) => ({ id, createdAt, dueAt: createdAt, anonymous }) as TicketView;

  it('never place an anonymous item between two named ones of the same day by its minute', () => {
    const list = [
      v('n1', '2026-03-10T01:00:00.000Z', false),
      v('zz', '2026-03-10T02:00:00.000Z', true),
      v('n2', '2026-03-10T03:00:00.000Z', false),
      v('aa', '2026-03-10T00:30:00.000Z', true),
    ];
    expect(byDayAnonymousApart(list, 'createdAt', false).map((t) => t.id)).toEqual(['n1', 'n2', 'aa', 'zz']);
    expect(byDayAnonymousApart(list, 'createdAt', true).map((t) => t.id)).toEqual(['n2', 'n1', 'aa', 'zz']);
  });

  it('reckon the day in Beijing time: 17:00 UTC is already the next day', () => {
    const late = v('late', '2026-03-10T17:00:00.000Z', true);
    const early = v('early', '2026-03-10T15:00:00.000Z', false);
    expect(byDayAnonymousApart([late, early], 'createdAt', false).map((t) => t.id)).toEqual(['early', 'late']);
    expect(byDayAnonymousApart([late, early], 'createdAt', true).map((t) => t.id)).toEqual(['late', 'early']);
  });
});

describe('links and words', () => {
  it("open a question's subject where it was published; reports and suggestions have none", () => {
    expect(linkOf('yangjia', { type: 'disclosure', quarter: '2026Q1', itemId: '财务/收支', title: 't' } as never)).toBe(
      `/pages/item/index?villageId=yangjia&quarter=2026Q1&itemId=${encodeURIComponent('财务/收支')}`,
    );
    expect(linkOf('yangjia', { type: 'ledger', month: '2026-02', rowId: 'r1', title: 't' } as never)).toBe(
      '/pages/money/index?villageId=yangjia&month=2026-02&rowId=r1',
    );
    expect(linkOf('yangjia', null)).toBeNull();
  });

  it("name the asker's ticket in their messages by what they asked", () => {
    expect(titleOf({ ...filed(), kind: 'question', subject: { type: 'ledger', month: '2026-02', rowId: 'r1', title: '02-03 修路' } as never })).toBe(
      '您对“02-03 修路”的提问',
    );
    expect(titleOf(filed())).toBe('您反映的问题');
    expect(titleOf(filed({ kind: 'suggestion', category: null }))).toBe('您的建议');
  });

  it("keep an anonymous asker's acts on a chain of their own", () => {
    expect(askerScope(filed())).toBe('yangjia');
    expect(askerScope(filed({ anonymous: true, askerPersonId: null }))).toBe('anon:yangjia');
  });

  it("drop the phone's file name, which says when the photo was taken", () => {
    expect(photoName('IMG_20261205_073012.JPG')).toBe('照片.jpg');
    expect(photoName('Screenshot 2026-12-05.PNG')).toBe('照片.png');
  });
});

describe('whom a 小事 can be handed to', () => {
  it('collects every assignable role a person holds and ignores roles that are not', () => {
    const roles = assignableRolesOf({ director: ['p1'], supervisor: ['p1', 'p2'], finance_panel: ['p3'], villager: ['p4'] });
    expect(roles.get('p1')).toEqual(['director', 'supervisor']);
    expect(roles.get('p2')).toEqual(['supervisor']);
    expect(roles.has('p4')).toBe(false);
  });

  it('lists them by their first role, then by name', () => {
    const people = [
      { personId: 'c', name: '王五', roles: ['finance_panel' as const] },
      { personId: 'b', name: '李四', roles: ['supervisor' as const] },
      { personId: 'a', name: '张三', roles: ['secretary' as const] },
    ];
    expect([...people].sort(byRoleThenName).map((p) => p.personId)).toEqual(['a', 'b', 'c']);
  });
});
