/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

/**
 * WeChat's showModal refuses a confirm or cancel text over four characters and shows nothing, so
 * an irreversible step guarded by such a question could never be taken. Every literal the app
 * passes is checked here.
 */
it('passes showModal no button text over four characters', () => {
  const root = join(__dirname, '..', '..');
  const files = execSync('git ls-files src', { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|tsx)$/.test(f));
  const long: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(root, f), 'utf8');
    for (const m of text.matchAll(/(confirmText|cancelText):\s*'([^']*)'/g)) if ([...m[2]].length > 4) long.push(`${f}: ${m[1]} '${m[2]}'`);
  }
  expect(long).toEqual([]);
});
