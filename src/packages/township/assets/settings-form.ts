import { type AssetSettings, LAND_KIND_LABEL, type LandKind } from '../../../../types/assets';
import { formatFenPlain } from '../../../../common/money';
import { parseYuan } from '../../../services/money';

/** The settings as typed: numbers as text (a half-typed field is not a number yet), prices in 元. */
export interface SettingsForm {
  termLimitYears: string;
  expiringDays: string;
  idleMonths: string;
  prices: Record<LandKind, string>;
}

export const LAND_KINDS = Object.keys(LAND_KIND_LABEL) as LandKind[];

/** The whole numbers, with what each means and the range the server takes. */
export const NUMBERS: { key: 'termLimitYears' | 'expiringDays' | 'idleMonths'; label: string; unit: string; min: number; max: number }[] = [
  { key: 'termLimitYears', label: '承包期最长', unit: '年', min: 1, max: 70 },
  { key: 'expiringDays', label: '合同到期前提前预警', unit: '天', min: 7, max: 366 },
  { key: 'idleMonths', label: '资产闲置超过', unit: '个月', min: 1, max: 36 },
];

const yuanText = (fen: number | undefined) => (fen === undefined ? '' : formatFenPlain(fen).replace(/\.00$/, ''));

export function formOf(s: AssetSettings): SettingsForm {
  return {
    termLimitYears: String(s.termLimitYears),
    expiringDays: String(s.expiringDays),
    idleMonths: String(s.idleMonths),
    prices: Object.fromEntries(LAND_KINDS.map((k) => [k, yuanText(s.referencePriceFen[k])])) as Record<LandKind, string>,
  };
}

const halfWidth = (text: string) => text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** The settings to save, or what to fix first, in words. A price left empty is not checked. */
export function settingsOf(townshipId: string, f: SettingsForm): { ok: true; settings: AssetSettings } | { ok: false; message: string } {
  const numbers: Partial<Record<(typeof NUMBERS)[number]['key'], number>> = {};
  for (const n of NUMBERS) {
    const text = halfWidth(f[n.key]);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < n.min || value > n.max) return { ok: false, message: `${n.label}请填 ${n.min} 到 ${n.max} 之间的整数（${n.unit}）。` };
    numbers[n.key] = value;
  }
  const referencePriceFen: AssetSettings['referencePriceFen'] = {};
  for (const k of LAND_KINDS) {
    if (f.prices[k].trim() === '') continue;
    const parsed = parseYuan(f.prices[k]);
    if (!parsed.ok) return { ok: false, message: `${LAND_KIND_LABEL[k]}参考价：${parsed.message}` };
    referencePriceFen[k] = parsed.fen;
  }
  return {
    ok: true,
    settings: {
      townshipId,
      termLimitYears: numbers.termLimitYears ?? 0,
      expiringDays: numbers.expiringDays ?? 0,
      idleMonths: numbers.idleMonths ?? 0,
      referencePriceFen,
    },
  };
}
