import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser } from 'playwright-core'
import { expressUpload, startMp, type MpHarness } from './helpers/mp'

// Debian's Chromium, kept off the network.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let h: MpHarness
let shop: Server
let shopUrl: string
beforeAll(async () => {
  h = await startMp({ merchantName: '山茶生活馆（沙箱）' })
  // The H5 shop the sheet returns to.
  shop = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>订单详情</title><p>订单详情</p>'))
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve))
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/`
})
afterAll(async () => {
  await h.close()
  shop.closeAllConnections()
  await new Promise((resolve) => shop.close(resolve))
})

async function shipped(carrier = { tracking_no: 'SF1400000000001', express_company: 'SF', item_desc: '经典帆布包*1', contact: { receiver_contact: '189****1234' } }) {
  const o = await h.paidOrder()
  expect((await h.call('/wxa/sec/order/upload_shipping_info', expressUpload(o, h.clock.now(), { shipping_list: [carrier] }))).errcode).toBe(0)
  return o
}
const state = async (transactionId: string) => (await h.call('/wxa/sec/order/get_order', { transaction_id: transactionId })).order.order_state
const page = (query: string) => fetch(`${h.url}/sandbox/confirm-receipt?${query}`)
const post = (form: Record<string, string>) =>
  fetch(`${h.url}/sandbox/confirm-receipt`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' })
const returnTo = () => `${shopUrl}#/pages/order/detail?id=7`

describe('GET /sandbox/confirm-receipt in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  })
  afterAll(() => browser.close())

  it('shows WeChat’s confirm sheet; 确认收货 moves the order to 3 and returns with confirm_status=success', async () => {
    const o = await shipped()
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'zh-CN' })
    const tab = await context.newPage()
    const errors: string[] = []
    tab.on('pageerror', (e) => errors.push(e.message))
    await tab.goto(`${h.url}/sandbox/confirm-receipt?transaction_id=${o.transactionId}&return=${encodeURIComponent(returnTo())}`)
    const sheet = tab.getByRole('dialog', { name: '确认收货' })
    for (const text of ['顺丰速运 SF1400000000001', '¥129.00', '山茶生活馆（沙箱）']) {
      await sheet.getByText(text).waitFor({ state: 'visible' })
    }
    await sheet.getByRole('button', { name: '确认收货' }).click()
    await tab.waitForURL(/confirm_status=/)
    expect(tab.url()).toBe(`${shopUrl}#/pages/order/detail?id=7&confirm_status=success`)
    expect(await state(o.transactionId)).toBe(3)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('the confirm sheet over HTTP', () => {
  it('取消 (and 返回) return confirm_status=cancel and leave the order shipped', async () => {
    const o = await shipped()
    for (const action of ['cancel', 'back']) {
      const r = await post({ transaction_id: o.transactionId, return: returnTo(), action })
      expect(r.status).toBe(303)
      expect(r.headers.get('location')).toBe(`${shopUrl}#/pages/order/detail?id=7&confirm_status=cancel`)
    }
    expect(await state(o.transactionId)).toBe(2)
  })

  it('finds the order by merchant_id + merchant_trade_no too', async () => {
    const o = await shipped()
    const sheet = await (await page(`merchant_id=${h.keys.mchid}&merchant_trade_no=${o.outTradeNo}`)).text()
    expect(sheet).toContain(o.transactionId)
    const r = await post({ merchant_id: h.keys.mchid, merchant_trade_no: o.outTradeNo, return: returnTo(), action: 'confirm' })
    expect(r.headers.get('location')).toMatch(/confirm_status=success$/)
    expect(await state(o.transactionId)).toBe(3)
  })

  it('an unshipped order cannot be confirmed: the sheet says so and confirming answers cancel', async () => {
    const o = await h.paidOrder()
    const sheet = await (await page(`transaction_id=${o.transactionId}`)).text()
    expect(sheet).toContain('商家尚未发货，暂时不能确认收货')
    expect(sheet).not.toContain('value="confirm"')
    const r = await post({ transaction_id: o.transactionId, return: returnTo(), action: 'confirm' })
    expect(r.headers.get('location')).toMatch(/confirm_status=cancel$/)
    expect(await state(o.transactionId)).toBe(1)
  })

  it('an unknown order answers fail; without return the result shows on the page', async () => {
    const r = await post({ transaction_id: '4200000000000000000000000009', return: returnTo(), action: 'confirm' })
    expect(r.headers.get('location')).toMatch(/confirm_status=fail$/)
    const o = await shipped()
    const plain = await post({ transaction_id: o.transactionId, action: 'confirm' })
    expect(plain.status).toBe(200)
    expect(await plain.text()).toContain('已确认收货')
  })

  it.each([
    ['no order key', 'return=' + encodeURIComponent('http://127.0.0.1/')],
    ['only merchant_trade_no', 'merchant_trade_no=T1'],
    ['a return that is not http(s)', 'transaction_id=42&return=javascript%3Aalert(1)']
  ])('answers 400 for %s', async (_name, query) => {
    expect((await page(query)).status).toBe(400)
  })
})
