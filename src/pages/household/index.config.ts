export default definePageConfig({ navigationBarTitleText: '我家' });
