export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    navigationBarTitleText: '品牌好物',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f3ef'
  },
  lazyCodeLoading: 'requiredComponents'
})
