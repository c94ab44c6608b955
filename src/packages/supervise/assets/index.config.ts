export default definePageConfig({ navigationBarTitleText: '三资预警' });
