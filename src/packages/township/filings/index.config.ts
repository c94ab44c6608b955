export default definePageConfig({ navigationBarTitleText: '筹资筹劳审核备案' });
