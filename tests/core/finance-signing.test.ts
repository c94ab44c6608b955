import { signaturesNeeded, signingCount, signingSummary, unreconciledMessage } from '../../cloudfunctions/core/finance/rules';
import type { SigningGroup } from '../../cloudfunctions/core/finance/signing';
import { signingOf } from '../../cloudfunctions/core/finance/views';
import { newMonth } from '../../cloudfunctions/core/finance/model';

describe('how many of the 民主理财小组 sign a month off', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [7, 4],
  ])('a majority of %i members is %i signatures (more than half)', (members, needed) => {
    expect(signaturesNeeded(members, 'majority')).toBe(needed);
  });

  it('needs one signature under the township setting “one”, whatever the group’s size', () => {
    expect([1, 3, 7].map((n) => signaturesNeeded(n, 'one'))).toEqual([1, 1, 1]);
  });

  it('completes a group of three on its second member’s signature, not its first', () => {
    const members = ['a', 'b', 'c'];
    expect(signingCount(['a'], members, 'majority')).toEqual({ counted: 1, needed: 2, complete: false });
    expect(signingCount(['a', 'b'], members, 'majority')).toEqual({ counted: 2, needed: 2, complete: true });
    expect(signingCount(['a'], members, 'one')).toEqual({ counted: 1, needed: 1, complete: true });
  });

  it('counts a person once, and only people in the group now', () => {
    expect(signingCount(['a', 'a'], ['a', 'b', 'c'], 'majority').counted).toBe(1);
    // b signed, then left the group: the two left need both their signatures.
    expect(signingCount(['b', 'a'], ['a', 'c'], 'majority')).toEqual({ counted: 1, needed: 2, complete: false });
  });

  it('is never complete for a village with nobody to sign', () => {
    expect(signingCount([], [], 'one').complete).toBe(false);
  });

  it('says who signed and how many more are needed', () => {
    expect(signingSummary([], 3, 2)).toBe('已签 0/3；还需 2 人');
    expect(signingSummary(['张三'], 3, 2)).toBe('已签 1/3：张三；还需 1 人');
    expect(signingSummary(['张三', '李四'], 3, 2)).toBe('已签 2/3：张三、李四');
  });
});

describe('the signatures a month shows', () => {
  const group: SigningGroup = {
    body: '民主理财小组',
    members: [
      { _id: 'a', name: '张三' },
      { _id: 'b', name: '李四' },
      { _id: 'c', name: '王五' },
    ],
  };
  const at = '2026-11-12T07:00:00.000Z';

  it('lists the counted signatures of a closed month, and whether the caller has signed', () => {
    const m = {
      ...newMonth('v', '2026-10'),
      state: 'closed' as const,
      signatures: [
        { personId: 'a', name: '张三', at },
        { personId: 'gone', name: '赵六', at },
      ],
    };
    expect(signingOf(m, group, 'majority', 'a')).toEqual({
      body: '民主理财小组',
      rule: 'majority',
      members: 3,
      needed: 2,
      signatures: [{ name: '张三', at }],
      summary: '已签 1/3：张三；还需 1 人',
      signedByMe: true,
      mayISign: true,
    });
    expect(signingOf(m, group, 'majority', 'b')).toMatchObject({ signedByMe: false, mayISign: true });
    expect(signingOf(m, group, 'majority', 'outsider')).toMatchObject({ signedByMe: false, mayISign: false });
  });

  it('keeps a published month’s signatures against the group as it was when it was published', () => {
    const m = {
      ...newMonth('v', '2026-10'),
      state: 'published' as const,
      signatures: [
        { personId: 'a', name: '张三', at },
        { personId: 'b', name: '李四', at },
      ],
      signedOff: { body: '民主理财小组', rule: 'majority', members: 3, needed: 2 },
    };
    const smaller: SigningGroup = { body: '民主理财小组', members: [{ _id: 'c', name: '王五' }] };
    expect(signingOf(m, smaller, 'one', null)).toMatchObject({ members: 3, needed: 2, summary: '已签 2/3：张三、李四' });
  });
});

describe('books that do not reconcile', () => {
  it('are refused at 结账 with both figures and the difference in 元', () => {
    expect(unreconciledMessage('结账', 100_000_00, 5_000_00, 2_000_00, 103_012_34)).toBe(
      '账不平，不能结账：月初余额 100,000.00 + 收入 5,000.00 − 支出 2,000.00 = 103,000.00 元，填写的月末余额是 103,012.34 元，相差 12.34 元。' +
        '请按银行对账单和库存现金核对月末余额，或检查本月有没有漏记、记错的账，改好后再结账。',
    );
    expect(unreconciledMessage('结账', 100, 0, 0, 100)).toBeNull();
  });

  it('are refused at 签字 in the same words, for a month closed before 结账 checked', () => {
    expect(unreconciledMessage('签字', 0, 100, 0, 50)).toBe(
      '账不平，不能签字：月初余额 0.00 + 收入 1.00 − 支出 0.00 = 1.00 元，会计登记的月末余额是 0.50 元，相差 0.50 元。请会计核对后重新结账。',
    );
  });
});
