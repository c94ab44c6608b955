// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// NutUI is imported per component, JS *and* CSS, so unused components and their styles stay out.
const nutuiPackage = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`;

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => nutuiPackage(name),
        customStyleName: (name) => `${nutuiPackage(name)}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
