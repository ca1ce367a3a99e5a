// Coupons and sharer rewards end to end, in Chromium against the real backend process and
// the WeChat sandbox: staff create a coupon in the admin's 优惠券 screen, a sharer reward
// rule in 分享奖励, and put the coupon's block on a page and publish it; shopper A shares
// the page, shopper B opens A's link in the H5 shop, claims the coupon from the page and
// buys with it (the checkout picks it; WeChat Pay, the sandbox, charges the discounted
// amount); staff refund one line in part of the admin's order page and the sandbox refunds
// that line's discounted share; a second order of B's with another coupon is cancelled and
// the coupon is usable again; B's first order completes and A receives the reward coupon,
// which a further refund inside the after-sales window takes back.
// On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
// Screens go to screenshots/coupons-*.png (coupons-pg-*.png on PostgreSQL).
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { CouponDto, UserCouponDto } from '@core/contract/coupons'
import type { OrderDto } from '@core/contract/orders'
import type { SharerReportRow } from '@core/contract/analytics'
import { spreadDiscount } from '@core/coupon'
import { ADMIN_DIST, ensureAdminBuild } from './helpers/admin-build'
import { serveAdmin } from './helpers/admin-site'
import { bridge, BUILT_API_BASE, BUILT_SANDBOX_BASE } from './helpers/api-bridge'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { openStaffAdmin } from './helpers/fulfilment-admin'
import { databaseFor, DIALECTS, type Dialect } from './helpers/fulfilment-db'
import { wechatSide } from './helpers/fulfilment-wechat'
import { openOrder, refundPart } from './helpers/journey-admin'
import { addFromBlock, shareFromMenu, storedValue } from './helpers/journey-h5'
import { ADMIN, adminClient, startRealStack } from './helpers/real-stack'
import { serveDir } from './helpers/static-server'
import { poll } from '../helpers/poll'

const SLUG = 'open-day'
const ADDRESS = { name: '沈知秋', phone: '13700137000', province: '江苏省', city: '苏州市', district: '姑苏区', detail: '平江路 12 号' }

let browser: Browser
let shop: Awaited<ReturnType<typeof serveDir>>

beforeAll(async () => {
  // E2E_KEEP_BUILDS=1 tests the dist-admin/ already there (as the fulfilment test does).
  if (!(process.env.E2E_KEEP_BUILDS && fs.existsSync(path.join(ADMIN_DIST, 'index.html')))) ensureAdminBuild()
  shop = await serveDir(process.env.E2E_H5_DIST || path.resolve(__dirname, '../../dist-h5'))
  browser = await launchBrowser()
}, 400_000)
afterAll(async () => {
  await browser?.close()
  await shop?.close()
})

type StaffOrder = OrderDto & { outTradeNo: string; payment: { transactionId: string | null } }

