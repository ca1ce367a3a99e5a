// The lookbook end to end, in Chromium against the real backend process: staff add a
// 搭配购 (shop-the-look) block in the admin editor, upload the lookbook image and place
// two hotspots by clicking on it; the live preview beside the form (the H5 shop's own
// content page in a phone frame, fed the unsaved draft by postMessage) shows both dots
// before anything is saved; staff pick a product per dot, the draft saves, the page is
// published. A shopper on a phone-sized H5 page taps a dot, the SKU picker opens in
// place and the product goes into the cart; the per-block report counts the block's
// view, the tap and the add-to-cart. A second page with the other new blocks (carousel,
// countdown, divider, quote) shows the countdown's product as 即将开售 with a 开售提醒.
// On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
// Screens go to screenshots/content-blocks-*.png (content-blocks-pg-*.png on PostgreSQL).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { BlockReportRow } from '@core/contract/launch'
import { ADMIN_DIST, ensureAdminBuild } from './helpers/admin-build'
import { serveAdmin } from './helpers/admin-site'
import { bridge, BUILT_API_BASE, BUILT_SANDBOX_BASE } from './helpers/api-bridge'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { openStaffAdmin } from './helpers/fulfilment-admin'
import { databaseFor, DIALECTS, type Dialect } from './helpers/fulfilment-db'
import { placeholderSvg } from './helpers/placeholder-media'
import { ADMIN, adminClient, startRealStack } from './helpers/real-stack'
import { serveDir } from './helpers/static-server'
import { poll } from '../helpers/poll'

const SLUG = 'weekend-look'
const LAUNCH_SLUG = 'wool-launch'
const H5_DIST = process.env.E2E_H5_DIST || path.resolve(__dirname, '../../dist-h5')

let browser: Browser
let shop: Awaited<ReturnType<typeof serveDir>>

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIST, 'index.html'))) throw new Error('dist-h5/ missing: run `npm run build:h5` first')
  // E2E_KEEP_BUILDS=1 tests the dist-admin/ already there (as the fulfilment test does).
  if (!(process.env.E2E_KEEP_BUILDS && fs.existsSync(path.join(ADMIN_DIST, 'index.html')))) ensureAdminBuild()
  shop = await serveDir(H5_DIST)
  browser = await launchBrowser()
}, 400_000)
afterAll(async () => {
  await browser?.close()
  await shop?.close()
})

/** A photo (PNG) of the shared placeholder art at width×height, drawn in a page of its own size. */
async function photoFile(name: string, width: number, height: number): Promise<string> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
  const shot = await context.newPage()
  const art = placeholderSvg(name).replace('width="900" height="900"', `width="${width}" height="${height}"`)
  await shot.setContent(`<html><body style="margin:0;overflow:hidden">${art}</body></html>`)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'look-photo-')), `${name}.png`)
  await shot.screenshot({ path: file, clip: { x: 0, y: 0, width, height } })
  await context.close()
  return file
}

