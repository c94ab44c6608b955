export default definePageConfig({ navigationBarTitleText: '集体的资产与资源' });
