import fc from 'fast-check';
import { ErrorCodes } from '../../types/errors';
import { CALLERS, MATRIX } from '../helpers/action-samples';
import { functionsHost } from '../helpers/host';

/**
 * Every action of every function, fed what a careless or hostile client might send: anything at
 * all, a valid call with one field swapped for something nasty (wrong type, huge string, emoji,
 * operator-looking objects, negative or fractional money, impossible dates), a field missing, a
 * field too many. Every answer must be an envelope with a known code and a Chinese message, never
 * INTERNAL, and a refused call must leave every collection's row count as it was.
 */
const host = functionsHost();

// Each CI run draws a new seed, so runs add up over time; FUZZ_RUNS=1000 for a deep pass.
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const CODES = new Set<string>(ErrorCodes);
const CHINESE = /[\u4e00-\u9fa5]/;
// Rate-limit counters exist to count attempts, refused ones included.
const COUNTED_ON_REFUSAL = new Set(['c_attempts']);

const NASTY: unknown[] = [
  '',
  ' ',
  'x'.repeat(100_000),
  '😀'.repeat(2_000),
  '\u0000\u202e',
  "'; DROP TABLE c_people; --",
  '" OR 1=1 --',
  { $gt: '' },
  { $where: 'sleep(1000)' },
  { $ne: null },
  { __proto__: { admin: true } },
  '__proto__',
  'constructor',
  [],
  [{ $gt: '' }],
  null,
  true,
  0,
  -1,
  -0.01,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '2026-13-45',
  '9999-12-31T99:99:99Z',
  '0000-00-00',
  '1900-01-01T00:00:00Z',
  '../../etc/passwd',
  '<script>alert(1)</script>',
];

type Json = Record<string, unknown>;

/** Paths to every field of a sample input, nested ones as a.b. */
function paths(v: unknown, prefix = ''): string[] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  return Object.entries(v as Json).flatMap(([k, x]) => [prefix + k, ...paths(x, `${prefix}${k}.`)]);
}

function withField(sample: unknown, path: string, value: unknown, remove = false): unknown {
  const copy = structuredClone(sample) as Json;
  const keys = path.split('.');
  let at: Json = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Json;
  if (remove) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
  return copy;
}

function inputs(sample: unknown): fc.Arbitrary<unknown> {
  const fields = paths(sample);
  const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.double(), fc.integer());
  const options: fc.Arbitrary<unknown>[] = [
    fc.jsonValue({ maxDepth: 3 }),
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), nasty).map(([k, v]) => ({ ...(sample as Json), [k]: v })),
  ];
  if (fields.length) {
    options.push(fc.tuple(fc.constantFrom(...fields), nasty).map(([p, v]) => withField(sample, p, v)));
    options.push(fc.constantFrom(...fields).map((p) => withField(sample, p, undefined, true)));
  }
  return fc.oneof(...options);
}

function counts(): Record<string, number> {
  const db = host.store.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%'").all() as { name: string }[];
  // A collection first looked at by a refused call gets its (empty) table then: no rows, nothing written.
  const all = tables
    .filter((t) => !COUNTED_ON_REFUSAL.has(t.name))
    .map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n] as const);
  return Object.fromEntries(all.filter(([, n]) => n > 0));
}

const personas = Object.values(CALLERS).filter((p): p is NonNullable<typeof p> => !!p);
const cases = Object.entries(MATRIX).flatMap(([fn, actions]) => Object.entries(actions).map(([action, { input }]) => [fn, action, input] as const));

it.each(cases)('%s.%s answers every bad input with a clear code and writes nothing when it refuses', async (fn, action, sample) => {
  await fc.assert(
    fc.asyncProperty(inputs(sample), fc.constantFrom(...personas), async (data, persona) => {
      const before = counts();
      const res = await host.send(fn, action, data, persona);
      const body = res.body;
      expect(typeof body).toBe('object');
      if (body.ok === true) return;
      expect(body.ok).toBe(false);
      expect(CODES.has(body.error.code)).toBe(true);
      expect(body.error.code).not.toBe('INTERNAL');
      expect(body.error.message).toMatch(CHINESE);
      expect(counts()).toEqual(before);
    }),
    { numRuns: RUNS },
  );
});

it('leaves the SQLite file intact', () => {
  expect(host.store.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
});

it('answers a body that is not an action call at all with an envelope', async () => {
  for (const body of ['', 'null', '[]', '{"action":1}', '{"action":"get","data":{"villageId":{"$gt":""}}}', '{'.repeat(10_000), 'x'.repeat(3_000_000)]) {
    const res = await host.post('/api/village', body);
    expect(res.body).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.stringMatching(CHINESE) } });
  }
});
