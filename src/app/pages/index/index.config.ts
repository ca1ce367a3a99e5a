export default definePageConfig({
  navigationBarTitleText: '品牌好物',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200
})
