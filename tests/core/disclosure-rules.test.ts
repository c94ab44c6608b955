import { dueDateOf, labelOf, versionDigest } from '../../cloudfunctions/core/disclosure/rules';
import type { TownshipDoc } from '../../cloudfunctions/core/shared/records';

describe('a quarter’s due date', () => {
  it('is the 20th of the month after the quarter when the township has set nothing, and the fourth quarter falls due in January', () => {
    expect(dueDateOf(null, '2026Q1')).toBe('2026-04-20');
    expect(dueDateOf(null, '2026Q4')).toBe('2027-01-20');
  });

  it('follows the township’s own due day', () => {
    const township = { settings: { disclosureDueDay: 10 } } as unknown as TownshipDoc;
    expect(dueDateOf(township, '2026Q2')).toBe('2026-07-10');
  });
});

describe('a quarter’s label', () => {
  it('names the quarter in words, and leaves a key it cannot read as it is', () => {
    expect(labelOf('2026Q3')).toBe('2026年第三季度');
    expect(labelOf('不是季度')).toBe('不是季度');
  });
});

describe('a published version’s digest', () => {
  const v = {
    itemKey: 'v1:2026-Q1:i1',
    version: 1,
    title: '低保名单',
    body: [{ type: 'paragraph' as const, text: '本季度低保发放情况。' }],
    amountFen: 120_000,
    attachments: [{ id: 'a1', fileId: 'cloud://bucket/a1.pdf', name: '签字表.pdf', mime: 'application/pdf' as const, size: 1024, sha256: 'ab'.repeat(32) }],
    reason: null,
    approvedAt: '2026-04-10T02:00:00.000Z',
    approvedBy: { openid: 'o1', personId: 'p1' },
  };

  it('changes when the approval date, the amount or an attachment’s content changes', () => {
    const d = versionDigest(v);
    expect(versionDigest({ ...v, approvedAt: '2026-04-11T02:00:00.000Z' })).not.toBe(d);
    expect(versionDigest({ ...v, amountFen: 120_001 })).not.toBe(d);
    expect(versionDigest({ ...v, attachments: [{ ...v.attachments[0], sha256: 'cd'.repeat(32) }] })).not.toBe(d);
  });

  it('does not change when the file only moves in storage or the approver uses another phone', () => {
    const d = versionDigest(v);
    expect(versionDigest({ ...v, attachments: [{ ...v.attachments[0], fileId: 'cloud://other/a1.pdf' }] })).toBe(d);
    expect(versionDigest({ ...v, approvedBy: { openid: 'o2', personId: 'p1' } })).toBe(d);
  });
});
