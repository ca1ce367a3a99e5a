import path from 'node:path'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { serveDir } from './helpers/static-server'

let browser: Browser
let site: Awaited<ReturnType<typeof serveDir>>

beforeAll(async () => {
  site = await serveDir(path.resolve(__dirname, '../../dist-h5'))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

test('the H5 build renders the home page with the brand header', async () => {
  const { page, problems } = await openPhonePage(browser)
  await page.goto(`${site.url}/#/pages/index/index`)
  await page.locator('.home__brand-name', { hasText: '品牌好物' }).waitFor()
  await page.getByText('读一个故事，带走一件好物').waitFor()
  await page.getByText('新内容正在准备中').waitFor()
  await screenshot(page, 'h5-home')
  expect(problems).toEqual([])
})
