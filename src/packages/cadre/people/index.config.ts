export default definePageConfig({ navigationBarTitleText: '村民与角色' });
