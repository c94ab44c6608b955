import { call } from './transport';

/** 我家: what the village has published about one household. */
export const householdApi = {
  /** The caller's own household (a verified villager). */
  mine: (villageId: string) => call('household', 'mine', { villageId }),
  /** The 监委会 looks at the household of `personId`, saying why (recorded, and told to the household). */
  inspect: (villageId: string, personId: string, reason: string) => call('household', 'inspect', { villageId, personId, reason }),
};

/** The page of one household: the caller's own, or (for the 监委会) the household of a roster person. */
export const householdUrl = (villageId: string, personId?: string) =>
  `/pages/household/index?villageId=${villageId}${personId ? `&personId=${encodeURIComponent(personId)}` : ''}`;
