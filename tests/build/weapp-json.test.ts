/**
 * app.json and every page's and component's json in dist/weapp follow WeChat's rules: only known keys,
 * pages and subpackage roots that exist, the tabBar limits, and usingComponents that resolve. A build
 * the DevTools or the upload would reject fails here. npm test builds it before jest runs.
 * The key lists and checks, with their sources, are in wechat/json-rules.ts.
 */
import { posix } from 'node:path';
import {
  APP_KEYS,
  PAGE_KEYS,
  pathProblems,
  resolveComponent,
  SUBPACKAGE_KEYS,
  TABBAR_ICON_EXTS,
  TABBAR_ICON_MAX_BYTES,
  TABBAR_ITEM_KEYS,
  TABBAR_KEYS,
  TABBAR_MAX,
  TABBAR_MIN,
  unknownKeys,
  windowProblems,
  isHexColor,
  isThemeVar,
} from './wechat/json-rules';
import { isDir, isFile, isObject, type Json, ownerOf, packagesOf, readApp, readJson, requireWeappBuild, stat, subRoots } from './wechat/weapp-files';

requireWeappBuild();

describe('app.json and page json against what WeChat accepts', () => {
  it('uses only app.json keys that WeChat knows, with valid window values', () => {
    const app = readApp();
    const problems = unknownKeys(app, APP_KEYS).map((k) => `app.json: unknown key "${k}"`);
    if (!Array.isArray(app.pages) || app.pages.length === 0) problems.push('app.json: pages must list at least one page');
    if (app.subPackages !== undefined && app.subpackages !== undefined) problems.push('app.json: use subPackages or subpackages, not both');
    if (app.window !== undefined && !isObject(app.window)) problems.push('app.json: window must be an object');
    problems.push(...windowProblems(isObject(app.window) ? app.window : {}, 'app.json window', true));
    if (app.entryPagePath !== undefined && !packagesOf(app).some((p) => p.pages.includes(String(app.entryPagePath)))) {
      problems.push(`app.json: entryPagePath "${app.entryPagePath}" is not a listed page`);
    }
    // The doc marks sitemapLocation 必填, but the DevTools only check it when it is set (without it
    // every page may be indexed), and Taro writes none unless asked.
    if (app.sitemapLocation !== undefined && !isFile(String(app.sitemapLocation)))
      problems.push(`app.json: sitemapLocation "${app.sitemapLocation}" does not exist`);
    expect(problems).toEqual([]);
  });

  it('lists only pages whose .js, .wxml and .json exist, each in exactly one package under an existing root', () => {
    const app = readApp();
    const pkgs = packagesOf(app);
    const problems: string[] = [];
    const seenRoots = new Map<string, number>();
    const seen = new Set<string>();
    for (const [i, pkg] of pkgs.entries()) {
      if (pkg.root) {
        const where = `subPackages[${i - 1}]`;
        const raw = ((app.subPackages ?? app.subpackages) as Json[])[i - 1];
        problems.push(...unknownKeys(raw, SUBPACKAGE_KEYS).map((k) => `${where}: unknown key "${k}"`));
        problems.push(...pathProblems(raw.root, `${where}.root`));
        if (!isDir(pkg.root)) problems.push(`${where}.root: "${pkg.root}" is not a directory of dist/weapp`);
        if (seenRoots.has(pkg.root)) problems.push(`${where}.root: "${pkg.root}" repeats subPackages[${seenRoots.get(pkg.root)}]`);
        seenRoots.set(pkg.root, i - 1);
        for (const other of subRoots(pkgs))
          if (other !== pkg.root && pkg.root.startsWith(other)) problems.push(`${where}.root: "${pkg.root}" lies inside "${other}"`);
        if (!Array.isArray(raw.pages) || raw.pages.length === 0) problems.push(`${where}.pages: must list at least one page`);
      }
      for (const page of pkg.pages) {
        const where = `${pkg.name}: "${page}"`;
        problems.push(...pathProblems(pkg.root ? page.slice(pkg.root.length) : page, where));
        if (/\.(js|wxml|json|wxss)$/.test(page)) problems.push(`${where}: page paths have no extension`);
        if (seen.has(page)) problems.push(`${where}: listed twice`);
        seen.add(page);
        if (!pkg.root && subRoots(pkgs).some((r) => page.startsWith(r))) problems.push(`${where}: a main-package page inside a subpackage root`);
        // .js and .wxml are what the DevTools demand (checkPageExist); Taro always writes the .json, which
        // carries usingComponents. A .wxss is optional (Taro writes none for a page without styles).
        for (const ext of ['.js', '.wxml', '.json']) if (!isFile(page + ext)) problems.push(`${where}: ${page}${ext} is missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the tabBar within WeChat limits: 2–5 main-package pages with local icons of at most 40 KB', () => {
    const app = readApp();
    if (app.tabBar === undefined) return;
    const tabBar = app.tabBar as Json;
    const problems: string[] = [...unknownKeys(tabBar, TABBAR_KEYS).map((k) => `tabBar: unknown key "${k}"`)];
    const list = Array.isArray(tabBar.list) ? (tabBar.list as Json[]) : [];
    // The doc: "list ... 最少 2 个、最多 5 个 tab". A custom tabBar only lifts the maximum (to 10 in
    // the DevTools), and this project has none.
    if (list.length < TABBAR_MIN || list.length > (tabBar.custom === true ? 10 : TABBAR_MAX))
      problems.push(`tabBar.list: ${list.length} items, WeChat allows ${TABBAR_MIN}–${TABBAR_MAX}`);
    for (const k of ['color', 'selectedColor', 'backgroundColor'] as const) {
      if (tabBar[k] !== undefined && !isHexColor(tabBar[k]) && !isThemeVar(tabBar[k])) problems.push(`tabBar.${k}: "${tabBar[k]}" is not a hex color`);
    }
    if (tabBar.borderStyle !== undefined && !['black', 'white'].includes(String(tabBar.borderStyle)) && !isThemeVar(tabBar.borderStyle))
      problems.push('tabBar.borderStyle: black or white');
    if (tabBar.position !== undefined && !['bottom', 'top'].includes(String(tabBar.position))) problems.push('tabBar.position: bottom or top');
    const mainPages = (app.pages ?? []) as string[];
    const paths = new Set<string>();
    for (const [i, item] of list.entries()) {
      const where = `tabBar.list[${i}]`;
      problems.push(...unknownKeys(item, TABBAR_ITEM_KEYS).map((k) => `${where}: unknown key "${k}"`));
      problems.push(...pathProblems(item.pagePath, `${where}.pagePath`));
      const pagePath = String(item.pagePath);
      if (/[?.]/.test(pagePath)) problems.push(`${where}.pagePath: "${pagePath}" must not contain "?" or "."`);
      // A tab page must be in the main package: tabs can't live in subpackages.
      if (!mainPages.includes(pagePath)) problems.push(`${where}.pagePath: "${pagePath}" is not in app.json pages (the main package)`);
      if (paths.has(pagePath)) problems.push(`${where}.pagePath: "${pagePath}" repeats an earlier tab`);
      paths.add(pagePath);
      if (tabBar.custom !== true && (typeof item.text !== 'string' || item.text === '')) problems.push(`${where}.text: required`);
      for (const key of ['iconPath', 'selectedIconPath'] as const) {
        const icon = item[key];
        if (icon === undefined) continue;
        // Tab icons must be files in the package: the doc says network images are not supported.
        if (typeof icon === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(icon)) {
          problems.push(`${where}.${key}: "${icon}" is a URL; tabBar icons must be local files`);
          continue;
        }
        const before = problems.length;
        problems.push(...pathProblems(icon, `${where}.${key}`, { allowLeadingDotOrSlash: true }));
        if (problems.length > before) continue;
        const rel = posix.normalize(String(icon).replace(/^\/+/, ''));
        const s = stat(rel);
        if (!s?.isFile()) problems.push(`${where}.${key}: "${icon}" does not exist in dist/weapp`);
        else if (s.size > TABBAR_ICON_MAX_BYTES) problems.push(`${where}.${key}: "${icon}" is ${s.size} bytes, over 40 KB`);
        if (!TABBAR_ICON_EXTS.includes(posix.extname(rel).toLowerCase())) problems.push(`${where}.${key}: "${icon}" must be .png, .jpg or .jpeg`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every page and component a json with known keys whose usingComponents resolve within the page's reach", () => {
    const app = readApp();
    const pkgs = packagesOf(app);
    const problems: string[] = [];
    // Start from the pages, then follow usingComponents to the components (and theirs).
    const queue = pkgs.flatMap((p) => p.pages);
    const done = new Set<string>();
    const appUsing = isObject(app.usingComponents) ? app.usingComponents : {};
    for (let n = 0; n < queue.length; n += 1) {
      const base = queue[n];
      if (done.has(base)) continue;
      done.add(base);
      const file = `${base}.json`;
      if (!isFile(file)) continue; // a page without json is reported by the page test
      let json: Json;
      try {
        json = readJson(file);
      } catch (e) {
        problems.push(`${file}: not valid JSON (${(e as Error).message})`);
        continue;
      }
      problems.push(...unknownKeys(json, PAGE_KEYS).map((k) => `${file}: unknown key "${k}"`));
      problems.push(...windowProblems(json, file, false));
      if (
        json.styleIsolation !== undefined &&
        !['isolated', 'apply-shared', 'shared', 'page-isolated', 'page-apply-shared', 'page-shared'].includes(String(json.styleIsolation))
      ) {
        problems.push(`${file}: styleIsolation "${json.styleIsolation}" is not one WeChat knows`);
      }
      const using = { ...appUsing, ...(isObject(json.usingComponents) ? json.usingComponents : {}) };
      const owner = ownerOf(base, pkgs);
      for (const [tag, target] of Object.entries(using)) {
        const where = `${file}: usingComponents["${tag}"] = "${target}"`;
        if (!/^[a-z][a-z0-9_-]*$/i.test(tag)) problems.push(`${where}: tag names are letters, digits, "-" and "_"`);
        if (typeof target !== 'string' || target === '') {
          problems.push(`${where}: must be a path`);
          continue;
        }
        if (/^plugin(-private)?:\/\//.test(target)) continue; // plugins come from WeChat, not from the package
        const resolved = resolveComponent(base, target);
        if (!resolved) {
          problems.push(`${where}: no component .json + .wxml + .js there (nor at ${target}/index)`);
          continue;
        }
        let compJson: Json = {};
        try {
          compJson = readJson(`${resolved}.json`);
        } catch {
          // reported when the component itself is checked
        }
        if (compJson.component !== true) problems.push(`${where}: ${resolved}.json does not declare "component": true`);
        // A component in a subpackage is usable only from that subpackage; a page of an independent
        // subpackage can't reach the main package.
        const compOwner = ownerOf(resolved, pkgs);
        if (compOwner !== owner && (compOwner.root !== '' || owner.independent))
          problems.push(`${where}: ${resolved} is in ${compOwner.name}, out of reach of ${owner.name}`);
        queue.push(resolved);
      }
    }
    expect(problems).toEqual([]);
  });
});
