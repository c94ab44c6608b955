import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { resolve } from 'node:path';

// types/ is shared with the cloud functions and sits outside src/: compile it too (role labels).
const shared = [resolve(__dirname, '..', 'types')];
import devConfig from './dev';
import prodConfig from './prod';

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
      // Subscribe-message templates, set at build time; empty means only the in-app inbox.
      SUBSCRIBE_TEMPLATES: JSON.stringify({
        disclosure: process.env.TARO_APP_SUBSCRIBE_TEMPLATE_DISCLOSURE ?? '',
        ticket: process.env.TARO_APP_SUBSCRIBE_TEMPLATE_TICKET ?? '',
      }),
    },
    copy: { patterns: [], options: {} },
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
