import path from 'node:path'
import type { Browser } from 'playwright-core'
import { bridge, BUILT_API_BASE } from './helpers/api-bridge'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { startFixtureShop } from './helpers/fixture-shop'
import { serveDir } from './helpers/static-server'

let browser: Browser
let site: Awaited<ReturnType<typeof serveDir>>
let shop: Awaited<ReturnType<typeof startFixtureShop>>

beforeAll(async () => {
  site = await serveDir(path.resolve(__dirname, '../../dist-h5'))
  // The home page reads the feed from the backend: a stand-in with nothing published yet.
  shop = await startFixtureShop({ emptyFeed: true })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await shop?.close()
  await site?.close()
})

test('the H5 build renders the home page with the brand header', async () => {
  const { page, problems } = await openPhonePage(browser)
  await bridge(page, BUILT_API_BASE, shop.url)
  await page.goto(`${site.url}/#/pages/index/index`)
  await page.locator('.home__brand-name', { hasText: '山茶' }).waitFor()
  await page.getByText('读一个故事，带走一件好物').waitFor()
  await page.getByText('新内容正在准备中').waitFor()
  await screenshot(page, 'h5-home')
  expect(problems).toEqual([])
})
