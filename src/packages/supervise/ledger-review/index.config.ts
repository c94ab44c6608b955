export default definePageConfig({ navigationBarTitleText: '民主理财审核' });
