import { C } from '../../cloudfunctions/core/collections';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import { functionsHost } from '../helpers/host';

/**
 * The attack: public lists show 3716**********1138; the hidden digits are the county (public) and
 * the birth date. A neighbour who knew the victim's birth month had three candidates, and the
 * second guess bound their own WeChat to 杨国庆, who could then vote, co-sign and report in his
 * name. Here the neighbour knows the full ID number outright — and still cannot bind: their own
 * phone is not the one on the roster, and the 监委会, asked to confirm in person, turns them down.
 * When the real person binds, their household head and the 监委会 hear of it.
 */
jest.setTimeout(60000);

const V = 'yangjia';
const sheet = demoRosterSheet(DEMO_VILLAGES[0], 0);
// A villager with a number on the roster and no account yet, who is not a household head.
const victim = sheet.rows.findIndex((r, n) => n > 9 && r.cells[6] && r.cells[4] !== '户主');
const person = {
  name: String(sheet.rows[victim].cells[0]),
  id: String(sheet.rows[victim].cells[2]),
  phone: String(sheet.rows[victim].cells[6]),
  household: String(sheet.rows[victim].cells[3]),
};
const host = functionsHost();

async function account(key: string): Promise<string> {
  await host.store.collection(PERSONAS).set(key, { label: key, openid: `dev-openid-${key}`, villageId: null, roles: [] });
  return key;
}

it('shows no birth date in any masked ID number anyone can read', async () => {
  const seen = JSON.stringify([
    (await host.call('identity', 'whoami', {}, `${V}-villager`)).body,
    (await host.call('roster', 'list', { villageId: V }, `${V}-secretary`)).body,
  ]);
  const masked = [...seen.matchAll(/\d{4}\*+[\dX]{4}/g)].map((m) => m[0]);
  expect(masked.length).toBeGreaterThan(10);
  for (const m of masked) expect(m).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
});

it('does not bind a neighbour who knows the name and the full ID number', async () => {
  const neighbour = await account('neighbour');
  // Their own phone: not the one the roster has for the victim.
  const byPhone = await host.call('identity', 'verify', { villageId: V, name: person.name, idNumber: person.id, phoneCode: 'dev:13966667777' }, neighbour);
  expect(byPhone.body.error.code).toBe('FAILED_PRECONDITION');
  // Asking the 监委会 instead only files a request: nothing is bound yet.
  const asked = await host.call('identity', 'verify', { villageId: V, name: person.name, idNumber: person.id }, neighbour);
  expect(asked.body.data).toMatchObject({ verified: false, pending: true });
  expect((await host.call('identity', 'whoami', {}, neighbour)).body.data.villages).toEqual([]);
  // So they cannot act in the victim's name: no co-signing, no named report, no vote.
  const proposal = (await host.call('matters', 'list', { villageId: 'diquan' })).body.data.matters[0];
  expect((await host.call('matters', 'cosign', { villageId: V, matterId: proposal?.id ?? '0123456789abcdef0123' }, neighbour)).body.error.code).toMatch(
    /PERMISSION_DENIED|NOT_FOUND/,
  );
  expect(
    (await host.call('tickets', 'file', { villageId: V, kind: 'report', category: '村务类', text: '实名反映：……', anonymous: false }, neighbour)).body.error
      .code,
  ).toBe('PERMISSION_DENIED');
  // The 监委会, meeting them, sees it is not the person and turns it down; the neighbour is told.
  const { requests } = (await host.call('identity', 'bindRequests', { villageId: V }, `${V}-supervisor`)).body.data;
  const request = requests.find((r: { name: string }) => r.name === person.name);
  expect((await host.call('identity', 'decideBind', { villageId: V, requestId: request.id, approve: false }, `${V}-supervisor`)).body.error.code).toBe(
    'INVALID_ARGUMENT',
  );
  await host.call('identity', 'decideBind', { villageId: V, requestId: request.id, approve: false, note: '不是本人，本人说没有申请' }, `${V}-supervisor`);
  const told = (await host.call('identity', 'inbox', {}, neighbour)).body.data.messages.map((m: { text: string }) => m.text);
  expect(told).toContain('村务监督委员会没有确认您的认证申请：不是本人，本人说没有申请');
  expect((await host.call('identity', 'status', { villageId: V }, neighbour)).body.data).toMatchObject({ verified: false, pending: false });
});

it('tells the household head and the 监委会 when the person binds', async () => {
  // The household head and the 监委会 members need accounts to be told: bind the head first.
  const people = host.store.collection<{ _id: string; boundOpenid: string | null; name: string }>(C.people);
  // By household, not by name: two households of the demo have a head of the same name.
  const [headDoc] = await people.find({ where: { villageId: V, householdNo: person.household, isHouseholdHead: true }, limit: 1 });
  if (!headDoc.boundOpenid) {
    await people.update(headDoc._id, { boundOpenid: 'dev-openid-household-head' });
    await host.store.collection(C.bindings).set(`${V}:dev-openid-household-head`, {
      villageId: V,
      openid: 'dev-openid-household-head',
      personId: headDoc._id,
      boundAt: host.clock.now().toISOString(),
    });
    await host.store.collection(PERSONAS).set('household-head', { label: 'head', openid: 'dev-openid-household-head', villageId: V, roles: [] });
  }
  const headPersona = headDoc.boundOpenid
    ? (await host.store.collection<{ _id: string; openid: string }>(PERSONAS).find({ where: { openid: headDoc.boundOpenid }, limit: 1 }))[0]._id
    : 'household-head';
  const owner = await account('the-real-person');
  const res = await host.call('identity', 'verify', { villageId: V, name: person.name, idNumber: person.id, phoneCode: `dev:${person.phone}` }, owner);
  expect(res.body.data).toMatchObject({ verified: true });
  const headInbox = (await host.call('identity', 'inbox', {}, headPersona)).body.data.messages.map((m: { text: string }) => m.text);
  expect(headInbox).toContain(`您家户里的${person.name}刚刚用微信验证过的手机号，把一个微信认证成了本村村民。如果不是本人办的，请马上联系村务监督委员会。`);
  const supervisorInbox = (await host.call('identity', 'inbox', {}, `${V}-supervisor`)).body.data.messages.map((m: { text: string }) => m.text);
  expect(supervisorInbox).toContain(`${person.name}（户号 ${person.household}）刚刚用微信验证过的手机号认证为本村村民。如果不是本人，请核实后办理换绑。`);
});
