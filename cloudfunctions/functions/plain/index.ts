// Deployable entry of the `plain` cloud function (明白账: a published quarter in plain words, 广播稿, 短信).
import { cloudMain } from '../../adapters/cloudbase/main';
import { plainFunction } from '../../core/plain';

export const main = cloudMain(plainFunction);
