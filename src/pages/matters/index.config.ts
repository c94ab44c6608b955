export default definePageConfig({ navigationBarTitleText: '一事一议' });
