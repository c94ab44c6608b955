import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ActionKey } from '../../types/api';
import type { Role } from '../../types/roles';
import { identityApi } from '../services/identity';
import { useRequest, type RequestState } from './useRequest';
import type { VillageStatus } from '../../types/identity';

export interface VillagePage {
  villageId: string;
  params: Record<string, string | undefined>;
  /** The caller's standing in this village; pages wait for it before asking for what only a role may read. */
  status: RequestState<VillageStatus>;
  /** Who the caller is here; whether to offer a control is `can`'s to say wherever one action decides it. */
  roles: Role[];
  /** The server says the caller may run this action here (false while the status is loading). */
  can: (action: ActionKey) => boolean;
  /** Bumped by `reload`: put it in a request key so the page reads again after a write. */
  version: number;
  reload: () => void;
}

/**
 * The header every village page repeats: which village (from the link), who the caller is there,
 * and a version to read again after a write. `name` keeps each page's status request apart.
 */
export function useVillagePage(name: string): VillagePage {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [version, setVersion] = useState(0);
  const status = useRequest(villageId ? `${name}-status:${villageId}` : null, () => identityApi.status(villageId));
  const roles = status.data?.roles ?? [];
  const can = (action: ActionKey) => status.data?.can.includes(action) ?? false;
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { villageId, params, status, roles, can, version, reload };
}
