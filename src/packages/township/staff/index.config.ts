export default definePageConfig({ navigationBarTitleText: '镇级人员' });
