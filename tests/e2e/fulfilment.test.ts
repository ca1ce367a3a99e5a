// The order's life after payment, in Chromium against the real backend process and the
// WeChat sandbox: shopper B buys through shopper A's share in the H5 shop and pays; a
// staff member ships it by express from the admin's 待发货 queue while WeChat answers
// 10060001 (not ingested yet) twice, and the outbox still gets the upload through; B sees
// the parcel, confirms receipt on the sandbox's stand-in for WeChat's confirm component,
// and the order completes; B asks for a partial 仅退款, staff approve it in the 售后
// queue, WeChat Pay (the sandbox) refunds it, and B's order page and the content and
// sharer reports show it. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
// Screens go to screenshots/fulfilment-*.png (fulfilment-pg-*.png on PostgreSQL).
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { ContentReportRow, SharerReportRow } from '@core/contract/analytics'
import type { OrderDto } from '@core/contract/orders'
import type { Product } from '@core/contract/catalog'
import { ADMIN_DIST, ensureAdminBuild } from './helpers/admin-build'
import { serveAdmin } from './helpers/admin-site'
import { bridge, BUILT_API_BASE, BUILT_SANDBOX_BASE } from './helpers/api-bridge'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { approveAfterSale, openStaffAdmin, shipByExpress } from './helpers/fulfilment-admin'
import { databaseFor, DIALECTS, type Dialect } from './helpers/fulfilment-db'
import { confirmReceipt, requestAfterSale } from './helpers/fulfilment-h5'
import { wechatSide, type UploadBody } from './helpers/fulfilment-wechat'
import { openOrder } from './helpers/journey-admin'
import { addFromBlock, checkOut, shareFromMenu, storedValue } from './helpers/journey-h5'
import { placeholderSvg } from './helpers/placeholder-media'
import { ADMIN, adminClient, startRealStack } from './helpers/real-stack'
import { serveDir } from './helpers/static-server'
import { poll } from '../helpers/poll'

const SLUG = 'winter-knit'
const TRACKING_NO = 'SF1402938475612'
/** WeChat has not ingested the paid order yet: retried by the outbox (docs/wechat.md "Errcodes and what the outbox does"). */
const NOT_INGESTED = 10060001
const RFC3339_CHINA = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00$/

let browser: Browser
let shop: Awaited<ReturnType<typeof serveDir>>

beforeAll(async () => {
  // Other people edit src/admin all day; E2E_KEEP_BUILDS=1 tests the dist-admin/ already there.
  if (!(process.env.E2E_KEEP_BUILDS && fs.existsSync(path.join(ADMIN_DIST, 'index.html')))) ensureAdminBuild()
  // E2E_H5_DIST: a copy of dist-h5/ that a teammate's rebuild cannot swap mid-run.
  shop = await serveDir(process.env.E2E_H5_DIST || path.resolve(__dirname, '../../dist-h5'))
  browser = await launchBrowser()
}, 400_000)
afterAll(async () => {
  await browser?.close()
  await shop?.close()
})

