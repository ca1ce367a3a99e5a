export default definePageConfig({
  navigationBarTitleText: '',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // NOTE: Taro attaches onShareAppMessage / onShareTimeline only with these flags.
  enableShareAppMessage: true,
  enableShareTimeline: true
})
