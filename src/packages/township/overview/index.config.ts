export default definePageConfig({ navigationBarTitleText: '各村公开情况' });
