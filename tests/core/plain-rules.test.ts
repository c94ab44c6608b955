import { chineseToNumber, numbersIn } from '../../cloudfunctions/core/plain/numerals';
import { summaryFromBody, plainBody } from '../../cloudfunctions/core/plain/published';
import {
  amountText,
  BROADCAST_CHARS_PER_MINUTE,
  BROADCAST_MINUTES,
  glossOf,
  JARGON,
  jargonIn,
  type PlainFacts,
  plainSummary,
  SENTENCE_MAX,
  sentencesOf,
  SMS_MAX,
} from '../../cloudfunctions/core/plain/rules';

const facts = (over: Partial<PlainFacts> = {}): PlainFacts => ({
  period: '2026Q3',
  label: '2026年第三季度',
  from: '2026年7–9月已公示的账（2026-10-05 公示）',
  incomeFen: 12_345_678,
  expenseFen: 8_201_050,
  comparison: {
    comparable: true,
    months: ['2025-07', '2025-08', '2025-09'],
    income: { lastYearFen: 11_000_000, percent: 12, words: '' },
    expense: { lastYearFen: 8_600_000, percent: -5, words: '' },
  },
  top: [
    { rowId: 'r1', amountFen: 3_200_000, summary: '村道硬化工程款第二期', account: '公益支出' },
    { rowId: 'r2', amountFen: 1_800_000, summary: '3号井维修', account: '经营支出' },
    { rowId: 'r3', amountFen: 95_050, summary: '路灯电费', account: '公益支出' },
  ],
  other: { fen: 50_000, accountIds: ['t:out-8'] },
  closingFen: 35_200_000,
  households: 293,
  persons: 1024,
  expiring: ['c1', 'c2'],
  openQuestions: 3,
  ...over,
});

it('writes amounts in 元 under 1万 and in 万元 to two places above', () => {
  expect(amountText(95_050)).toBe('950.50元');
  expect(amountText(50_000)).toBe('500元');
  expect(amountText(12_345_678)).toBe('12.35万元');
  expect(amountText(123_456_789_00)).toBe('12345.68万元');
});

it('writes about 200 characters in sentences of at most SENTENCE_MAX characters', () => {
  const s = plainSummary('杨家村', facts());
  expect(Array.from(s.text).length).toBeGreaterThan(120);
  expect(Array.from(s.text).length).toBeLessThan(260);
  for (const sentence of sentencesOf(s.text)) expect(Array.from(sentence).length).toBeLessThanOrEqual(SENTENCE_MAX);
  expect(s.text).toContain('本季度村里收入12.35万元，支出8.20万元。');
  expect(s.text).toContain('收入比去年同期多12%。');
  expect(s.text).toContain('最大的支出3.20万元，用于“村道硬化工程款第二期”。');
  expect(s.text).toContain('合每户1,201元，每人344元。');
  expect(s.text).toContain('下季度有2份出租合同到期。');
  expect(s.text).toContain('村民的问题还有3件没答复。');
});

it('says so, with no figures, when last year cannot be compared like with like', () => {
  const s = plainSummary('杨家村', facts({ comparison: { comparable: false, reason: '去年第三季度只有 7–8 月的账（缺 9 月），无法比较' } }));
  expect(s.text).toContain('去年同期的账不全，不和去年比。');
  expect(s.text).not.toMatch(/去年[^。]*\d/);
});

it('puts every number of the text in a linked number segment, with its value and unit', () => {
  const s = plainSummary('杨家村', facts());
  let at = 0;
  const spans = s.segments.map((seg) => {
    const span = { seg, from: at, to: at + seg.text.length };
    at += seg.text.length;
    return span;
  });
  for (const n of numbersIn(s.text)) {
    const span = spans.find((x) => x.from <= n.at && n.at < x.to);
    // Numbers in a quoted 摘要 are the row's own words, linked to the row.
    expect(span?.seg.number ?? span?.seg.quote).toBeTruthy();
  }
  expect(s.segments.filter((x) => x.number).length).toBeGreaterThanOrEqual(12);
});

it('never uses a jargon term without its plain words', () => {
  const s = plainSummary('杨家村', facts({ top: [{ rowId: 'r1', amountFen: 100, summary: '支付发包合同公证费', account: '其他支出' }] }));
  const sentences = sentencesOf(s.text);
  expect(jargonIn(s.text)).toContain('发包');
  sentences.forEach((sentence, i) => {
    for (const term of jargonIn(sentence)) {
      if (sentence === glossOf(term)) continue;
      expect([sentence, sentences[i + 1]].join('')).toContain(glossOf(term));
    }
  });
  // The plain words are plain: no term explains another.
  for (const plain of Object.values(JARGON)) expect(jargonIn(plain)).toEqual([]);
});

it(`writes a 广播稿 of about ${BROADCAST_MINUTES} minutes at ${BROADCAST_CHARS_PER_MINUTE} characters a minute, and a 短信 of at most ${SMS_MAX}`, () => {
  for (const f of [facts(), facts({ openQuestions: 0, expiring: [], closingFen: null }), facts({ incomeFen: 1_234_567_890_00 })]) {
    const s = plainSummary('很长很长名字的杨家村', f);
    const minutes = Array.from(s.broadcast).length / BROADCAST_CHARS_PER_MINUTE;
    expect(minutes).toBeGreaterThan(1.2);
    expect(minutes).toBeLessThan(2.6);
    expect(s.broadcast).toContain(s.text);
    expect(Array.from(s.sms).length).toBeLessThanOrEqual(SMS_MAX);
    expect(s.sms).toContain(amountText(f.incomeFen));
  }
});

it('publishes the words with a table of sources, and reads the links back from it', () => {
  const s = plainSummary('杨家村', facts());
  const back = summaryFromBody('2026Q3', s.title, plainBody(s));
  expect(back).toEqual(s);
});

it('reads Arabic and Chinese numerals', () => {
  expect(chineseToNumber('一万二千三百四十五')).toBe(12345);
  expect(chineseToNumber('十二')).toBe(12);
  expect(chineseToNumber('二〇二六')).toBe(2026);
  expect(chineseToNumber('三')).toBe(3);
  expect(chineseToNumber('两千零五')).toBe(2005);
  expect(chineseToNumber('一亿零三万')).toBe(100_030_000);
  expect(chineseToNumber('村')).toBeNull();
  expect(numbersIn('收入12.35万元，全村1,024人，第三大的支出，5%').map((n) => n.value)).toEqual([123500, 1024, 3, 5]);
});
