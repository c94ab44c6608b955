export default definePageConfig({ navigationBarTitleText: '阳光村务' });
