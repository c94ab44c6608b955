// Deployable entry of the `identity` cloud function (认证、角色、审计).
import { cloudMain } from '../../adapters/cloudbase/main';
import { identityFunction } from '../../core/identity';

export const main = cloudMain(identityFunction);
