export default definePageConfig({ navigationBarTitleText: '删去个人信息' });
