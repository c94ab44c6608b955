export default definePageConfig({ navigationBarTitleText: '校验公开内容' });
