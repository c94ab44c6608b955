export default definePageConfig({ navigationBarTitleText: '审核公开内容' });
