// Projects mirror the code: core (pure rules and services), adapters (DocStore contract),
// functions (through the local host over HTTP), ui (Testing Library on Taro's H5 components),
// build (what the weapp build produced), e2e (real Chromium against the built app).
const nodeTransform = {
  '^.+\\.[tj]sx?$': [
    'babel-jest',
    {
      babelrc: false,
      configFile: false,
      presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
    },
  ],
};

const node = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/tests/${name}`],
  transform: nodeTransform,
  ...extra,
});

module.exports = {
  testTimeout: 30000,
  projects: [
    node('core'),
    node('adapters'),
    node('functions'),
    node('build'),
    node('e2e'),
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/ui'],
      setupFiles: ['<rootDir>/tests/ui/setup.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/ui/after-env.ts'],
      transform: { '^.+\\.[tj]sx?$': 'babel-jest', '^.+\\.m?js$': 'babel-jest' },
      // taro-h5 ships ESM and carries its own nested node_modules: anchor the pattern.
      transformIgnorePatterns: [
        '<rootDir>/node_modules/(?!(@tarojs|@stencil|@nutui|swiper|ssr-window|dom7|classnames|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj|history|mobile-detect|nanoid|ics)/)',
      ],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/tests/ui/taro.js',
        '\\.(css|scss|sass)$': '<rootDir>/tests/ui/style-stub.js',
      },
    },
  ],
};
