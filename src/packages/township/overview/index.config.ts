export default definePageConfig({ navigationBarTitleText: '各村公开与监督情况' });
