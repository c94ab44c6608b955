import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureWeapp, PACKAGE_LIMIT_BYTES } from '../../scripts/lib/package-size';

/** Checks what `npm run build:weapp` produced (npm test builds it before jest runs). */
const ROOT = resolve(__dirname, '..', '..');
const OUT = join(ROOT, 'dist', 'weapp');

function allText(dir: string, ext: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .flatMap((p) => (statSync(p).isDirectory() ? [allText(p, ext)] : p.endsWith(ext) ? [readFileSync(p, 'utf8')] : []))
    .join('\n');
}

beforeAll(() => {
  if (!existsSync(join(OUT, 'app.json'))) throw new Error('Build first: npm run build:weapp (npm test does it).');
});

it('declares the pages and the 首页 / 我的 tab bar in app.json', () => {
  const app = JSON.parse(readFileSync(join(OUT, 'app.json'), 'utf8'));
  expect(app.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/village/index', 'pages/mine/index']));
  expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['首页', '我的']);
  for (const page of app.pages) expect(existsSync(join(OUT, `${page}.js`))).toBe(true);
});

it('keeps the main package and every subpackage under the 2 MB platform limit', () => {
  const sizes = measureWeapp(OUT);
  expect(sizes.main).toBeLessThan(PACKAGE_LIMIT_BYTES);
  for (const bytes of Object.values(sizes.subpackages)) expect(bytes).toBeLessThan(PACKAGE_LIMIT_BYTES);
});

it('carries only the NutUI styles of components the app uses', () => {
  const css = allText(OUT, '.wxss');
  const has = (selector: string) => css.includes(selector);
  // Used, so present; never imported anywhere, so their styles must not ride along.
  expect({ button: has('.nut-button'), empty: has('.nut-empty'), calendar: has('.nut-calendar'), video: has('.nut-video') }).toEqual({
    button: true,
    empty: true,
    calendar: false,
    video: false,
  });
});

it('leaves the local-only dev persona switcher out of the mini-program', () => {
  const js = allText(OUT, '.js');
  // Booleans, so a failure does not print the whole bundle.
  expect({ header: js.includes('x-dev-persona'), route: js.includes('/dev/personas') }).toEqual({ header: false, route: false });
});
