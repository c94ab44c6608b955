import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { resolve } from 'node:path';

// types/ (role labels) and common/ (money, quarters, limits) are shared with the cloud functions
// and sit outside src/: compile them too.
const shared = [resolve(__dirname, '..', 'types'), resolve(__dirname, '..', 'common')];
import devConfig from './dev';
import { clientTemplates } from './subscribe';
import prodConfig from './prod';
import type { Compilation, Compiler } from 'webpack';

/**
 * H5 only. index.html is the shell of every route, so without help the browser learns which page
 * chunk it needs only after app.js has downloaded and run. A villager arrives from a QR code
 * straight on a page (pages/village/index): this inline script runs while app.js is still on
 * its way and preloads that page's own js and css, a round trip sooner. The route → files map
 * is written at build time, from the chunks each page module landed in.
 */
class PreloadLandingPage {
  apply(compiler: Compiler): void {
    // Taro's own copy of html-webpack-plugin: its hooks belong to that module instance.
    const runner = require.resolve('@tarojs/webpack5-runner');
    const HtmlWebpackPlugin = require(require.resolve('html-webpack-plugin', { paths: [runner] }));
    const src = resolve(__dirname, '..', 'src');
    compiler.hooks.compilation.tap('PreloadLandingPage', (compilation: Compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadLandingPage', (data: { headTags: unknown[] }) => {
        const routes: Record<string, string[]> = {};
        for (const module of compilation.modules) {
          // A page is usually concatenated with what only it imports: its file is the root's.
          const inner = (module as { rootModule?: { resource?: string } }).rootModule ?? (module as { resource?: string });
          const file = inner.resource?.split('?')[0];
          if (!file?.startsWith(src)) continue;
          const page = /^((pages|packages)\/.+\/index)\.[jt]sx?$/.exec(
            file
              .slice(src.length + 1)
              .split('\\')
              .join('/'),
          );
          if (!page) continue;
          const files = new Set<string>();
          for (const chunk of compilation.chunkGraph.getModuleChunksIterable(module)) {
            for (const group of chunk.groupsIterable) {
              // app.js and its vendors are in the HTML already.
              for (const c of group.chunks) {
                if (c.canBeInitial()) continue;
                c.files.forEach((f) => {
                  if (/\.(js|css)$/.test(f)) files.add(f);
                });
              }
            }
          }
          if (files.size) routes[`/${page[1]}`] = [...files].sort();
        }
        const base = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/';
        data.headTags.unshift({
          tagName: 'script',
          voidTag: false,
          meta: { plugin: 'PreloadLandingPage' },
          attributes: {},
          innerHTML: `!function(d,m){var f=m[location.pathname.replace(/\\/+$/,'')]||[];for(var i=0;i<f.length;i++){var l=d.createElement('link');l.rel='preload';l.as=/\\.css$/.test(f[i])?'style':'script';l.href=${JSON.stringify(base)}+f[i];d.head.appendChild(l)}}(document,${JSON.stringify(routes)})`,
        });
        return data;
      });
    });
  }
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'sunlit-village',
    date: '2026-11-23',
    // NutUI is drawn at 375 px; our own styles at 750 px. Keeping both scales right.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/') ?? '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // The CloudBase environment the weapp build calls; empty means the default environment.
      CLOUD_ENV: JSON.stringify(process.env.TCB_ENV_ID ?? ''),
      // Subscribe-message templates from config/subscribe.ts and the same SUBSCRIBE_TEMPLATE_<KIND>
      // variables the deploy plan gives the functions; empty means only the in-app inbox.
      SUBSCRIBE_TEMPLATES: JSON.stringify(clientTemplates(process.env)),
    },
    // H5 only: the site's icon at the root, where browsers look for it (scripts/make-favicon.ts).
    copy: {
      patterns:
        process.env.TARO_ENV === 'h5'
          ? [
              { from: 'src/assets/favicon.svg', to: 'dist/h5/favicon.svg' },
              { from: 'src/assets/favicon.ico', to: 'dist/h5/favicon.ico' },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: shared },
      // NutUI styles are imported per component in each page; their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      compile: { include: shared },
      staticDirectory: 'static',
      router: { mode: 'browser' },
      webpackChain(chain) {
        chain.plugin('preloadLandingPage').use(PreloadLandingPage);
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
