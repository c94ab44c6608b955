import { C } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import type { MatterView } from '../../types/matters';
import type { CrossVillagePerson, RosterPreview } from '../../types/roster';
import { functionsHost } from '../helpers/host';
import { xlsxBase64, type RosterRow } from '../helpers/roster-file';

/**
 * One person, one village: someone on two villages' rosters (they live in one, their 户籍 is in the
 * other) is shown when the second roster goes in, the township sees them, and they vote in the
 * 村民会议 of the village holding their 户籍 only — even with an account verified in both.
 */
const host = functionsHost();

const DAY = 24 * 3600 * 1000;
const HEADER = [...demoRosterSheet(DEMO_VILLAGES[0], 0).header, '户籍所在村'];
const yangjia = demoRosterSheet(DEMO_VILLAGES[0], 0).rows.map((r) => [...r.cells]);
const doufuli = demoRosterSheet(DEMO_VILLAGES[1], 1).rows.map((r) => [...r.cells, '']);
/** 杨家村's 杨德福 (row 0, whose account is the 杨家村 villager persona) lives in 豆腐李村 now. */
const DEFU = yangjia[0];
const defuIn豆腐李 = (hukou: string): RosterRow => [DEFU[0], DEFU[1], DEFU[2], 'Y101', '户主', '第1组', DEFU[6], '否', '否', '否', '否', hukou];
const fileWith = (hukou: string) => xlsxBase64([...doufuli, defuIn豆腐李(hukou)], HEADER);

const ok = async (fn: string, action: string, data: Record<string, unknown>, persona?: string) => {
  const body = (await host.send(fn, action, data, persona)).body;
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
  return body.data;
};
const personIn = async (villageId: string, name: string) =>
  (await host.store.collection<PersonDoc>(C.people).find({ where: { villageId, nameKey: name }, limit: 2 }))[0];

/** A matter at 决议 put to a 村民会议 (adults, or 户代表): the steps before it are tested elsewhere. */
async function villagersVote(villageId: string, body: 'villagers' | 'households'): Promise<string> {
  let m: MatterView = await ok(
    'matters',
    'propose',
    { villageId, title: '修建村文化广场', summary: '在村委会西侧空地建文化广场，供村民活动。', decisionBody: body },
    `${villageId}-secretary`,
  );
  m = await ok('matters', 'discuss', { villageId, matterId: m.id, agreed: true, record: '两委联席会议同意提交。' }, `${villageId}-secretary`);
  await host.store.collection(C.matters).update(m.id, { stage: '决议' });
  m = await ok(
    'matters',
    'openVote',
    { villageId, matterId: m.id, closesAt: new Date(host.clock.now().getTime() + 3 * DAY).toISOString() },
    `${villageId}-director`,
  );
  return m.meetings.at(-1)!.id;
}

