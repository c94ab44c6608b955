export default definePageConfig({ navigationBarTitleText: '一村一码海报' });
