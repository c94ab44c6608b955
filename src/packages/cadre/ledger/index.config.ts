export default definePageConfig({ navigationBarTitleText: '记账与月结' });
