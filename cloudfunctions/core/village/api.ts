// The village capability's face for other capabilities: what they may use of villages.
export { headStamp } from './history';
export { hotlineText, maskPhone } from './rules';
export type { TownshipDoc } from './model';
