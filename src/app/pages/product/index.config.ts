export default definePageConfig({
  navigationBarTitleText: '商品详情',
  // NOTE: Taro attaches onShareAppMessage / onShareTimeline only with these flags.
  enableShareAppMessage: true,
  enableShareTimeline: true
})
