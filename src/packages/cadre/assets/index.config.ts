export default definePageConfig({ navigationBarTitleText: '三资台账与合同' });
