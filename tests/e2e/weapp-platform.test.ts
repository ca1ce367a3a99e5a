// WeChat's platform rules on the real weapp build (dist/, from `npm run build:weapp`): the
// files pass the upload checks (declared private APIs, package sizes, share flags), and the
// bundle running in the harness keeps to the runtime ones. Each rule is also shown to fire:
// a copy of dist/ with one thing removed (requiredPrivateInfos, a share flag) or added
// (a 2 MB file) fails, so a build without them cannot pass.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BUILT_API_BASE } from './helpers/api-bridge'
import { startFixtureShop } from './helpers/fixture-shop'
import { findTappable, loadWeapp, textsOf } from './helpers/weapp-harness'
import { LIMITS, packageSizes, privateApisCalled, readAppJson, staticViolations } from './helpers/weapp-rules'
import { poll } from '../helpers/poll'

const DIST = path.resolve(__dirname, '../../dist')
let shop: Awaited<ReturnType<typeof startFixtureShop>>
const copies: string[] = []

/** A copy of dist/ changed by `edit`, in a temporary folder. */
function distCopy(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-dist-'))
  fs.cpSync(DIST, dir, { recursive: true })
  edit(dir)
  copies.push(dir)
  return dir
}

const withoutPrivateInfos = (dir: string) => {
  const file = path.join(dir, 'app.json')
  const app = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
  delete app.requiredPrivateInfos
  fs.writeFileSync(file, JSON.stringify(app))
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) throw new Error('dist/app.js missing: run `npm run build:weapp` first')
  shop = await startFixtureShop()
})
afterAll(async () => {
  await shop?.close()
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true })
})

test('the build declares chooseAddress, which checkout calls, and breaks no upload rule', () => {
  expect(readAppJson(DIST).requiredPrivateInfos).toEqual(['chooseAddress'])
  // The scan sees the call itself, so an undeclared one could not slip by.
  expect(privateApisCalled(DIST).get('chooseAddress')).toEqual(['pages/checkout/index.js'])
  const sizes = packageSizes(DIST)
  expect(sizes.main).toBeLessThan(LIMITS.packageBytes)
  // The team's own budget for the main package (tests/bench/app-size.bench.ts prints the figure).
  expect(sizes.main).toBeLessThan(600 * 1024)
  expect(Object.keys(sizes.subPackages).sort()).toEqual(['pkg-me', 'pkg-orders', 'pkg-reach'])
  expect(staticViolations(DIST)).toEqual([])
})

test('a build without requiredPrivateInfos fails the rules', () => {
  const dir = distCopy(withoutPrivateInfos)
  expect(staticViolations(dir)).toEqual([
    "chooseAddress is called (pages/checkout/index.js) but app.json's requiredPrivateInfos does not declare it: WeChat refuses the call"
  ])
})

