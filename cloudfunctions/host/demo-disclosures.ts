import { quarterLabel } from '../core/shared/time';
import { AFFAIRS_ITEMS } from './demo-items-affairs';
import { ASSET_ITEMS } from './demo-items-assets';
import { NO_BOOKS, type Maker } from './demo-items-kit';

export { demoLandMu, type DemoBooks, type DemoContext, type DemoItem } from './demo-items-kit';

/**
 * Content for each default catalog item, by `<category#>-<item#>`. Figures the books also hold
 * (pay, balances, subsidies received, contract fees, rent, project payments) are read from the
 * quarter's published books; lists of people come from the roster. 3-1, 3-2 and 3-4 are not
 * here: the demo drafts them with the product's own 生成本季度财务公开 (`LEDGER_DRAFTED`).
 */
export const DEMO_ITEMS: Record<string, Maker> = { ...AFFAIRS_ITEMS, ...ASSET_ITEMS };

/** Items the demo drafts with the product's 生成本季度财务公开, from the published ledger. */
export const LEDGER_DRAFTED = ['3-1', '3-2', '3-4'];

/** Every catalog item the demo publishes, in catalog order. */
export const DEMO_CODES = [...Object.keys(DEMO_ITEMS), ...LEDGER_DRAFTED].sort();

/** What a quarter says for the ledger items when none of its months is signed. */
export const NO_BOOKS_ITEMS: Record<string, Maker> = {
  '3-1': (c) => ({ title: `${quarterLabel(c.q)}月度收支明细`, body: [{ type: 'paragraph', text: NO_BOOKS }] }),
  '3-2': (c) => ({ title: `${quarterLabel(c.q)}收支汇总`, body: [{ type: 'paragraph', text: NO_BOOKS }] }),
  '3-4': (c) => ({ title: `${quarterLabel(c.q)}招待费、办公费等非生产性开支`, body: [{ type: 'paragraph', text: NO_BOOKS }] }),
};

export { numbers } from './demo-numbers';
