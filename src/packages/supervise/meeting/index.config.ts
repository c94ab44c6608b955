export default definePageConfig({ navigationBarTitleText: '表决现场登记与计票' });