describe('the same person on two villages’ rosters', () => {
  it('is refused when both rosters would hold their 户籍, naming the other village', async () => {
    const preview: RosterPreview = await ok(
      'roster',
      'previewImport',
      { villageId: 'doufuli', fileName: '豆腐李村花名册.xlsx', fileBase64: await fileWith('') },
      'doufuli-secretary',
    );
    expect(preview.errors).toEqual([
      {
        row: 34,
        column: '户籍所在村',
        message: expect.stringContaining(`${DEFU[0]}（${preview.crossVillage[0].idMasked}）也在杨家村的花名册上，户籍登记在杨家村`),
      },
    ]);
  });

  it('is shown in the preview with the masked ID and the other village, and goes in with 户籍 elsewhere', async () => {
    const fileBase64 = await fileWith('杨家村');
    const preview: RosterPreview = await ok(
      'roster',
      'previewImport',
      { villageId: 'doufuli', fileName: '豆腐李村花名册.xlsx', fileBase64 },
      'doufuli-secretary',
    );
    expect(preview.errors).toEqual([]);
    expect(preview.crossVillage).toEqual([
      {
        row: 34,
        name: DEFU[0],
        idMasked: expect.stringMatching(/^3716\*{10}[\dX]{4}$/),
        otherVillageName: '杨家村',
        sameName: true,
        hukouHere: false,
        otherHukouHere: true,
      },
    ]);
    expect(preview.hasHukou).toBe(true);
    expect(await ok('roster', 'commitImport', { villageId: 'doufuli', fileName: '豆腐李村花名册.xlsx', fileBase64 }, 'doufuli-secretary')).toMatchObject({
      added: 1,
    });
    expect(await personIn('doufuli', String(DEFU[0]))).toMatchObject({ hukouHere: false, hukouPlace: '杨家村' });
    // The 户籍 column says so on the roster list, in words.
    const list = await ok('roster', 'list', { villageId: 'doufuli', page: 1 }, 'doufuli-supervisor');
    expect(list.total).toBe(33);
  });

  it('is on the township’s list, for the admin and the 纪委 and nobody in the villages', async () => {
    for (const who of ['township-admin', 'township-discipline']) {
      const { people } = (await ok('roster', 'crossVillage', { townshipId: 'huangsheng' }, who)) as { people: CrossVillagePerson[] };
      expect(people).toEqual([
        {
          idMasked: expect.stringMatching(/^3716\*{10}/),
          hukou: 'one',
          villages: [
            { villageId: 'doufuli', villageName: '豆腐李村', name: DEFU[0], hukouHere: false },
            { villageId: 'yangjia', villageName: '杨家村', name: DEFU[0], hukouHere: true },
          ],
        },
      ]);
    }
    for (const who of ['doufuli-secretary', 'yangjia-supervisor', 'yangjia-villager']) {
      expect((await host.call('roster', 'crossVillage', { townshipId: 'huangsheng' }, who)).body.error.code).toBe('PERMISSION_DENIED');
    }
  });

  it('with one account verified in both villages, votes in the 村民会议 of the village holding their 户籍 only', async () => {
    // 杨德福's own WeChat (the 杨家村 villager persona) verifies in 豆腐李村 too: the name with a
    // space, the ID in full-width digits in groups.
    const fullWidth = String(DEFU[2])
      .replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
      .replace(/(.{6})(.{8})/, '$1 $2 ');
    const status = await ok(
      'identity',
      'verify',
      { villageId: 'doufuli', name: `${String(DEFU[0]).slice(0, 1)} ${String(DEFU[0]).slice(1)}`, idNumber: fullWidth, phoneCode: `dev:${DEFU[6]}` },
      'yangjia-villager',
    );
    expect(status).toMatchObject({ verified: true });

    const here = await villagersVote('yangjia', 'villagers');
    const there = await villagersVote('doufuli', 'villagers');
    expect(await ok('matters', 'vote', { villageId: 'yangjia', meetingId: here, choice: '同意' }, 'yangjia-villager')).toMatchObject({ choice: '同意' });
    const refused = (await host.call('matters', 'vote', { villageId: 'doufuli', meetingId: there, choice: '同意' }, 'yangjia-villager')).body;
    expect(refused.error).toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('不在这次村民会议') });

    // Not as 户代表 of his household in 豆腐李村 either.
    const households = await villagersVote('doufuli', 'households');
    const { people } = await ok('matters', 'electorate', { villageId: 'doufuli', meetingId: households }, 'doufuli-supervisor');
    const defu = await personIn('doufuli', String(DEFU[0]));
    expect(people.some((p: { personId: string }) => p.personId === defu._id)).toBe(false);
    // 豆腐李村's own 11 household heads, not a 12th.
    expect(people.length).toBe(11);
  });

  it('votes in neither while both rosters claim the 户籍 (as rosters imported before the column did)', async () => {
    const defu = await personIn('doufuli', String(DEFU[0]));
    await host.store.collection(C.people).update(defu._id, { hukouHere: true });
    // A new matter's 村民会议 in 杨家村: the list is drawn when voting opens.
    const yangjiaMeeting = await villagersVote('yangjia', 'villagers');
    const refused = (await host.call('matters', 'vote', { villageId: 'yangjia', meetingId: yangjiaMeeting, choice: '同意' }, 'yangjia-villager')).body;
    expect(refused.error.code).toBe('PERMISSION_DENIED');
    await host.store.collection(C.people).update(defu._id, { hukouHere: false });
  });
});
