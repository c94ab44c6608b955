export default definePageConfig({ navigationBarTitleText: '问题台账' });