describe.each(DIALECTS)('on %s', (dialect: Dialect) => {
  const tag = dialect === 'sqlite' ? 'fulfilment' : 'fulfilment-pg'
  let stack: Awaited<ReturnType<typeof startRealStack>>
  let database: Awaited<ReturnType<typeof databaseFor>>
  let adminSite: Awaited<ReturnType<typeof serveAdmin>>
  let api: Awaited<ReturnType<typeof adminClient>>
  const problems: string[] = []
  const phones: string[][] = []
  const pages: Page[] = []

  beforeAll(async () => {
    database = await databaseFor(dialect)
    stack = await startRealStack({ databaseUrl: database.url, messageToken: 'e2eFulfilmentToken' })
    adminSite = await serveAdmin(stack.apiUrl)
    api = await adminClient(stack.apiUrl).catch((e: Error) => {
      throw new Error(`${e.message}\nbackend output:\n${stack.log().slice(-4000)}`)
    })
  }, 120_000)
  afterAll(async () => {
    // Closed before their backend goes: the apps' trackers would keep posting to a dead port.
    for (const page of pages) await page.context().close()
    await adminSite?.close()
    await stack?.close()
    await database?.drop()
  })

  const shot = (page: Page, step: string) => screenshot(page, `${tag}-${step}`)

  async function photo(name: string): Promise<string> {
    const page = await browser.newPage({ viewport: { width: 600, height: 600 } })
    await page.setContent(`<html><body style="margin:0">${placeholderSvg(name).replace('width="900" height="900"', 'width="600" height="600"')}</body></html>`)
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 600, height: 600 } })
    await page.close()
    return api.upload(png, `${name}.png`)
  }

  async function phone(): Promise<Page> {
    const { page, problems: own } = await openPhonePage(browser)
    await bridge(page, BUILT_API_BASE, stack.apiUrl)
    await bridge(page, BUILT_SANDBOX_BASE, stack.sandboxUrl)
    phones.push(own)
    pages.push(page)
    return page
  }

  const span = () => `from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`
  const contentRow = async () => (await api.get<{ rows: ContentReportRow[] }>(`/api/admin/analytics/content?${span()}`)).rows.find((r) => r.slug === SLUG)
  const sharerRow = async (userId: string) => (await api.get<{ rows: SharerReportRow[] }>(`/api/admin/analytics/sharers?${span()}`)).rows.find((r) => r.userId === userId)
  const staffOrder = async (id: string) => (await api.get<{ order: OrderDto & { payment: { transactionId: string | null } } }>(`/api/admin/orders/${id}`)).order

  test('pay → ship by express (WeChat answers 10060001 twice) → upload received → tracking → receipt confirmed → partial after-sales refund approved → refunded, shown and reported', async () => {
    const wechat = wechatSide(stack.sandboxUrl)

    // The brand's catalog and a published page (already there before the story).
    const [knitPhoto, capPhoto] = [await photo('knit'), await photo('cap')]
    const { product: knit } = await api.post<{ product: Product }>('/api/admin/products', {
      title: '羊毛开衫', description: '新西兰美利奴羊毛，贴身不扎。', images: [knitPhoto],
      skus: [{ attrs: { 颜色: '燕麦' }, priceFen: 25900, stock: 8 }, { attrs: { 颜色: '墨绿' }, priceFen: 25900, stock: 8 }]
    })
    const { product: cap } = await api.post<{ product: Product }>('/api/admin/products', { title: '针织帽', description: '', images: [capPhoto], skus: [{ attrs: {}, priceFen: 8800, stock: 30 }] })
    const { page: draft } = await api.post<{ page: { id: string } }>('/api/admin/pages', {
      slug: SLUG, title: '冬日针织',
      blocks: [{ type: 'text', text: '天冷了，从一件开衫开始。' }, { type: 'product', productId: knit.id }, { type: 'product', productId: cap.id }]
    })
    await api.post(`/api/admin/pages/${draft.id}/publish`)

    // ---- 1. A shares the page; B buys both products through A's link and pays on the sandbox's cashier
    const a = await phone()
    await a.goto(`${shop.url}/#/pages/content/index?slug=${SLUG}`)
    await a.getByText('天冷了，从一件开衫开始。').waitFor()
    const card = await shareFromMenu(a)
    await a.goto(`${shop.url}/#/pkg-orders/list/index`) // signs A in: the share becomes A's
    await a.getByText('暂无订单').waitFor()
    const sharer = (await storedValue<{ userId: string }>(a, 'auth:token'))!
    await poll(async () => ((await sharerRow(sharer.userId))?.shares === 1 ? true : undefined), { what: "A's share in the reports", timeoutMs: 30_000, everyMs: 500 })

    const b = await phone()
    await b.goto(`${shop.url}/#${card.path}`)
    await b.getByText('天冷了，从一件开衫开始。').waitFor()
    await addFromBlock(b, 0, '墨绿', 1)
    await addFromBlock(b, 1, null, 2)
    await checkOut(b, shop.url, 2)
    await b.getByText('确认支付').click()
    await b.locator('.order__title', { hasText: '已支付' }).waitFor({ timeout: 30_000 })
    await shot(b, '01-shopper-paid')
    const orderId = new URL(b.url().replace('#', '')).searchParams.get('id')!
    const paid = await staffOrder(orderId)
    expect(paid).toMatchObject({ status: 'paid', totalFen: 34700, attribution: { contentSlug: SLUG, sharerId: sharer.userId } })
    const transactionId = paid.payment.transactionId!
    expect(transactionId).toEqual(expect.any(String))
    expect((await wechat.order(transactionId))?.order_state).toBe(1)

    // ---- 2. WeChat has not ingested the payment yet; staff ship it by SF Express from 待发货
    await wechat.fail('upload_shipping_info', NOT_INGESTED, 2)
    const staff = await openStaffAdmin(browser, adminSite.url, ADMIN, problems)
    pages.push(staff)
    await shipByExpress(staff, { outTradeNo: paid.outTradeNo, search: '顺丰', carrierName: '顺丰速运', trackingNo: TRACKING_NO }, () => shot(staff, '02-admin-ship-dialog'))
    expect((await staffOrder(orderId)).status).toBe('shipped')

    // ---- 3. the outbox retries (15 s, then 30 s) until WeChat takes the upload
    const uploads = await poll(async () => {
      const calls = await wechat.calls('upload_shipping_info')
      return calls.some((c) => c.errcode === 0) ? calls : undefined
    }, { what: 'WeChat to accept the shipping upload after two 10060001 answers', timeoutMs: 150_000, everyMs: 1000 })
    expect(uploads.map((c) => c.errcode)).toEqual([NOT_INGESTED, NOT_INGESTED, 0])
    const sent = uploads[2]!.body as unknown as UploadBody
    expect(sent.order_key).toMatchObject({ order_number_type: 2, transaction_id: transactionId })
    expect(sent.logistics_type).toBe(1)
    expect(sent.upload_time).toMatch(RFC3339_CHINA)
    expect(sent.shipping_list).toHaveLength(1)
    const parcel = sent.shipping_list[0]!
    expect(parcel).toMatchObject({ tracking_no: TRACKING_NO, express_company: 'SF' })
    expect(parcel.item_desc).toContain('羊毛开衫')
    expect(parcel.item_desc).toContain('针织帽')
    expect(parcel.item_desc.length).toBeLessThanOrEqual(120)
    // SF Express wants the receiver's phone, masked to its last four digits.
    expect(parcel.contact?.receiver_contact).toMatch(/7000$/)
    expect(parcel.contact?.receiver_contact).not.toContain('13700137000')
    expect((await wechat.order(transactionId))?.order_state).toBe(2)
    await openOrder(staff, paid.outTradeNo)
    const sync = staff.locator('.ant-card', { hasText: '微信同步' })
    await sync.getByRole('row').filter({ hasText: '上传发货信息' }).getByText('已完成').waitFor()
    await shot(staff, '03-admin-order-shipped-synced')

    // ---- 4. B sees the parcel and confirms receipt on WeChat's (the sandbox's) confirm sheet
    await b.goto(`${shop.url}/#/pkg-orders/detail/index?id=${orderId}`)
    await b.locator('.order__title', { hasText: '已发货' }).waitFor()
    await b.locator('.parcel__carrier', { hasText: '顺丰速运' }).waitFor()
    await b.getByText(`运单号 ${TRACKING_NO}`).waitFor()
    await shot(b, '04-shopper-parcel')
    await confirmReceipt(b, () => shot(b, '05-shopper-confirm-sheet'))
    await b.locator('.order__title', { hasText: '已完成' }).waitFor({ timeout: 30_000 })
    await shot(b, '06-shopper-completed')
    expect(await staffOrder(orderId)).toMatchObject({ status: 'completed', completedAt: expect.any(String) })
    expect((await wechat.order(transactionId))?.order_state).toBe(3)

    // ---- 5. B asks for part of the money back (仅退款, ¥60 of ¥347, a reason)
    await requestAfterSale(b, { kind: '仅退款', reason: '质量问题', yuan: '60', note: '开衫袖口有一处脱线' }, () => shot(b, '07-shopper-after-sale-form'))
    await b.locator('.after-sale__status', { hasText: '待审核' }).waitFor({ timeout: 30_000 })
    await shot(b, '08-shopper-after-sale-requested')

    // ---- 6. staff approve it in the 售后 queue; WeChat Pay (the sandbox) refunds it
    await approveAfterSale(staff, paid.outTradeNo, () => shot(staff, '09-admin-approve-dialog'))
    const refunded = await poll(async () => {
      const o = await staffOrder(orderId)
      return o.refundedFen === 6000 && o.afterSale?.status === 'refunded' ? o : undefined
    }, { what: 'WeChat Pay to settle the after-sales refund', timeoutMs: 60_000, everyMs: 500 })
    expect(refunded).toMatchObject({ status: 'completed', refundedFen: 6000, afterSale: { kind: 'refund', amountFen: 6000, reason: '质量问题' } })
    await staff.locator('.ant-radio-button-wrapper', { hasText: '已退款' }).click() // antd hides the radio input under its label
    await staff.getByRole('row').filter({ hasText: paid.outTradeNo }).getByText('已退款').waitFor()
    await shot(staff, '10-admin-after-sales-refunded')

    // ---- 7. B's order page shows the refund; the reports count it
    await b.reload()
    const refundRow = b.locator('.refund', { hasText: '已退款' })
    await refundRow.waitFor({ timeout: 30_000 })
    expect(await refundRow.locator('.price').innerText()).toBe('¥60')
    await b.locator('.after-sale__status', { hasText: '已退款' }).waitFor()
    await b.locator('.order__total--refund', { hasText: '¥60' }).waitFor()
    await shot(b, '11-shopper-refunded')
    await refundRow.scrollIntoViewIfNeeded() // the page scrolls inside Taro's container: show the 退款记录 card too
    await shot(b, '12-shopper-refund-record')

    expect(await contentRow()).toMatchObject({ paidOrders: 1, paidFen: 34700, refundedFen: 6000 })
    expect(await sharerRow(sharer.userId)).toMatchObject({ paidOrders: 1, paidFen: 34700, refundedFen: 6000 })

    expect([...problems, ...phones.flat()]).toEqual([])
  }, 600_000)
})
