export default defineAppConfig({
  // Villager pages live in the main package; committee, cadre and township pages go in
  // subpackages as they arrive, so scanning a code downloads as little as possible.
  pages: [
    'pages/index/index',
    'pages/village/index',
    'pages/mine/index',
    'pages/verify/index',
    'pages/quarter/index',
    'pages/item/index',
    'pages/money/index',
    'pages/tickets/index',
    'pages/matters/index',
    'pages/assets/index',
    'pages/household/index',
  ],
  subPackages: [
    { root: 'packages/cadre', pages: ['roster/index', 'people/index', 'disclose/index', 'ledger/index', 'assigned/index', 'matters/index', 'assets/index'] },
    {
      root: 'packages/supervise',
      pages: [
        'audit/index',
        'review/index',
        'questions/index',
        'followups/index',
        'ledger-review/index',
        'tickets/index',
        'meeting/index',
        'bindings/index',
        'assets/index',
      ],
    },
    {
      root: 'packages/township',
      pages: [
        'staff/index',
        'catalog/index',
        'overview/index',
        'codes/index',
        'filings/index',
        'redact/index',
        'rosters/index',
        'settings/index',
        'assets/index',
      ],
    },
    // Read now and then by anyone: the 校验 of an item and the notice-board print.
    { root: 'packages/board', pages: ['check/index', 'print/index', 'poster/index'] },
  ],
  // 听 in the mini-program: WeChat's 同声传译 plugin turns text into speech (services/speech.ts).
  // It must also be added to the mini-program in the 公众平台 (设置 → 第三方设置 → 插件管理); the
  // H5 build ignores this key and uses the browser's speech synthesis.
  plugins: {
    WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c0392b',
    navigationBarTitleText: '阳光村务',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c0392b',
    backgroundColor: '#ffffff',
    // Icons as well as words: a tab is found by its picture first. Drawn by scripts/make-tab-icons.ts
    // (81×81 PNG, ~2 KB each; WeChat allows 40 KB and no SVG).
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
});
