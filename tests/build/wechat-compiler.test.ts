/**
 * Checks dist/weapp the way WeChat checks it, so a build that the DevTools or the upload would reject
 * fails here. npm test builds it before jest runs. Needs no DevTools, appid or network.
 *
 * 1. Every WXML and WXSS file goes through WeChat's own compilers, wcc and wcsc. The npm package
 *    miniprogram-compiler (MIT, published by wechat-miniprogram) ships them for Linux x64, macOS and
 *    Windows. We run the binaries ourselves and don't use the package's JS wrappers, because:
 *    - wxssToJs hides wcsc's error: wcsc.js *returns* an Error and index.js then calls unescapeJs(undefined),
 *      so all you get is "TypeError: Cannot read properties of undefined (reading 'replace')";
 *    - wxssToJs only finds page jsons when given an absolute root (it require()s them), and counts
 *      app.wxss as a page because app.json exists;
 *    - both drop stderr when the exit code is 0 and cap the output at 1 MB (maxBuffer).
 *    wcc and wcsc report errors as a non-zero exit code plus a "file:line:col: message" line on stderr.
 *    Some problems don't make them fail, though. They end up in the generated code and only show
 *    later, in the DevTools console:
 *    - wcc: a missing <import>/<include> or an unknown <template is="..."> turns into
 *      console.warn("WXMLRT_$gwx:...") when the page renders. So the test runs the generated code in a
 *      vm context and renders every WXML file.
 *    - wcsc: a tag, ID or attribute selector in a page's or component's wxss becomes the second
 *      argument of setCssToHead(...): "Some selectors are not allowed in component wxss, ...". A
 *      local url() in a style becomes "...-do-not-use-local-path-...".
 *    Each package is compiled with what WeChat has loaded while it runs: the main package alone,
 *    and each subpackage together with the main package (or alone if it is independent). So a
 *    main-package file that leans on a subpackage file fails too.
 * 2. app.json and every page's and component's json follow WeChat's rules: only known keys, pages
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWxml, compileWxss, DEAD_THIRD_PARTY_SELECTORS, failure, loadGwx, type RunResult, withWechatCompilers, wcscWarnings } from './wechat/compilers';
import { filesFor, listFiles, OUT, ownerOf, type Pkg, packagesOf, readApp, requireWeappBuild } from './wechat/weapp-files';

requireWeappBuild();
withWechatCompilers();

/**
 * Compiles each package with what WeChat has loaded while it runs (see 1. above) and gathers what
 * is wrong: a run the compiler fails is one problem, and the other packages still go through;
 * `check` names the problems of a run that compiled. `compiled` counts the files compiled, so a
 * test can tell a clean build from one that compiled nothing.
 */
function problemsPerPackage(
  tool: string,
  compile: (files: string[]) => { result: RunResult; compiled: string[] },
  check: (pkg: Pkg, pkgs: Pkg[], result: RunResult, compiled: string[]) => string[],
): { problems: string[]; compiled: number } {
  const all = listFiles();
  const pkgs = packagesOf(readApp());
  const problems: string[] = [];
  let compiled = 0;
  for (const pkg of pkgs) {
    const run = compile(filesFor(pkg, all, pkgs));
    const failed = failure(`${tool} (${pkg.name})`, run.result);
    if (failed) {
      problems.push(failed);
      continue;
    }
    compiled += run.compiled.length;
    problems.push(...check(pkg, pkgs, run.result, run.compiled));
  }
  return { problems, compiled };
}

describe('WeChat compilers (wcc / wcsc from miniprogram-compiler)', () => {
  it('compiles every WXML file of each package with wcc, and renders each without a runtime warning', () => {
    const { problems, compiled } = problemsPerPackage(
      'wcc',
      (files) => {
        const { wxml, result } = compileWxml(files);
        return { result, compiled: wxml };
      },
      (pkg, pkgs, result, wxml) => {
        const problems: string[] = [];
        const { render, logs } = loadGwx(result.stdout, pkg.name);
        // Render the package's own files. With no data, a <template is="{{...}}"> whose name is built
        // from data comes out as "...undefined..."; that says nothing about the build, so it is not
        // counted. A literal template name that is missing, or a missing <import>/<include>, is counted.
        for (const f of wxml.filter((w) => ownerOf(w, pkgs) === pkg)) {
          const r = render(f, {});
          if (!r.ok) problems.push(`${f}: ${r.error}`);
        }
        problems.push(...logs.filter((l) => !/Template `[^`]*undefined[^`]*` not found/.test(l)).map((l) => `${pkg.name}: ${l}`));
        return problems;
      },
    );
    expect(problems).toEqual([]);
    expect(compiled).toBeGreaterThan(0);
  });

  it("renders every element template of Taro's base.wxml through the custom component and a page, warning-free", () => {
    // Taro draws every page through the templates in base.wxml ("tmpl_<depth>_<node type>"), picked at
    // run time by utils.wxs from the node tree in the page data ({ root: { cn: [...] } }); comp.wxml
    // does the same for one node ({ i: node }). Compiling alone never picks a template, so a missing
    // or broken one would only show on a phone. Render one node of each type found in base.wxml.
    const all = listFiles();
    const pkgs = packagesOf(readApp());
    const main = pkgs[0];
    const base = readFileSync(join(OUT, 'base.wxml'), 'utf8');
    // Node types from the templates of every depth, so a type that lost its depth-0 template still shows.
    const types = [...new Set([...base.matchAll(/<template name="tmpl_\d+_([0-9A-Za-z]+)"/g)].map((m) => m[1]))].filter((t) => t !== 'container');
    expect(types.length).toBeGreaterThan(5);
    const { result } = compileWxml(filesFor(main, all, pkgs));
    expect(failure('wcc (main package)', result)).toBe('');
    const { render, logs } = loadGwx(result.stdout, 'taro-templates');
    const node = (nn: string, i: number) => ({ nn, sid: `_n${i}`, v: 'text', cn: [] });
    const page = render(`${main.pages[0]}.wxml`, { root: { cn: types.map(node) } });
    expect(page.ok && page.tree.children?.length).toBeTruthy();
    for (const [i, nn] of types.entries()) {
      const r = render('comp.wxml', { i: node(nn, i) });
      expect(r.ok ? '' : `comp.wxml with node type ${nn}: ${r.error}`).toBe('');
    }
    expect(logs).toEqual([]);
  });

  it('compiles every WXSS file of each package with wcsc, with no selector or local-path warning', () => {
    const { problems, compiled } = problemsPerPackage(
      'wcsc',
      (files) => ({ result: compileWxss(files), compiled: files.filter((f) => f.endsWith('.wxss')) }),
      // A main-package file shows up again in each subpackage's run: report it once, from its own package.
      (pkg, pkgs, result) =>
        wcscWarnings(result.stdout)
          .filter((w) => ownerOf(w.file, pkgs) === pkg && !DEAD_THIRD_PARTY_SELECTORS.some((re) => re.test(w.message)))
          .map((w) => `${w.file}: ${w.message}`),
    );
    // The selector warning is WeChat's component-style rule: components *and the pages that use
    // components* must not use tag, ID or attribute selectors
    // (https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/wxml-wxss.html).
    // WeChat scopes only class selectors to a component; the others cross component boundaries in
    // ways the doc leaves undefined. Every Taro page uses the "comp" custom component, and Taro draws
    // deep or special nodes inside it, so a page rule like ".x input" may miss nodes drawn inside comp,
    // or match nodes it shouldn't. wcsc reports only the first such selector of each file.
    expect(problems).toEqual([]);
    expect(compiled).toBeGreaterThan(0);
  });
});