describe.each(DIALECTS)('on %s', (dialect: Dialect) => {
  const tag = dialect === 'sqlite' ? 'coupons' : 'coupons-pg'
  let stack: Awaited<ReturnType<typeof startRealStack>>
  let database: Awaited<ReturnType<typeof databaseFor>>
  let adminSite: Awaited<ReturnType<typeof serveAdmin>>
  let api: Awaited<ReturnType<typeof adminClient>>
  const problems: string[] = []
  const phones: string[][] = []
  const pages: Page[] = []

  beforeAll(async () => {
    database = await databaseFor(dialect)
    stack = await startRealStack({ databaseUrl: database.url, messageToken: 'e2eCouponsToken' })
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

  /** The shopper API as the app calls it, with the token the H5 shop keeps. */
  async function shopperApi(page: Page) {
    const { token } = (await storedValue<{ token: string }>(page, 'auth:token'))!
    return async <T>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
      const res = await fetch(`${stack.apiUrl}${route}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`shopper ${method} ${route} → ${res.status}: ${text}`)
      return JSON.parse(text) as T
    }
  }

  const staffOrder = async (id: string) => (await api.get<{ order: StaffOrder }>(`/api/admin/orders/${id}`)).order

  test('a coupon made in the admin is claimed from its page block, buys at the discount, refunds its discounted share, comes back on cancel; the sharer earns the reward and loses it to a refund in the window', async () => {
    const wechat = wechatSide(stack.sandboxUrl)

    // The brand's catalog, a second coupon and the reward coupon, and a draft page (already there before the story).
    const { product: shirt } = await api.post<{ product: { id: string; skus: Array<{ id: string }> } }>('/api/admin/products', {
      title: '亚麻衬衫', description: '法国亚麻。', images: [], skus: [{ attrs: {}, priceFen: 29900, stock: 10 }]
    })
    const { product: mug } = await api.post<{ product: { id: string; skus: Array<{ id: string }> } }>('/api/admin/products', {
      title: '粗陶马克杯', description: '', images: [], skus: [{ attrs: {}, priceFen: 8800, stock: 20 }]
    })
    const window = { startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }
    const { coupon: tenOff } = await api.post<{ coupon: CouponDto }>('/api/admin/coupons', { title: '无门槛立减', kind: 'amount_off', amountOffFen: 1000, minSpendFen: 0, perUser: 1, ...window })
    const { coupon: rewardCoupon } = await api.post<{ coupon: CouponDto }>('/api/admin/coupons', { title: '分享有礼', kind: 'percent_off', percentOff: 10, maxOffFen: 3000, minSpendFen: 0, validDays: 30, perUser: 100, ...window })
    const { page: draft } = await api.post<{ page: { id: string } }>('/api/admin/pages', {
      slug: SLUG, title: '开业日',
      blocks: [{ type: 'text', text: '开业第一天，领券再买。' }, { type: 'product', productId: shirt.id }, { type: 'product', productId: mug.id }]
    })

    // ---- 1. staff: 优惠券 → 新建优惠券 (满300减50, 100 张, 每人 1 张)
    const staff = await openStaffAdmin(browser, adminSite.url, ADMIN, problems)
    pages.push(staff)
    await staff.getByRole('menuitem', { name: '优惠券' }).click()
    await staff.getByRole('button', { name: /新建优惠券/ }).click()
    const editor = staff.getByRole('dialog', { name: '新建优惠券' })
    await editor.getByLabel('名称').fill('开业满减')
    await editor.getByLabel('减免金额').fill('50')
    await editor.getByLabel('使用门槛').fill('300')
    await editor.getByLabel('发放总量').fill('100')
    await editor.getByTestId('coupon-rule-preview').filter({ hasText: '满300减50' }).waitFor()
    await shot(staff, '01-admin-coupon-editor')
    await editor.getByRole('button', { name: '保存' }).click()
    await editor.waitFor({ state: 'hidden' })
    const row = staff.getByRole('row').filter({ hasText: '开业满减' })
    await row.filter({ hasText: '满300减50' }).filter({ hasText: '0 / 0' }).waitFor()
    await shot(staff, '02-admin-coupon-list')
    const made = (await api.get<{ items: CouponDto[] }>('/api/admin/coupons')).items.find((c) => c.title === '开业满减')!
    expect(made).toMatchObject({ kind: 'amount_off', amountOffFen: 5000, minSpendFen: 30000, total: 100, perUser: 1, claimed: 0, used: 0 })

    // ---- 2. staff: 分享奖励 → a rule for every page, rewarding 分享有礼
    await staff.getByRole('menuitem', { name: '分享奖励' }).click()
    await staff.getByRole('button', { name: /新建奖励规则/ }).click()
    const ruleForm = staff.getByRole('dialog', { name: '新建奖励规则' })
    await ruleForm.getByRole('combobox', { name: '奖励的优惠券' }).click()
    await staff.locator('.ant-select-item-option', { hasText: '分享有礼' }).click()
    await shot(staff, '02r-admin-reward-rule-form')
    await ruleForm.getByRole('button', { name: '保存' }).click()
    await ruleForm.waitFor({ state: 'hidden' })
    await staff.getByRole('row').filter({ hasText: '全部页面' }).filter({ hasText: '分享有礼' }).waitFor()

    // ---- 3. staff: the coupon's block on the page, then 立即发布
    await staff.goto(`${adminSite.url}#/pages/${draft.id}`)
    await staff.getByRole('button', { name: '立即发布' }).waitFor()
    await staff.getByRole('button', { name: /添加优惠券$/ }).click()
    const block = staff.getByRole('group', { name: '模块 4：优惠券' })
    await block.getByRole('combobox', { name: '选择优惠券' }).click()
    await staff.locator('.ant-select-item-option', { hasText: '开业满减' }).click()
    await block.getByTestId('coupon-block-preview').filter({ hasText: '满300减50' }).waitFor()
    await staff.getByRole('button', { name: '上移模块 4' }).click()
    await staff.getByRole('button', { name: '上移模块 3' }).click()
    await staff.getByRole('status', { name: '保存状态' }).filter({ hasText: '草稿已保存' }).waitFor()
    await shot(staff, '03-admin-coupon-block')
    await staff.getByRole('button', { name: '立即发布' }).click()
    await staff.locator('.ant-tag', { hasText: '已发布' }).waitFor()

    // ---- 4. A shares the page (and signs in, so the share is A's)
    const a = await phone()
    await a.goto(`${shop.url}/#/pages/content/index?slug=${SLUG}`)
    await a.getByText('开业第一天，领券再买。').waitFor()
    const card = await shareFromMenu(a)
    await a.goto(`${shop.url}/#/pkg-orders/list/index`)
    await a.getByText('暂无订单').waitFor()
    const sharer = (await storedValue<{ userId: string }>(a, 'auth:token'))!
    // The share event reaches the backend from the app's tracker queue; B's order is attributed through it.
    const span = `from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`
    await poll(async () => (await api.get<{ rows: SharerReportRow[] }>(`/api/admin/analytics/sharers?${span}`)).rows.find((r) => r.userId === sharer.userId)?.shares === 1, {
      what: "A's share in the reports",
      timeoutMs: 30_000,
      everyMs: 500
    })

    // ---- 5. B opens A's link, claims the coupon in the page, buys both products with it
    const b = await phone()
    await b.goto(`${shop.url}/#${card.path}`)
    await b.getByText('开业第一天，领券再买。').waitFor()
    const couponBlock = b.locator('.blk-coupon', { hasText: '开业满减' })
    await couponBlock.locator('.blk-coupon__action', { hasText: '可领取' }).click()
    await couponBlock.locator('.blk-coupon__action', { hasText: '已领取' }).waitFor({ timeout: 30_000 })
    await b.getByText('领取成功').waitFor({ state: 'hidden' })
    await shot(b, '04-shopper-block-claimed')
    await addFromBlock(b, 0, null, 1)
    await addFromBlock(b, 1, null, 2)
    await b.goto(`${shop.url}/#/pages/cart/index`)
    await b.getByText('结算(2)').click()
    await b.getByText('手动填写').click()
    const fill = (label: string, value: string) => b.locator(`.addr-form__row:has-text("${label}") input`).fill(value)
    await fill('收货人', ADDRESS.name)
    await fill('手机号', ADDRESS.phone)
    await fill('省份', ADDRESS.province)
    await fill('城市', ADDRESS.city)
    await fill('区县', ADDRESS.district)
    await fill('详细地址', ADDRESS.detail)
    await b.getByText('保存地址').click()
    // The checkout picked the claimed coupon by itself: 优惠 ¥50, 实付 ¥337 of ¥387.
    await b.locator('.checkout__coupon-value', { hasText: '开业满减' }).waitFor()
    await b.locator('.checkout__discount', { hasText: '¥50' }).waitFor()
    await b.locator('[aria-label="实付金额"]', { hasText: '¥337' }).first().waitFor()
    await shot(b, '05-shopper-checkout-coupon')
    await b.getByText('提交订单并支付').click()
    await b.getByText('确认支付').waitFor({ timeout: 30_000 })
    await b.getByText('确认支付').click()
    await b.locator('.order__title', { hasText: '已支付' }).waitFor({ timeout: 30_000 })
    await shot(b, '06-shopper-paid')
    const orderId = new URL(b.url().replace('#', '')).searchParams.get('id')!
    const paid = await staffOrder(orderId)
    expect(paid).toMatchObject({ status: 'paid', totalFen: 38700, discountFen: 5000, payableFen: 33700, coupon: { title: '开业满减' }, attribution: { contentSlug: SLUG, sharerId: sharer.userId } })

    // WeChat Pay (the sandbox) charged the discounted amount.
    expect(stack.sandbox.store.orders.get(paid.outTradeNo)).toMatchObject({ totalFen: 33700, tradeState: 'SUCCESS' })
    const claimedCounts = (await api.get<{ items: CouponDto[] }>('/api/admin/coupons')).items.find((c) => c.id === made.id)
    expect(claimedCounts).toMatchObject({ claimed: 1, used: 1 })

    // ---- 6. staff refund the mug in part: its price less its share of the discount (largest remainder)
    const shares = spreadDiscount(paid.items.map((i) => i.priceFen * i.qty), 5000)
    const mugIndex = paid.items.findIndex((i) => i.title === '粗陶马克杯')
    expect(paid.items.map((i) => i.discountFen ?? 0)).toEqual(shares)
    const mugPaidFen = 8800 - shares[mugIndex]!
    await openOrder(staff, paid.outTradeNo)
    await refundPart(staff, paid.outTradeNo, (mugPaidFen / 100).toFixed(2), '马克杯缺货')
    await shot(staff, '07-admin-partial-refund')
    const refunds = [...stack.sandbox.store.refunds.values()].filter((r) => r.outTradeNo === paid.outTradeNo)
    expect(refunds.map((r) => ({ refundFen: r.refundFen, totalFen: r.totalFen, status: r.status }))).toEqual([{ refundFen: mugPaidFen, totalFen: 33700, status: 'SUCCESS' }])
    expect(await staffOrder(orderId)).toMatchObject({ refundedFen: mugPaidFen, payableFen: 33700 })

    // ---- 7. B's second order with another coupon is cancelled: that coupon is usable again
    const asB = await shopperApi(b)
    const { userCoupon: ten } = await asB<{ userCoupon: UserCouponDto }>('POST', `/api/v1/coupons/${tenOff.id}/claim`)
    const { order: second } = await asB<{ order: OrderDto }>('POST', '/api/v1/orders', { items: [{ skuId: mug.skus[0]!.id, qty: 1 }], address: ADDRESS, couponId: ten.id }, { 'Idempotency-Key': `coupons-e2e-${Date.now()}` })
    expect(second).toMatchObject({ totalFen: 8800, discountFen: 1000, payableFen: 7800 })
    const mine = async () => (await asB<{ items: UserCouponDto[] }>('GET', '/api/v1/me/coupons')).items
    expect((await mine()).find((c) => c.id === ten.id)).toMatchObject({ status: 'locked', orderId: second.id })
    await asB('POST', `/api/v1/orders/${second.id}/cancel`)
    expect((await mine()).find((c) => c.id === ten.id)).toMatchObject({ status: 'usable' })
    await b.goto(`${shop.url}/#/pkg-me/coupons/index`)
    await b.getByText('无门槛立减').waitFor()
    await shot(b, '08-shopper-my-coupons')

    // ---- 8. B's first order ships and B confirms receipt on WeChat: it completes, and A (the sharer) earns 分享有礼
    // (B's shopping and the receipt sheet in the browser are the fulfilment test's; here they go by the API.)
    await api.post(`/api/admin/orders/${orderId}/ship`, { logisticsType: 'virtual' })
    const transactionId = paid.payment.transactionId!
    await poll(async () => (await wechat.order(transactionId))?.order_state, { until: (s) => s === 2, what: 'WeChat to take the shipping upload', timeoutMs: 120_000, everyMs: 1000 })
    const confirm = await fetch(`${stack.sandboxUrl}/sandbox/mp/orders/${encodeURIComponent(transactionId)}/confirm-receipt`, { method: 'POST', body: '{}' })
    expect(confirm.status).toBe(200)
    // What the app does when WeChat's confirm component returns: the server asks get_order, then completes.
    expect((await asB<{ order: OrderDto }>('POST', `/api/v1/orders/${orderId}/confirm-receipt`, {})).order.status).toBe('completed')
    const asA = await shopperApi(a)
    const reward = await poll(async () => (await asA<{ items: UserCouponDto[] }>('GET', '/api/v1/me/coupons')).items.find((c) => c.source === 'reward'), {
      what: "the sharer's reward coupon",
      timeoutMs: 30_000,
      everyMs: 500
    })
    expect(reward).toMatchObject({ couponId: rewardCoupon.id, title: '分享有礼', status: 'usable' })
    const ledger = async () => (await api.get<{ items: Array<{ kind: string; orderId: string; sharerId: string; userCouponId: string }> }>('/api/admin/rewards/ledger')).items
    expect(await ledger()).toEqual([expect.objectContaining({ kind: 'grant', orderId, sharerId: sharer.userId, userCouponId: reward.id })])

    // ---- 9. a refund inside the after-sales window takes the unused reward back
    await api.post(`/api/admin/orders/${orderId}/refund`, { amountFen: 1000, reason: '补偿运输压痕' })
    await poll(async () => (await ledger()).map((l) => l.kind).sort().join(','), { until: (k) => k === 'grant,void', what: 'the reward to be voided after the refund', timeoutMs: 60_000, everyMs: 500 })
    const after = (await asA<{ items: UserCouponDto[] }>('GET', '/api/v1/me/coupons')).items.find((c) => c.id === reward.id)
    expect(after?.status ?? 'gone').not.toBe('usable')
    await staff.getByRole('menuitem', { name: '分享奖励' }).click()
    await staff.getByRole('row').filter({ hasText: orderId }).filter({ hasText: '发放' }).waitFor()
    await staff.getByRole('row').filter({ hasText: orderId }).filter({ hasText: '收回' }).waitFor()
    await shot(staff, '09-admin-rewards')

    expect([...problems, ...phones.flat()]).toEqual([])
  }, 600_000)
})