describe.each(DIALECTS)('on %s', (dialect: Dialect) => {
  const tag = dialect === 'sqlite' ? 'content-blocks' : 'content-blocks-pg'
  let stack: Awaited<ReturnType<typeof startRealStack>>
  let database: Awaited<ReturnType<typeof databaseFor>>
  let adminSite: Awaited<ReturnType<typeof serveAdmin>>
  let api: Awaited<ReturnType<typeof adminClient>>
  const problems: string[] = []
  const phones: string[][] = []
  const pages: Page[] = []

  beforeAll(async () => {
    database = await databaseFor(dialect)
    stack = await startRealStack({ databaseUrl: database.url, messageToken: 'e2eBlocksToken' })
    adminSite = await serveAdmin(stack.apiUrl)
    api = await adminClient(stack.apiUrl).catch((e: Error) => {
      throw new Error(`${e.message}\nbackend output:\n${stack.log().slice(-4000)}`)
    })
  }, 120_000)
  afterAll(async () => {
    for (const page of pages) await page.context().close()
    await adminSite?.close()
    await stack?.close()
    await database?.drop()
  })

  const shot = (page: Page, step: string) => screenshot(page, `${tag}-${step}`)

  async function phone(): Promise<Page> {
    const { page, problems: own } = await openPhonePage(browser)
    await bridge(page, BUILT_API_BASE, stack.apiUrl)
    await bridge(page, BUILT_SANDBOX_BASE, stack.sandboxUrl)
    phones.push(own)
    pages.push(page)
    return page
  }

  type Made = { product: { id: string; title: string; skus: Array<{ id: string }> } }

  test('staff place two hotspots on a lookbook image, see them in the live preview before saving, publish; a shopper taps one and adds that product; the per-block report counts it', async () => {
    const photo = (name: string) => api.upload(fs.readFileSync(name), path.basename(name))
    const shirtPhoto = await photo(await photoFile('shirt', 480, 480))
    const { product: shirt } = await api.post<Made>('/api/admin/products', {
      title: '亚麻衬衫', description: '法国亚麻。', images: [shirtPhoto],
      skus: [{ attrs: { 尺码: 'S' }, priceFen: 29900, stock: 5 }, { attrs: { 尺码: 'M' }, priceFen: 29900, stock: 5 }]
    })
    const { product: bag } = await api.post<Made>('/api/admin/products', {
      title: '帆布托特包', description: '', images: [await photo(await photoFile('bag', 480, 480))], skus: [{ attrs: {}, priceFen: 15900, stock: 20 }]
    })
    const { page: draft } = await api.post<{ page: { id: string } }>('/api/admin/pages', {
      slug: SLUG, title: '周末搭配', blocks: [{ type: 'text', text: '周末出门，一件衬衫一个包。' }]
    })

    // ---- 1. staff: the editor, with the live preview beside the form
    const staff = await openStaffAdmin(browser, adminSite.url, ADMIN, problems)
    pages.push(staff)
    // The H5 shop in the preview frame calls the API base it was built with: send that to this backend.
    await bridge(staff, BUILT_API_BASE, stack.apiUrl)
    await staff.goto(`${adminSite.url}#/pages/${draft.id}`)
    await staff.getByRole('button', { name: '立即发布' }).waitFor()
    const preview = staff.frameLocator('iframe[title="实时预览"]')
    await preview.getByText('周末出门，一件衬衫一个包。').waitFor({ timeout: 30_000 })

    // ---- 2. a 搭配购 block: the lookbook image, then two dots placed by clicking on it
    await staff.getByRole('button', { name: /添加搭配购$/ }).click()
    const block = staff.getByRole('group', { name: '模块 2：搭配购' })
    await block.locator('input[type=file]').setInputFiles(await photoFile('lookbook', 600, 800))
    const image = block.getByTestId('hotspot-image')
    await image.locator('img').waitFor()
    await image.locator('img').evaluate((img: HTMLImageElement) => img.decode())
    await block.getByLabel('标题').fill('这一身')
    const box = (await image.boundingBox())!
    await image.click({ position: { x: box.width * 0.3, y: box.height * 0.35 } })
    await image.click({ position: { x: box.width * 0.7, y: box.height * 0.75 } })
    await image.getByRole('button', { name: '商品点 2', exact: true }).waitFor()

    // The live preview shows both dots where they were placed, while the draft cannot be saved yet (no products).
    const dots = preview.locator('.blk-look__dot')
    await poll(async () => dots.count(), { until: (n) => n === 2, what: 'two dots in the live preview', timeoutMs: 15_000, everyMs: 200 })
    const frame = (await preview.locator('.blk-look__stage').boundingBox())!
    const at = async (i: number) => {
      const d = (await dots.nth(i).boundingBox())!
      return { x: (d.x + d.width / 2 - frame.x) / frame.width, y: (d.y + d.height / 2 - frame.y) / frame.height }
    }
    const first = await at(0)
    const second = await at(1)
    expect(first.x).toBeCloseTo(0.3, 1)
    expect(first.y).toBeCloseTo(0.35, 1)
    expect(second.x).toBeCloseTo(0.7, 1)
    expect(second.y).toBeCloseTo(0.75, 1)
    const stored = await api.get<{ page: { blocks: Array<{ type: string }> } }>(`/api/admin/pages/${draft.id}`)
    expect(stored.page.blocks.map((b) => b.type)).toEqual(['text'])
    await shot(staff, '01-admin-hotspots-live-preview')

    // ---- 3. a product per dot: the preview names them; the draft saves; publish
    const choose = async (label: string, search: string, title: string) => {
      await block.getByRole('combobox', { name: label }).pressSequentially(search)
      await staff.locator('.ant-select-item-option', { hasText: title }).click()
    }
    await choose('商品点 1 的商品', '衬衫', shirt.title)
    await choose('商品点 2 的商品', '托特', bag.title)
    await preview.locator('.blk-look__item', { hasText: shirt.title }).waitFor()
    await preview.locator('.blk-look__item', { hasText: bag.title }).waitFor()
    await staff.getByRole('status', { name: '保存状态' }).filter({ hasText: '草稿已保存' }).waitFor()
    await shot(staff, '02-admin-hotspots-products')
    await staff.getByRole('button', { name: '立即发布' }).click()
    await staff.locator('.ant-tag', { hasText: '已发布' }).waitFor()
    const served = (await (await fetch(`${stack.apiUrl}/api/v1/pages/${SLUG}`)).json()) as { page: { blocks: unknown[] } }
    expect(served.page.blocks[1]).toMatchObject({
      type: 'shop-the-look',
      title: '这一身',
      hotspots: [{ productId: shirt.id }, { productId: bag.id }]
    })

    // ---- 4. a shopper on a phone: taps the shirt's dot, picks M, adds it in place
    const shopper = await phone()
    await shopper.goto(`${shop.url}/#/pages/content/index?slug=${SLUG}`)
    const look = shopper.locator('.blk-look')
    await look.locator('.blk-look__image img').first().waitFor()
    await look.locator('.blk-look__image img').first().evaluate((img: HTMLImageElement) => img.decode())
    // The whole photo shows (600×800: the dots' fractions are of the image, not of a crop).
    const stage = (await look.locator('.blk-look__stage').boundingBox())!
    expect(stage.height / stage.width).toBeCloseTo(800 / 600, 1)
    await shot(shopper, '03-shopper-lookbook')
    await look.locator('.blk-look__dot').first().click()
    await shopper.locator('.sku__chip', { hasText: 'M' }).click()
    await shot(shopper, '04-shopper-hotspot-picker')
    await shopper.locator('.sku__confirm', { hasText: '加入购物车' }).click()
    await shopper.locator('.content__cart-badge', { hasText: '1' }).waitFor()

    // ---- 5. the per-block report: the look was seen, tapped and added from (the tracker sends its batch within seconds)
    const span = `from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`
    const lookRow = await poll(
      async () => (await api.get<{ rows: BlockReportRow[] }>(`/api/admin/analytics/blocks?contentSlug=${SLUG}&${span}`)).rows.find((r) => r.blockIndex === 1),
      { until: (r) => !!r && r.addToCarts === 1 && r.taps === 1 && r.views >= 1, what: 'the look block in the per-block report', timeoutMs: 60_000, everyMs: 1000 }
    )
    expect(lookRow).toMatchObject({ blockIndex: 1, blockType: 'shop-the-look', views: 1, viewers: 1, taps: 1, addToCarts: 1 })
    const report = await api.get<{ rows: BlockReportRow[] }>(`/api/admin/analytics/blocks?contentSlug=${SLUG}&${span}`)
    expect(report.rows.find((r) => r.blockIndex === 0)).toMatchObject({ blockType: 'text', views: 1, taps: 0, addToCarts: 0 })

    // Staff see it in 数据 → 模块表现: the look's row (block 2) was seen, tapped and added from once.
    await staff.getByRole('menuitem', { name: '数据' }).click()
    const blockCard = staff.locator('.ant-card').filter({ has: staff.getByText('模块表现', { exact: true }) })
    const lookLine = blockCard.getByRole('row').filter({ hasText: '2. 搭配购' })
    await lookLine.waitFor({ timeout: 30_000 })
    const cells = await lookLine.getByRole('cell').allInnerTexts()
    expect(cells.slice(0, 4)).toEqual(['2. 搭配购', '1', '1', '1'])
    expect(cells[5]).toBe('1')
    await lookLine.scrollIntoViewIfNeeded()
    await shot(staff, '06-admin-block-report')

    // ---- 6. the other new blocks on a launch page: a countdown puts its product off sale until the launch
    const { product: wool } = await api.post<Made>('/api/admin/products', {
      title: '羊毛开衫', description: '', images: [await photo(await photoFile('wool', 480, 480))], skus: [{ attrs: {}, priceFen: 59900, stock: 30 }]
    })
    const slides = await Promise.all(['slide-a', 'slide-b'].map(async (n) => photo(await photoFile(n, 750, 560))))
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString()
    const { page: launch } = await api.post<{ page: { id: string } }>('/api/admin/pages', {
      slug: LAUNCH_SLUG,
      title: '羊毛上新',
      blocks: [
        { type: 'carousel', slides: [{ image: slides[0], productId: wool.id }, { image: slides[1], pageSlug: SLUG }] },
        { type: 'quote', text: '冬天要穿得温柔一点。', by: '设计师 林' },
        { type: 'countdown', until, title: '羊毛开衫 开售倒计时', productId: wool.id },
        { type: 'divider' },
        { type: 'product', productId: wool.id }
      ]
    })
    await api.post(`/api/admin/pages/${launch.id}/publish`, {})
    await shopper.goto(`${shop.url}/#/pages/content/index?slug=${LAUNCH_SLUG}`)
    await shopper.locator('.blk-countdown__action', { hasText: '开售提醒' }).waitFor()
    await shopper.locator('.blk-product__buy', { hasText: '即将开售' }).waitFor()
    await shopper.locator('.blk-carousel__image img').first().evaluate((img: HTMLImageElement) => img.decode())
    await shot(shopper, '05-shopper-launch-page')
    expect([...problems, ...phones.flat()]).toEqual([])
  }, 600_000)
})
