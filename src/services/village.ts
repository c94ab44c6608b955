import { call } from './transport';

/** The `village` function, one typed call per action. */
export const villageApi = {
  resolveCode: (code: string) => call('village', 'resolveCode', { code }),
  get: (villageId: string) => call('village', 'get', { villageId }),
  supervisorPhone: (villageId: string) => call('village', 'supervisorPhone', { villageId }),
};
