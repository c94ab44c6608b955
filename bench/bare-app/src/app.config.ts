export default defineAppConfig({
  pages: ['pages/index/index', 'pages/about/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c0392b',
    navigationBarTitleText: '对照应用',
    navigationBarTextStyle: 'white',
  },
});
