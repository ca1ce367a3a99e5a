/**
 * The shop wired to the real sandbox with WeChat's message push on: the
 * sandbox pushes to the backend's /api/v1/wechat/message through a small
 * forwarder made first (the backend's address is known only later), signed
 * with the shared Token (and in safe mode with the AES key when asked).
 * Plus the steps every fulfilment suite repeats: a paid order, a ship call,
 * a jobs tick.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import { runDueJobs, type TickResult } from '../../../../src/server/jobs'
import { createShop, type Shop, type Shopper } from '../../commerce/helpers/shop'
import { orderOf, payInSandbox } from '../../commerce/helpers/orders'
import { seedProduct } from '../../helpers/seed'
import type { CallResult, Json } from '../../helpers/test-app'
import type { DialectName } from '../../helpers/test-db'
import { poll } from '../../../helpers/poll'

export const PUSH_TOKEN = 'pushToken2025'
export const AES_KEY = 'k3Y9aB2cD4eF6gH8iJ0kL1mN3oP5qR7sT9uV1wX3yZ5'

export interface FulfilmentShop extends Shop {
  paidOrder(opts?: { items?: Array<{ skuId: string; qty: number }>; buyer?: Shopper }): Promise<PaidOrder>
  ship(orderId: string, body: unknown, cookie?: string): Promise<CallResult>
  tick(): Promise<TickResult>
  adminOrder(orderId: string): Promise<Json>
  closeAll(): Promise<void>
}

export interface PaidOrder {
  id: string
  outTradeNo: string
  transactionId: string
  buyer: Shopper
  order: Json
}

async function deferredForwarder(): Promise<{ url: string; setTarget(t: string): void; close(): Promise<void> }> {
  let target: string | undefined
  const server: Server = createServer((req, res) => {
    if (!target) return void res.writeHead(502).end()
    const up = httpRequest(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.pipe(res)
    })
    up.on('error', () => res.writeHead(502).end())
    req.pipe(up)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    setTarget: (t) => (target = t),
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())))
  }
}

export async function createFulfilmentShop(opts: { dialect: DialectName; safeMode?: boolean; env?: Record<string, string> }): Promise<FulfilmentShop> {
  const fwd = await deferredForwarder()
  const shop = await createShop({
    dialect: opts.dialect,
    sandbox: {
      messagePushUrl: `${fwd.url}/api/v1/wechat/message`,
      messageToken: PUSH_TOKEN,
      ...(opts.safeMode ? { messageAesKey: AES_KEY } : {})
    },
    env: { WECHAT_MESSAGE_TOKEN: PUSH_TOKEN, ...(opts.safeMode ? { WECHAT_MESSAGE_AES_KEY: AES_KEY } : {}), ...opts.env }
  })
  fwd.setTarget(shop.baseUrl)
  let skus: { a: string; b: string } | undefined
  const ensureSkus = async () => {
    if (skus) return skus
    const p = await seedProduct(shop.t, {
      title: '亚麻衬衫',
      skus: [
        { attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 29900, stock: 1000 },
        { attrs: { 颜色: '蓝', 尺码: 'L' }, priceFen: 19900, stock: 1000 }
      ]
    })
    skus = { a: p.skus[0]!.id, b: p.skus[1]!.id }
    return skus
  }
  const self: FulfilmentShop = {
    ...shop,
    async paidOrder(o = {}) {
      const s = await ensureSkus()
      const buyer = o.buyer ?? (await shop.shopper())
      const order = await orderOf(shop, buyer, o.items ?? [{ skuId: s.a, qty: 1 }])
      await payInSandbox(shop, buyer, order.id)
      const row = await shop.t.deps.db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow()
      if (row.status !== 'paid' || !row.transactionId) throw new Error(`order ${order.id} is ${row.status} after paying`)
      return { id: order.id, outTradeNo: order.outTradeNo, transactionId: row.transactionId, buyer, order }
    },
    ship: (orderId, body, cookie) => shop.call('POST', `/api/admin/orders/${orderId}/ship`, { cookie: cookie ?? shop.t.adminCookie, body }),
    tick: () => runDueJobs(shop.t.deps),
    async adminOrder(orderId) {
      const res = await shop.call('GET', `/api/admin/orders/${orderId}`, { cookie: shop.t.adminCookie })
      if (res.status !== 200) throw new Error(`admin order ${orderId}: ${res.status} ${res.text}`)
      return res.json.order
    },
    async closeAll() {
      await shop.close()
      await fwd.close()
    }
  }
  return self
}


/** Waits until every push the sandbox made about this payment has had its answer (the shipping push is sent in the background). */
export async function pushesAnswered(shop: Shop, transactionId: string): Promise<void> {
  const pending = () => shop.sandbox.mp.pushes().filter((p) => p.transactionId === transactionId && p.state === 'pending')
  await poll(() => pending().length === 0, { what: `the pushes for ${transactionId} to be answered` })
}
