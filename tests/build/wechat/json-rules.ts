/** What WeChat accepts in app.json and in page and component json, as the DevTools check it. */
import { posix } from 'node:path';
import { isFile, type Json } from './weapp-files';

// ---------------------------------------------------------------------------------------------
// Keys WeChat accepts. The DevTools flag any other key as invalid ("无效的 app.json [...]"), and
// typos such as "navigationbarTitleText" fail silently on the phone.
// Source: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html
// (全局配置) and .../configuration/page.html (页面配置), checked against the JSON schemas that the
// DevTools' compiler uses, as shipped in miniprogram-ci 2.1.42 (dist/schema/dist/app.js and page.js,
// all with additionalProperties: false). app.json keys are the schema's top-level properties (less
// the internal "__warning__") plus "supportedMaterials", which the doc lists (2.14.3) and that schema
// leaves out. The deprecated "navigateToMiniProgramAppIdList" (in older versions of the doc, not in
// the schema) is left out on purpose.
// ---------------------------------------------------------------------------------------------
export const APP_KEYS = new Set([
  'entryPagePath',
  'pages',
  'window',
  'tabBar',
  'networkTimeout',
  'debug',
  'functionalPages',
  'subPackages',
  'subpackages',
  'workers',
  'requiredBackgroundModes',
  'requireBackgroundModes',
  'requiredPrivateInfos',
  'plugins',
  'preloadRule',
  'resizable',
  'usingComponents',
  'permission',
  'sitemapLocation',
  'style',
  'useExtendedLib',
  'entranceDeclare',
  'darkmode',
  'themeLocation',
  'theme',
  'lazyCodeLoading',
  'lazyCodeLoadingLegacy',
  'singlePage',
  'supportedMaterials',
  'serviceProviderTicket',
  'embeddedAppIdList',
  'halfPage',
  'debugOptions',
  'enablePassiveEvent',
  'resolveAlias',
  'renderer',
  'rendererOptions',
  'componentFramework',
  'componentPlaceholder',
  'miniApp',
  'static',
  'appBar',
  'chatTools',
  'agent',
  'accountCardPackage',
  'xrEntryPagePath',
  'keepContextPageInCycleJump',
  'mimeTypeDeclarations',
  'displayMode',
  'frameset',
  'cloud',
  'cloudVersion',
  'cloudConfig',
  'openDataContext',
  'openLocationPagePath',
  'mini-ios',
  'mini-android',
  'mini-weixin',
  '__usePrivacyCheck__',
]);
/** app.json "window" (schema IWindow). A page's json may set the same keys at its top level. */
export const WINDOW_KEYS = new Set([
  'navigationBarBackgroundColor',
  'navigationBarTextStyle',
  'navigationBarTitleText',
  'navigationStyle',
  'homeButton',
  'backgroundColor',
  'backgroundTextStyle',
  'backgroundColorTop',
  'backgroundColorBottom',
  'backgroundColorContent',
  'enablePullDownRefresh',
  'onReachBottomDistance',
  'pageOrientation',
  'renderingMode',
  'restartStrategy',
  'initialRenderingCache',
  'visualEffectInBackground',
  'handleWebviewPreload',
]);
/** A page's or component's json: the window keys plus these. */
export const PAGE_KEYS = new Set([
  ...WINDOW_KEYS,
  'usingComponents',
  'component',
  'componentGenerics',
  'componentPlaceholder',
  'styleIsolation',
  'pureDataPattern',
  'disableScroll',
  'disableSwipeBack',
  'enablePassiveEvent',
  'style',
  'singlePage',
  'renderer',
  'rendererOptions',
  'componentFramework',
  'pageJSONLight',
  'pageJSONDark',
  'mini-ios',
  'mini-android',
  'mini-ohos',
  'mini-weixin',
]);
export const TABBAR_KEYS = new Set(['color', 'selectedColor', 'backgroundColor', 'borderStyle', 'position', 'custom', 'list']);
export const TABBAR_ITEM_KEYS = new Set(['pagePath', 'text', 'iconPath', 'selectedIconPath', 'renderer']);
export const SUBPACKAGE_KEYS = new Set(['root', 'name', 'pages', 'independent', 'entry', 'plugins', 'useExtendedLib', 'componentFramework', 'renderer']);
/** The tabBar limits the DevTools apply (miniprogram-ci's DefaultProjectAttr: MinTabbarCount 2,
 *  MaxTabbarCount 5, MaxTabbarIconSize 40 KB; icons only .png/.jpg/.jpeg), as in the doc's tabBar section. */
