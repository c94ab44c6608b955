export default definePageConfig({ navigationBarTitleText: '村里的钱' });
