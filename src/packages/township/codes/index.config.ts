export default definePageConfig({ navigationBarTitleText: '各村二维码' });
