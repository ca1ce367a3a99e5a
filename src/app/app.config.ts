export default defineAppConfig({
  pages: ['pages/index/index', 'pages/cart/index', 'pages/content/index', 'pages/product/index', 'pages/checkout/index'],
  // 我的订单 loads on demand: shoppers reach it after buying, not at launch.
  // 我的优惠券 and 我的分享 likewise: opened from 首页, never at launch.
  subPackages: [
    { root: 'pkg-orders', pages: ['list/index', 'detail/index', 'after-sale/index', 'return/index'] },
    { root: 'pkg-me', pages: ['coupons/index', 'shares/index'] },
    // 分享海报 (Canvas 2D), 我的资料 and 搜索商品: opened from a page, never at launch.
    { root: 'pkg-reach', pages: ['poster/index', 'profile/index', 'search/index'] }
  ],
  preloadRule: { 'pages/checkout/index': { network: 'all', packages: ['pkg-orders'] } },
  window: {
    // Evaluated at build time: the same TARO_APP_BRAND_NAME as config/index.ts.
    navigationBarTitleText: process.env.TARO_APP_BRAND_NAME || '山茶',
    navigationBarBackgroundColor: '#f6f3ef',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f3ef',
    backgroundTextStyle: 'dark'
  },
  tabBar: {
    color: '#8a7f76',
    selectedColor: '#2b2622',
    backgroundColor: '#fffdfa',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-active.png' },
      { pagePath: 'pages/cart/index', text: '购物车', iconPath: 'assets/tab-cart.png', selectedIconPath: 'assets/tab-cart-active.png' }
    ]
  },
  lazyCodeLoading: 'requiredComponents',
  // NOTE: WeChat refuses a private-info API (location, address…) that app.json does not declare:
  // without this a released build's Taro.chooseAddress always fails and checkout falls back to the
  // typed form. The privacy guide (mp admin → 用户隐私保护指引) must declare 收货地址 as well.
  requiredPrivateInfos: ['chooseAddress']
})
