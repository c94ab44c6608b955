export default definePageConfig({ navigationBarTitleText: '各村三资预警' });
