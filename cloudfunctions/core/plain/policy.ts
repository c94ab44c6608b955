import { CADRES, type Rule } from '../shared/policy';

// Who may read and write the 明白账: the plain function's whole table.

export const plainPolicy = {
  // Published words about published books: whoever scanned the village's code reads them.
  summary: { allow: 'anyone' },
  // The 两委 read the 广播稿 and 短信 before publication, and draft the quarter's item.
  preview: { allow: CADRES, scope: 'village' },
  draft: { allow: CADRES, scope: 'village' },
} satisfies Record<string, Rule>;
