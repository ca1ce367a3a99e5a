import fs from 'fs'
import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { FirstScreenPlugin } from './first-screen'

// NOTE: Taro's script rule only compiles sourceRoot and taro packages; src/core lives
// outside sourceRoot, so both mini.compile.include and h5.compile.include must list it.
const CORE_DIR = path.resolve(__dirname, '..', 'src/core')
const isH5 = process.env.TARO_ENV === 'h5'

// The API base is baked in at build time; pages never know which platform they run on.
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'
const SANDBOX_BASE = process.env.TARO_APP_SANDBOX_BASE || 'http://127.0.0.1:3100'
// Subscription-message template ids, the same JSON as the backend's WECHAT_SUBSCRIBE_TEMPLATES.
const SUBSCRIBE_TEMPLATES = process.env.TARO_APP_SUBSCRIBE_TEMPLATES || ''
// The brand's name in titles and on the home page (the demo brand when unset).
const BRAND_NAME = process.env.TARO_APP_BRAND_NAME || '山茶'

// `H5_STATS=file npm run build:h5` writes webpack's stats (chunks and their modules) to read chunk contents.
class StatsJson {
  constructor(private readonly file: string) {}
  apply(compiler: import('webpack').Compiler) {
    compiler.hooks.done.tap('stats-json', (stats) => {
      const json = stats.toJson({ all: false, chunks: true, chunkModules: true, chunkOrigins: true, assets: true, ids: true, modules: true, nestedModules: true, dependentModules: true, modulesSpace: Infinity, nestedModulesSpace: Infinity, chunkModulesSpace: Infinity, reasons: false })
      fs.writeFileSync(this.file, JSON.stringify(json))
    })
  }
}

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'brand-storefront',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src/app',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: process.env.TARO_CACHE === '1' },
    alias: { '@core': CORE_DIR },
    defineConstants: {
      API_BASE: JSON.stringify(API_BASE),
      SANDBOX_BASE: JSON.stringify(SANDBOX_BASE),
      SUBSCRIBE_TEMPLATES: JSON.stringify(SUBSCRIBE_TEMPLATES),
      BRAND_NAME: JSON.stringify(BRAND_NAME)
    },
    mini: {
      compile: { include: [CORE_DIR] },
      optimizeMainPackage: { enable: true },
      // Class names are BEM-unique per component, so the order pages import styles in never matters.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [CORE_DIR] },
      router: { mode: 'hash' },
      htmlPluginOption: { title: BRAND_NAME },
      miniCssExtractPluginOption: { ignoreOrder: true },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      webpackChain(chain) {
        chain.performance.hints(false)
        // Taro splits only initial chunks (chunks: 'initial'), so every page chunk carried its own copy of
        // @tarojs/components (with Swiper and the video player: its React wrappers are one module, so
        // every component some page uses comes along), zustand, dayjs and our shared services: 280-370 KB
        // each, fetched and parsed again for every page. A page's chunk now keeps only its own code; what
        // two or more pages share goes to two cached chunks, the packages and our own code.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              pageVendors: { name: 'page-vendors', chunks: 'async', test: /[\\/]node_modules[\\/]/, minChunks: 2, priority: 20, reuseExistingChunk: true },
              pageCommon: { name: 'page-common', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true }
            }
          }
        })
        chain.plugin('first-screen').use(FirstScreenPlugin, [{ apiBase: API_BASE.replace(/\/+$/, ''), homePage: 'pages/index/index' }])
        if (process.env.H5_STATS) chain.plugin('stats-json').use(StatsJson, [process.env.H5_STATS])
      },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } }
    }
  }
  return config
})
