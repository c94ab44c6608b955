export default definePageConfig({ navigationBarTitleText: '交给我办理的事项' });
