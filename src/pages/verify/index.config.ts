export default definePageConfig({ navigationBarTitleText: '村民身份认证' });