test('a page that shares to Moments without enableShareTimeline, or a main package over 2 MB, fails the rules', () => {
  const dir = distCopy((d) => {
    const page = path.join(d, 'pages/content/index.js')
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace(/enableShareTimeline:!0/g, 'enableShareTimeline:!1'))
    fs.writeFileSync(path.join(d, 'assets/huge.bin'), Buffer.alloc(LIMITS.packageBytes))
  })
  const problems = staticViolations(dir)
  expect(problems).toContainEqual(expect.stringMatching(/^the main package is \d+ bytes, over WeChat's 2 MB$/))
  expect(problems).toContain('pages/content/index handles onShareTimeline but its page config lacks enableShareTimeline: true')
})

// One mug in the checkout store (persisted by zustand under "checkout"), as 立即购买 leaves it.
const CHECKOUT = JSON.stringify({
  state: { items: [{ skuId: 'sku-mug', qty: 1, productId: 'p-mug', title: '粗陶马克杯', attrs: {}, priceFen: 8800 }], source: 'buy-now', address: null, attemptKey: 'ck_test' },
  version: 1
})

async function pickWechatAddress(distDir: string) {
  const weapp = loadWeapp({ distDir, builtApiBase: BUILT_API_BASE, apiBase: shop.url, storage: { checkout: CHECKOUT } })
  try {
    const checkout = weapp.openPage('pages/checkout/index')
    const button = await poll(() => findTappable(checkout.data.root, '选择微信收货地址'), { what: 'the address button' })
    checkout.eh({ type: 'tap', currentTarget: { id: button, dataset: {} }, target: { id: button, dataset: {} }, detail: {} })
    await poll(() => weapp.calls.includes('chooseAddress'), { what: 'the chooseAddress call' })
    return { weapp, checkout }
  } finally {
    weapp.close()
  }
}

// NOTE: each run of the bundle loads its own copy: Node caches a required file, and the bundle must start afresh.
const asBuilt = () => distCopy(() => undefined)

test('on the real build, checkout takes the address from WeChat', async () => {
  const { weapp, checkout } = await pickWechatAddress(asBuilt())
  await poll(() => textsOf(checkout.data.root).some((t) => t.includes('西湖区')), { what: 'the chosen address' })
  expect(weapp.violations).toEqual([])
})

test('without requiredPrivateInfos the phone refuses chooseAddress: the harness records it and checkout falls back to the form', async () => {
  const { weapp, checkout } = await pickWechatAddress(distCopy(withoutPrivateInfos))
  await poll(() => textsOf(checkout.data.root).includes('无法读取微信地址，请手动填写'), { what: 'the fallback to the typed form' })
  expect(weapp.violations).toEqual(["chooseAddress called, but app.json's requiredPrivateInfos does not declare it"])
})

test('the harness holds the bundle to the runtime limits: storage, page stack, setData size, domains', async () => {
  const weapp = loadWeapp({ distDir: asBuilt(), builtApiBase: BUILT_API_BASE, apiBase: shop.url })
  try {
    const wx = (globalThis as unknown as { wx: Record<string, (o?: unknown, v?: unknown) => unknown> }).wx
    const failed = (api: string, o: Record<string, unknown>) =>
      new Promise<string>((resolve) => wx[api]!({ ...o, success: () => resolve('ok'), fail: (e: { errMsg: string }) => resolve(e.errMsg) }))

    // Storage: 1 MB a key, 10 MB in all.
    const mb = 'x'.repeat(1000 * 1000)
    for (let i = 0; i < 10; i++) wx.setStorageSync!(`big${i}`, mb)
    expect(() => wx.setStorageSync!('big10', mb)).toThrow('exceed storage max size 10MB')
    expect(weapp.storage.has('big10')).toBe(false)
    for (let i = 0; i < 10; i++) wx.removeStorageSync!(`big${i}`)

    // Page stack: ten pages at most.
    weapp.openPage('pages/index/index')
    for (let i = 1; i < LIMITS.pageStack; i++) expect(await failed('navigateTo', { url: `/pages/product/index?id=p${i}` })).toBe('ok')
    expect(weapp.pageStack()).toHaveLength(LIMITS.pageStack)
    expect(await failed('navigateTo', { url: '/pages/product/index?id=p11' })).toBe('navigateTo:fail webview count limit exceed')

    // setData over 256 KB is flagged.
    const page = weapp.openPage('pages/cart/index')
    ;(page as unknown as { setData: (p: unknown) => void }).setData({ huge: 'y'.repeat(LIMITS.setDataBytes) })

    // Network calls go to the domain list only.
    expect(await failed('request', { url: 'https://evil.example.com/steal' })).toBe('request:fail url not in domain list')
    expect(await failed('uploadFile', { url: 'https://cdn.example.net/up', filePath: 'x' })).toBe('uploadFile:fail url not in domain list')
    expect(await failed('downloadFile', { url: 'http://10.0.0.1/a.png' })).toBe('downloadFile:fail url not in domain list')

    expect(weapp.violations).toEqual([
      expect.stringMatching(/^setStorageSync big10: \d+ bytes \(\d+ in all\), over WeChat's 1 MB a key \/ 10 MB in all$/),
      `navigateTo /pages/product/index?id=p11 with 10 pages open: WeChat keeps at most 10`,
      expect.stringMatching(/^pages\/cart\/index setData of \d+ bytes, over WeChat's 256 KB$/),
      expect.stringMatching(/^request to https:\/\/evil\.example\.com\/steal: evil\.example\.com is not in the domain list/),
      expect.stringMatching(/^uploadFile to https:\/\/cdn\.example\.net\/up/),
      expect.stringMatching(/^downloadFile to http:\/\/10\.0\.0\.1\/a\.png/)
    ])
  } finally {
    weapp.close()
  }
})
