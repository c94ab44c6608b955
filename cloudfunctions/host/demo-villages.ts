import { DEFAULT_SETTINGS, type TownshipDoc, type VillageDoc } from '../core/shared/records';

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

/** A demo village and the people its personas are named after. */
export interface DemoVillage {
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
