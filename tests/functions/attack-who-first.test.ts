import { C } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { CALLERS, MATRIX } from '../helpers/action-samples';
import { functionsHost } from '../helpers/host';
import { personLike } from '../helpers/people';

/**
 * The attack: `finance.fillDisclosure`, called by a visitor, answered with the title of a draft
 * under review — its state check ran before its check of who was calling. Here 杨家村 holds
 * things only its own people may read — a correction drafted and waiting for review, a row of a
 * month not yet signed, a named report, a roster person no published page names, a proposal's
 * electorate — each carrying a marker. Then every action of every function is called by a
 * visitor and by another village's villager and secretary, with the sample input and with the
 * real ids of those things, and no answer may carry a marker.
 */
jest.setTimeout(180000);

const V = 'yangjia';
const MARKERS = {
  draft: '更正草稿甲乙丙',
  row: '未公示账目丁戊',
  report: '实名反映己庚辛',
  person: '隐名壬癸',
};
const host = functionsHost();
const real: Record<string, string> = {};

async function ok(fn: string, action: string, data: unknown, persona?: string) {
  const res = await host.call(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

beforeAll(async () => {
  // A correction of a published 2026Q3 item, submitted and waiting for the 监委会.
  const ref = { villageId: V, quarter: '2026Q3', itemId: 'huangsheng:3-1' };
  await ok('disclosure', 'saveDraft', { ...ref, title: MARKERS.draft, body: [{ type: 'paragraph', text: '更正后的月度收支。' }] }, `${V}-accountant`);
  await ok('disclosure', 'submit', { ...ref, reason: '九月份少记一笔电费' }, `${V}-secretary`);
  // A row of the month still being kept (2026-11 at the host's 2026-11-23).
  const row = await ok(
    'finance',
    'addRow',
    { villageId: V, date: '2026-11-02', accountId: 'huangsheng:out-3', amountFen: 1200, counterparty: '文印社', summary: MARKERS.row, handler: '杨秀梅' },
    `${V}-accountant`,
  );
  real.rowId = row.id;
  // A named report: its text is for the 监委会, not the public.
  const t = await ok(
    'tickets',
    'file',
    { villageId: V, kind: 'report', category: '财务类', text: `${MARKERS.report}：村里的账我看不懂`, anonymous: false },
    `${V}-villager`,
  );
  real.ticketId = t.id;
  // A party member on the roster whom no published page names.
  const people = host.store.collection<PersonDoc>(C.people);
  const template = (await people.find({ where: { villageId: V, inRoster: true, partyMember: true }, limit: 1 }))[0];
  real.personId = `${V}:marker-person`;
  await people.set(
    real.personId,
    personLike(template, real.personId, { name: MARKERS.person, nameKey: MARKERS.person, householdNo: 'M1', boundOpenid: null, assignedRoles: [] }) as never,
  );
  // A proposal at 审议 with its electorate (the party members, the marker among them).
  const m = await ok(
    'matters',
    'propose',
    { villageId: V, title: '修缮村委会院墙', summary: '村委会院墙倒塌一段，提议修缮，约需 8000 元。', decisionBody: 'representatives' },
    `${V}-secretary`,
  );
  await ok('matters', 'discuss', { villageId: V, matterId: m.id, agreed: true, record: '两委同意，提交党员大会审议。' }, `${V}-director`);
  const opened = await ok(
    'matters',
    'openVote',
    { villageId: V, matterId: m.id, closesAt: new Date(host.clock.now().getTime() + 3 * 86400000).toISOString() },
    `${V}-secretary`,
  );
  real.matterId = m.id;
  real.meetingId = opened.meetings[0].id;
  const { people: electors } = await ok('matters', 'electorate', { villageId: V, meetingId: real.meetingId }, `${V}-supervisor`);
  expect(electors.map((e: { name: string }) => e.name)).toContain(MARKERS.person);
});

/** The sample input, and the same with the ids of the real things above and the open month. */
function inputsOf(sample: unknown): unknown[] {
  if (!sample || typeof sample !== 'object') return [sample];
  const s = sample as Record<string, unknown>;
  const swapped: Record<string, unknown> = { ...s };
  for (const key of ['rowId', 'ticketId', 'matterId', 'meetingId', 'personId']) if (key in s) swapped[key] = real[key];
  if ('month' in s) swapped.month = '2026-11';
  if ('period' in s) swapped.period = '2026-11';
  if ('quarter' in s) swapped.quarter = '2026Q3';
  if ('itemId' in s && 'quarter' in s) swapped.itemId = 'huangsheng:3-1';
  return [sample, swapped];
}

const OUTSIDERS = [CALLERS.visitor, CALLERS.otherVillager, CALLERS.otherSecretary];
const cases = Object.entries(MATRIX).flatMap(([fn, actions]) => Object.entries(actions).map(([act, { input }]) => [fn, act, input] as const));

it.each(cases)('%s.%s tells an outsider nothing only 杨家村 may read', async (fn, act, sample) => {
  for (const who of OUTSIDERS) {
    for (const input of inputsOf(sample)) {
      const res = await host.send(fn, act, input, who);
      const text = JSON.stringify(res.body);
      for (const [what, marker] of Object.entries(MARKERS)) {
        if (text.includes(marker)) throw new Error(`${fn}.${act} by ${who ?? 'a visitor'} revealed the ${what} (${marker}): ${text.slice(0, 300)}`);
      }
    }
  }
});
