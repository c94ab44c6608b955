export default definePageConfig({ navigationBarTitleText: '花名册：导入确认与一人多村' });
