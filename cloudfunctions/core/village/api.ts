// The village capability's face for other capabilities: what they may use of villages.
// Villages and townships as everyone reads them, and the township's settings with their defaults.
export { DEFAULT_SETTINGS, settingsOf, type TownshipDoc, type TownshipSettings, type VillageDoc } from './model';
// What prints (the notice board) show of the village: its chain head and the supervisors' hotline.
export { headStamp } from './history';
export { hotlineText } from './rules';
// The roster shows phone numbers masked the same way the village pages do.
export { maskPhone } from './rules';
// The hourly timer (core/scheduler.ts) puts village heads on their township's chain once a day.
export { recordVillageHeads } from './history';
// Who may call each of the function's actions: composed with the other functions' tables into what
// identity tells a caller they may do (core/permissions.ts).
export { villagePolicy } from './policy';
