import { C } from '../core/collections';
import { defaultCatalogFor } from '../core/disclosure/catalog';
import { DEFAULT_SETTINGS, type TownshipDoc, type VillageCodeDoc, type VillageDoc } from '../core/village/model';
import type { DocStore } from '../ports/docstore';
import { PERSONAS, type PersonaDoc } from './personas';

/**
 * Demo township: 黄升镇 (山东省滨州市沾化区), whose 阳光工程 the system is modelled on. Village
 * names and party secretaries are those the township's own report names; the other people
 * and all phone numbers are invented.
 */
export const DEMO_TOWNSHIP: TownshipDoc = {
  _id: 'huangsheng',
  name: '黄升镇',
  county: '山东省滨州市沾化区',
  settings: DEFAULT_SETTINGS,
};

interface DemoVillage {
  village: VillageDoc;
  code: string;
  secretary: string;
  accountant: string;
  villager: string;
}

export const DEMO_VILLAGES: DemoVillage[] = [
  {
    village: {
      _id: 'yangjia',
      name: '杨家村',
      townshipId: 'huangsheng',
      enabled: true,
      supervisor: { name: '杨树林', phone: '13905437216' },
    },
    code: 'hs-yangjia',
    secretary: '李风昌',
    accountant: '杨秀梅',
    villager: '杨德福',
  },
  {
    village: {
      _id: 'doufuli',
      name: '豆腐李村',
      townshipId: 'huangsheng',
      enabled: true,
      supervisor: { name: '李学文', phone: '13705438841' },
    },
    code: 'hs-doufuli',
    secretary: '李玉海',
    accountant: '李红霞',
    villager: '李长顺',
  },
  {
    village: {
      _id: 'dajiang',
      name: '大姜村',
      townshipId: 'huangsheng',
      enabled: true,
      supervisor: { name: '姜春生', phone: '15805430392' },
    },
    code: 'hs-dajiang',
    secretary: '姜立军',
    accountant: '姜海燕',
    villager: '姜岩松',
  },
  {
    village: {
      _id: 'diquan',
      name: '堤圈村',
      townshipId: 'huangsheng',
      enabled: true,
      supervisor: { name: '张爱国', phone: '13465437780' },
    },
    code: 'hs-diquan',
    secretary: '张立新',
    accountant: '王丽娟',
    villager: '张宝田',
  },
];

/** A poster that was replaced: scanning it must land on the invalid-code page. */
export const DEMO_DISABLED_CODE = 'hs-yangjia-2023';

function personasFor(d: DemoVillage): PersonaDoc[] {
  const v = d.village;
  const p = (key: string, role: string, label: string, name: string): PersonaDoc => ({
    _id: `${v._id}-${key}`,
    label: `${v.name} · ${label} ${name}`,
    openid: `dev-openid-${v._id}-${key}`,
    villageId: v._id,
    roles: [role],
  });
  return [
    p('villager', 'villager', '村民', d.villager),
    p('secretary', 'secretary', '书记', d.secretary),
    p('accountant', 'accountant', '会计', d.accountant),
    p('supervisor', 'supervisor_chair', '监委会主任', v.supervisor?.name ?? ''),
  ];
}

export async function isEmpty(store: DocStore): Promise<boolean> {
  return (await store.collection(C.townships).count()) === 0;
}

/** Writes the demo township. Uses `set`, so running it twice leaves one copy of everything. */
export async function seedDemo(store: DocStore, now: Date): Promise<void> {
  const { _id, ...township } = DEMO_TOWNSHIP;
  await store.collection<TownshipDoc>(C.townships).set(_id, township);
  for (const item of defaultCatalogFor(_id)) {
    const { _id: id, ...rest } = item;
    await store.collection(C.catalogItems).set(id, rest);
  }
  const issuedAt = now.toISOString();
  for (const d of DEMO_VILLAGES) {
    const { _id: vid, ...village } = d.village;
    await store.collection<VillageDoc>(C.villages).set(vid, village);
    await store.collection<VillageCodeDoc>(C.villageCodes).set(d.code, { villageId: vid, enabled: true, issuedAt });
    for (const persona of personasFor(d)) {
      const { _id: pid, ...rest } = persona;
      await store.collection<PersonaDoc>(PERSONAS).set(pid, rest);
    }
  }
  await store.collection<VillageCodeDoc>(C.villageCodes).set(DEMO_DISABLED_CODE, {
    villageId: 'yangjia',
    enabled: false,
    issuedAt: '2023-03-01T00:00:00.000Z',
    disabledAt: '2026-03-01T00:00:00.000Z',
  });
  await store.collection<PersonaDoc>(PERSONAS).set('township-admin', {
    label: '黄升镇 · 镇管理员 王建华',
    openid: 'dev-openid-township-admin',
    villageId: null,
    roles: ['township_admin'],
  });
}
