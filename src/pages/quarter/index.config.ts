export default definePageConfig({ navigationBarTitleText: '季度公开' });
