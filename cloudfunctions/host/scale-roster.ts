import dayjs from 'dayjs';
import { C } from '../core/collections';
import type { BindingDoc } from '../core/caller/api';
import { checkCharacter } from '../core/people/idcard';
import { isAdultOn } from '../core/people/model';
import type { PersonDoc } from '../core/shared/records';
import { checkRoster } from '../core/people/roster';
import type { Sheet } from '../core/sheets/api';
import { ZONE } from '../core/shared/time';
import type { VillageCodeDoc } from '../core/village/model';
import type { VillageDoc } from '../core/shared/records';
import type { Role } from '../../types/roles';
import { PERSONA_ROLES } from './demo-roster';
import { PERSONAS, type PersonaDoc } from './personas';
import { DAY, openidOf, SCALE_TOWNSHIP, type ScaleRun, type ScaleVillage } from './scale-plan';

const SURNAMES = '王李刘张马高孙赵郭陈杜邢韩崔冯田宋吕袁蒋于许魏范邱侯苏彭阎石贾金段雷龙白秦'.split('');
const GIVEN = [
  '德福',
  '秀英',
  '建国',
  '桂兰',
  '明亮',
  '春花',
  '志强',
  '玉梅',
  '海涛',
  '淑珍',
  '文斌',
  '晓燕',
  '国庆',
  '红梅',
  '立新',
  '翠萍',
  '永胜',
  '凤霞',
  '长江',
  '丽娟',
  '振华',
  '月琴',
  '光明',
  '金凤',
];
const RELATIONS = ['户主', '配偶', '子女', '子女'];
/**
 * Roster rows 0–6 hold the village's posts, in the demo seed's order, with a 民主理财小组 of one:
 * the scale villages measure load, not the demo's household rules or joint signing.
 */
export const POSTS: [key: string, roles: Role[]][] = PERSONA_ROLES.filter(([key]) => !/^finance-\d$/.test(key)).map(([key, roles]) => [key, roles]);
const BOUND_SHARE = 0.35;
/** Days in each generation's birth range (40 years less a few days, so 1980-01-01 is never reached by heads). */
const BIRTH_DAYS = 14_600;

/**
 * A roster sheet of `size` people in households of four, every ID number distinct across the
 * whole township: the scale data has no one on two rosters, so every adult is in each 村民会议's
 * electorate (openVote leaves out anyone another village also claims) and scale-votes can give
 * each a ballot. An ID number here is (birth date, sequence), and:
 * - heads and spouses are born in 1940–1979, children in 1980–2019: the two ranges never meet;
 * - within a range the day is `n` times a prime stride modulo the range's 14,600 days, so two
 *   rows share a birth date only if they share `n` (rosters stay far below 14,600);
 * - the sequence is `100 + (37 × village index + n) mod 900`, so rows with the same `n` in two villages
 *   differ in it unless their indexes differ by a multiple of 900.
 * (Heads once spanned 1940–1985, overlapping the children's range, so villages 30 apart shared a
 * few ID numbers and the votes phase failed; seedScaleRosters now stops on any such repeat.)
 */
export function scaleRosterSheet(v: ScaleVillage, index: number): Sheet {
  const header = ['姓名', '性别', '身份证号', '户号', '与户主关系', '村民小组', '联系电话', '党员', '村民代表', '低保户', '现役军人'];
  const surname = SURNAMES[index % SURNAMES.length];
  const base = dayjs('1940-01-01');
  const rows = Array.from({ length: v.size }, (_, n) => {
    const household = Math.floor(n / 4);
    const relation = RELATIONS[n % 4];
    const start = relation === '子女' ? base.add(40, 'year') : base;
    const birth = start.add((n * 7919) % BIRTH_DAYS, 'day').format('YYYYMMDD');
    const first17 = `371603${birth}${String(100 + ((index * 37 + n) % 900)).slice(-3)}`;
    const id = first17 + checkCharacter(first17);
    const given = GIVEN[(n * 7 + index) % GIVEN.length];
    return {
      row: n + 2,
      cells: [
        `${relation === '配偶' ? SURNAMES[(index + n) % SURNAMES.length] : surname}${given}${n >= GIVEN.length ? n : ''}`.slice(0, 20),
        Number(id[16]) % 2 === 1 ? '男' : '女',
        id,
        `H${String(household + 1).padStart(4, '0')}`,
        relation,
        `第${(household % 8) + 1}组`,
        n % 3 === 0 ? `138${String(54_300_000 + index * 10_000 + n).slice(-8)}` : null,
        n % 19 === 1 || n === 1 ? '是' : '否',
        n % 60 === 0 || n === 1 ? '是' : '否',
        n % 37 === 5 ? '是' : '否',
        n % 211 === 14 ? '是' : '否',
      ],
    };
  });
  return { header, rows };
}

