export default definePageConfig({
  navigationBarTitleText: process.env.TARO_APP_BRAND_NAME || '山茶',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200
})
