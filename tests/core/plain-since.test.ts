import { numbersIn } from '../../cloudfunctions/core/plain/numerals';
import { SENTENCE_MAX, sentencesOf, textOf } from '../../cloudfunctions/core/plain/rules';
import { type SinceMonth, sinceSegments } from '../../cloudfunctions/core/plain/since';

const month = (m: string, openingFen: number | null, incomeFen: number, expenseFen: number): SinceMonth => ({
  month: m,
  publishedAt: `${m}-28T10:00:00.000Z`,
  incomeFen,
  expenseFen,
  openingFen,
  closingFen: openingFen === null ? null : openingFen + incomeFen - expenseFen,
});

const words = (months: SinceMonth[], firstVisit = false) => textOf(sinceSegments(months, firstVisit));

describe('what changed since the villager last looked, in plain words', () => {
  it('says which month was published, what came in and went out, and how the money on the books moved', () => {
    expect(words([month('2026-10', 1_234_500_00, 5_000_00, 8_000_00)])).toBe(
      '上次看过后，新公示了10月的账。收入5,000元，支出8,000元。账上的钱从123.45万元变成123.15万元。比10月初少了3,000元。',
    );
  });

  it('names each of several months (given newest first) in calendar order, and the change over all of them', () => {
    const text = words([month('2026-10', 1_010_000, 300_000, 100_000), month('2026-09', 1_000_000, 20_000, 10_000)]);
    expect(text).toBe(
      '上次看过后，新公示了9月、10月的账。9月收入200元，支出100元。10月收入3,000元，支出1,000元。账上的钱从1.00万元变成1.21万元。比9月初多了2,100元。',
    );
  });

  it('says the year when the months cross into a new year, the span after a long absence, and a balance that did not move', () => {
    const months = ['2025-10', '2025-11', '2025-12', '2026-01'].map((m) => month(m, 100_000, 10_000, 10_000)).reverse();
    expect(words(months)).toMatch(/^上次看过后，新公示了2025年10月到2026年1月的账。/);
    expect(words(months)).toContain('和2025年10月初比，没有变。');
  });

  it('leaves the balance out when the months do not follow one another or a balance is missing', () => {
    expect(words([month('2026-10', 100_000, 1, 1), month('2026-07', 100_000, 1, 1)])).not.toContain('账上的钱');
    expect(words([month('2026-10', null, 1, 1)])).not.toContain('账上的钱');
  });

  it('says the first visit plainly, and says so when nothing is new', () => {
    expect(words([month('2026-09', 100_000, 1, 1), month('2026-08', 100_000, 1, 1)], true)).toMatch(/^最近公示了8月、9月的账。/);
    expect(words([])).toBe('上次看过后，没有新公示的账。');
  });

  // Up to 999.99万元 a month: more than any village's month, and the longest a month's words get.
  it('links every number it says, and keeps each sentence short', () => {
    const cases = [
      [month('2026-10', 999_999_00, 999_999_00, 1)],
      ['2025-11', '2025-12', '2026-01'].map((m) => month(m, 999_999_00, 999_999_00, 999_999_00)),
      ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01'].map((m) => month(m, 999_999_00, 1, 999_999_00)),
    ];
    for (const c of cases) {
      const segments = sinceSegments(c, false);
      const text = textOf(segments);
      for (const s of sentencesOf(text)) expect(Array.from(s).length).toBeLessThanOrEqual(SENTENCE_MAX);
      let at = 0;
      const linked = segments.map((s) => {
        const span = { from: at, to: at + s.text.length, linked: !!s.number };
        at = span.to;
        return span;
      });
      for (const n of numbersIn(text))
        expect({ n: n.text, linked: linked.find((x) => x.from <= n.at && n.at < x.to)?.linked }).toEqual({ n: n.text, linked: true });
    }
  });
});