export const TABBAR_MIN = 2;
export const TABBAR_MAX = 5;
export const TABBAR_ICON_MAX_BYTES = 40 * 1024;
export const TABBAR_ICON_EXTS = ['.png', '.jpg', '.jpeg'];

/** Same test as the DevTools' isHexColor: #rgb, #rgba, #rrggbb or #rrggbbaa. */
export const isHexColor = (v: unknown) => typeof v === 'string' && /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v);
/** "@name" refers to theme.json when darkmode is on; the schema allows it wherever a color or style goes. */
export const isThemeVar = (v: unknown) => typeof v === 'string' && v.startsWith('@');
export const unknownKeys = (obj: Json, allowed: Set<string>) => Object.keys(obj).filter((k) => !allowed.has(k));

/**
 * The rules the DevTools apply to a path written in app.json (miniprogram-ci's checkPath): a
 * non-empty string, no backslash, no "//" (so no "http://"), no leading ".", "/" or space, no "../".
 */
export function pathProblems(value: unknown, where: string, { allowLeadingDotOrSlash = false } = {}): string[] {
  if (typeof value !== 'string' || value === '') return [`${where}: must be a non-empty string`];
  const out: string[] = [];
  if (value.includes('\\')) out.push(`${where}: "${value}" must not contain "\\"`);
  if (value.includes('//')) out.push(`${where}: "${value}" must not contain "//" (network paths are not allowed)`);
  if (!allowLeadingDotOrSlash && /^[./]/.test(value)) out.push(`${where}: "${value}" must not start with "." or "/"`);
  if (value.startsWith(' ')) out.push(`${where}: "${value}" must not start with a space`);
  if (value.includes('../') || value.endsWith('/..')) out.push(`${where}: "${value}" must not contain "../"`);
  return out;
}

/** Window values the DevTools reject (enum and hex color checks in their schema and checkWindow). */
export function windowProblems(win: Json, where: string, isAppWindow: boolean): string[] {
  const out: string[] = [];
  if (isAppWindow) out.push(...unknownKeys(win, WINDOW_KEYS).map((k) => `${where}: unknown key "${k}"`));
  const oneOf = (key: string, allowed: string[]) => {
    const v = win[key];
    if (v !== undefined && !allowed.includes(String(v)) && !isThemeVar(v)) out.push(`${where}.${key}: "${v}" is not one of ${allowed.join(', ')}`);
  };
  oneOf('navigationBarTextStyle', ['black', 'white']);
  oneOf('backgroundTextStyle', ['dark', 'light']);
  oneOf('navigationStyle', ['default', 'custom']);
  oneOf('pageOrientation', ['auto', 'portrait', 'landscape']);
  for (const key of ['navigationBarBackgroundColor', 'backgroundColor']) {
    const v = win[key];
    if (v !== undefined && !isHexColor(v) && !isThemeVar(v)) out.push(`${where}.${key}: "${v}" is not a hex color`);
  }
  if (win.navigationBarTitleText !== undefined && typeof win.navigationBarTitleText !== 'string') out.push(`${where}.navigationBarTitleText: must be a string`);
  return out;
}

/**
 * Where a usingComponents path leads, as the DevTools resolve it: "/x" from the package root,
 * "./x" or "../x" from the page's folder, and a bare "x" from the page's folder too (then
 * miniprogram_npm). "x" or "x/index" must have a .json and a .wxml (and a .js to register the
 * component). Returns the path without extension, relative to dist/weapp, or '' if nothing matches.
 */
export function resolveComponent(fromBase: string, target: string): string {
  const dir = posix.dirname(fromBase);
  const candidates = target.startsWith('/') ? [target.slice(1)] : [posix.join(dir, target), posix.join('miniprogram_npm', target)];
  for (const c of candidates) {
    const p = posix.normalize(c);
    if (p.startsWith('..')) continue; // outside dist/weapp
    for (const q of [p, `${p}/index`]) if (isFile(`${q}.json`) && isFile(`${q}.wxml`) && isFile(`${q}.js`)) return q;
  }
  return '';
}
