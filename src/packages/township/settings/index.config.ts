export default definePageConfig({ navigationBarTitleText: '镇里的设置' });
