import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The yardstick for `npm run bench:size`: the weapp options of the project's config/index.ts
// without anything app-specific, so the difference in size is what the app itself adds. A copy,
// not an import: Taro compiles only the config files inside the app it builds.
export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'bare-app',
    date: '2026-11-23',
    // NutUI is drawn at 375 px, app styles at 750 px: the same rule as the project.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/') ?? '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // bench/bare-app/dist/weapp: git-ignored by the project's `dist/` rule.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});
