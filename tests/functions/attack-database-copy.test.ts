import { checkCharacter } from '../../cloudfunctions/core/people/idcard';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import { readCopy, storedDocs, storedText } from '../helpers/db-copy';
import { functionsHost } from '../helpers/host';

/**
 * The attack: with a copy of the database and no key, `idMasked` (3716**********1138) plus the
 * stored `adultOn` (birth date + 18 years) left one candidate ID number per person — 128 of 128
 * recovered. Here the seeded database is opened as its operator would, and the same
 * reconstruction is run with every date-like field a person's record holds; nobody's number is
 * singled out, and no birth date appears anywhere in the file. An anonymous report's asker is
 * not in the file either.
 */
jest.setTimeout(60000);

const host = functionsHost();
beforeAll(async () => {
  await host.call(
    'tickets',
    'file',
    { villageId: 'yangjia', kind: 'report', category: '财务类', text: '村里的账有问题，我不敢署名。', anonymous: true },
    'yangjia-villager',
  );
});

/** The demo roster's real ID numbers, as the village's own spreadsheet has them. */
function realIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [i, d] of DEMO_VILLAGES.entries()) for (const r of demoRosterSheet(d, i).rows) ids.set(String(r.cells[2]), String(r.cells[0]));
  return ids;
}

const DAY_MS = 86400000;

/** Every day someone alive could have been born on, with its form in an ID and 18 years on. */
const DAYS = (() => {
  const out: { day: string; digits: string; plus18: string }[] = [];
  for (let t = Date.UTC(1930, 0, 1); t <= Date.UTC(2025, 11, 31); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, digits: day.replace(/-/g, ''), plus18: `${Number(day.slice(0, 4)) + 18}${day.slice(4)}` });
  }
  return out;
})();

/**
 * Every ID number consistent with what the record shows: the masked form, the public county code
 * (371603, 沾化区), the gender, and — if the record holds any — birth month or adult-from day.
 */
function candidates(doc: Record<string, unknown>, enough = Infinity): string[] {
  const masked = String(doc.idMasked);
  const [prefix, suffix] = [masked.slice(0, 4), masked.slice(14)];
  const county = `${prefix}03`;
  const dates = Object.values(doc).filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v));
  const out: string[] = [];
  for (const { day, digits, plus18 } of DAYS) {
    // Any date the record keeps must fit: the birth month, or the day 18 years on.
    if (dates.length && !dates.some((x) => day.startsWith(x) || x === plus18)) continue;
    const first17 = `${county}${digits}${suffix.slice(0, 3)}`;
    if (checkCharacter(first17) === suffix[3]) out.push(first17 + suffix[3]);
    if (out.length >= enough) break;
  }
  return out;
}

it("gives nobody's ID number back from a copy of the database without the key", () => {
  const ids = realIds();
  // The reconstruction works when a record keeps a birth date: the old record gave one candidate.
  const [someId] = ids.keys();
  const birth = `${someId.slice(6, 10)}-${someId.slice(10, 12)}-${someId.slice(12, 14)}`;
  const old = { idMasked: `${someId.slice(0, 4)}${'*'.repeat(10)}${someId.slice(14)}`, adultOn: `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}` };
  expect(candidates(old)).toEqual([someId]);
  const people = storedDocs(host.dbFile, 'people').map((data) => JSON.parse(data) as Record<string, unknown>);
  expect(people.length).toBe(ids.size);
  let recovered = 0;
  for (const p of people) {
    const found = candidates(p, 1001);
    if (found.length === 1 && ids.has(found[0])) recovered += 1;
    // Over a thousand numbers fit each record: the birth date is not there to narrow them.
    expect(found.length).toBeGreaterThan(1000);
  }
  expect(recovered).toBe(0);
});

it('keeps no birth date of anyone anywhere in the file, in any form', () => {
  const text = storedText(host.dbFile);
  const hits: string[] = [];
  for (const id of realIds().keys()) {
    const birth = id.slice(6, 14);
    const forms = [
      birth,
      `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
      `${Number(birth.slice(0, 4)) + 18}-${birth.slice(4, 6)}-${birth.slice(6)}`,
    ];
    for (const f of [...forms, id]) if (new RegExp(`(?<![0-9A-Za-z])${f}(?![0-9A-Za-z])`).test(text)) hits.push(`${id}: ${f}`);
  }
  expect(hits).toEqual([]);
});

it('keeps no trace of who filed an anonymous report: no account, no person, no message to them', async () => {
  const openid = 'dev-openid-yangjia-villager';
  const countTo = (who: string) =>
    readCopy(host.dbFile, (db) => (db.prepare(`SELECT count(*) AS n FROM c_inbox WHERE json_extract(data, '$.openid') = ?`).get(who) as { n: number }).n);
  const before = countTo(openid);
  // The 监委会 answers it (私事, with guidance): the asker is told.
  const { tickets } = (await host.call('tickets', 'queue', { villageId: 'yangjia' }, 'yangjia-supervisor')).body.data;
  const t = tickets.find((x: { text: string }) => x.text === '村里的账有问题，我不敢署名。');
  expect(
    (
      await host.call(
        'tickets',
        'triage',
        { villageId: 'yangjia', ticketId: t.id, decision: '私事', reason: '请到村委会查阅本月账目，或直接问民主理财小组。' },
        'yangjia-supervisor',
      )
    ).body.ok,
  ).toBe(true);
  const messages = (await host.call('identity', 'inbox', {}, 'yangjia-villager')).body.data.messages;
  expect(messages.map((m: { text: string }) => m.text)).toContain('您反映的问题有了答复，请查看并评价。');
  // …but no stored message is addressed to their account, and the asker record is sealed.
  expect(countTo(openid)).toBe(before);
  const askers = storedDocs(host.dbFile, 'ticket_askers');
  expect(askers.length).toBeGreaterThan(0);
  for (const a of askers) {
    expect(a).not.toMatch(/dev-openid-|yangjia:/);
    expect(Object.keys(JSON.parse(a)).sort()).toEqual(['sealed', 'villageId']);
  }
});