/** Rosters, posts, codes and personas, each village's from a sheet the import's checks pass. */
export async function seedScaleRosters(run: ScaleRun): Promise<void> {
  const { store, idKey, now, o, counts, log, batch, villages, rosters } = run;
  const t = SCALE_TOWNSHIP;
  const today = dayjs.tz(now, ZONE).format('YYYY-MM-DD');
  // Every ID hash written so far, with its village: a repeat would be a cross-village person
  // that openVote leaves out and scale-votes would still give a ballot, so it stops here instead.
  const seen = new Map<string, string>();
  for (const [i, v] of villages.entries())
    await batch(async () => {
      const { people, errors } = await checkRoster(scaleRosterSheet(v, i), v.id, idKey);
      if (errors.length) throw new Error(`scale roster of ${v.name} is invalid: ${JSON.stringify(errors[0])}`);
      const holders: Partial<Record<Role, string[]>> = {};
      const docs: PersonDoc[] = [];
      const adults: PersonDoc[] = [];
      const bound = new Set<string>();
      const issuedAt = new Date(now.getTime() - o.years * 366 * DAY).toISOString();
      for (const [n, draft] of people.entries()) {
        const other = seen.get(draft.idHash);
        if (other) throw new Error(`scale roster of ${v.name}: row ${n + 2} has the ID number of someone on ${other}'s roster`);
        seen.set(draft.idHash, v.id);
        const post = n < POSTS.length ? POSTS[n] : null;
        const adult = isAdultOn(idKey, draft as PersonDoc, today);
        // Posts are always bound; a share of the other adults has bound WeChat too.
        const openid = post ? openidOf(v.id, post[0]) : adult && (n * 7) % 100 < (o.boundShare ?? BOUND_SHARE) * 100 ? openidOf(v.id, `p${n}`) : null;
        const { _id, ...fields } = draft;
        const doc = { ...fields, inRoster: true, assignedRoles: post ? post[1] : [], boundOpenid: openid, importedAt: issuedAt } as PersonDoc;
        await store.collection<PersonDoc>(C.people).set(_id, doc);
        docs.push({ ...doc, _id });
        if (adult) adults.push({ ...doc, _id });
        for (const role of post ? post[1] : []) holders[role] = [...(holders[role] ?? []), _id];
        if (openid) {
          bound.add(_id);
          await store.collection<BindingDoc>(C.bindings).set(`${v.id}:${openid}`, { villageId: v.id, openid, personId: _id, boundAt: issuedAt });
        }
      }
      counts.people += docs.length;
      rosters.set(v.id, { people: docs, adults, bound });
      await store.collection(C.villageRoles).set(v.id, { holders });
      const supervisor = docs[3];
      await store
        .collection<VillageDoc>(C.villages)
        .set(v.id, { name: v.name, townshipId: t, enabled: true, supervisor: { name: supervisor.name, phone: '13905430000' } } as Omit<VillageDoc, '_id'>);
      await store.collection<VillageCodeDoc>(C.villageCodes).set(v.code, { villageId: v.id, enabled: true, issuedAt });
      for (const [key] of POSTS) {
        await store
          .collection<PersonaDoc>(PERSONAS)
          .set(`${v.id}-${key}`, { label: `${v.name} · ${key}`, openid: openidOf(v.id, key), villageId: v.id, roles: [] });
      }
      log(`  花名册 ${v.name} ${docs.length} 人`);
    });
}
