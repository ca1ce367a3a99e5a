/**
 * What the after-sales suites share: a shop wired to the sandbox with the
 * sandbox's subscription templates configured, paid orders, and the
 * shopper's and staff's after-sales calls.
 */
import type { Json } from '../helpers/test-app'
import { orderOf, payInSandbox } from '../commerce/helpers/orders'
import type { Shop, Shopper } from '../commerce/helpers/shop'
import { subscribeTemplatesEnv } from '../../../src/sandbox/subscribe-templates'
import { poll } from '../../helpers/poll'

export const TEMPLATES_ENV = { WECHAT_SUBSCRIBE_TEMPLATES: subscribeTemplatesEnv() }

export async function paidOrder(shop: Shop, buyer: Shopper, items: { skuId: string; qty: number }[]): Promise<Json> {
  const order = await orderOf(shop, buyer, items)
  await payInSandbox(shop, buyer, order.id)
  const paid = await poll(async () => {
    const o = (await shop.call('GET', `/api/v1/orders/${order.id}`, { token: buyer.token })).json.order
    return o.status === 'paid' ? o : undefined
  }, { what: `order ${order.id} to be paid` })
  return paid
}

/**
 * Ships a paid order through the staff API (one SF parcel); for `completed`
 * the completion is then written with the time given (the receipt flow's
 * own suite tests how an order gets there; the after-sales rules only read
 * the status and completedAt).
 */
export async function advanceOrder(shop: Shop, orderId: string, to: 'shipped' | 'completed', at = shop.clock.now()): Promise<void> {
  await seedCarriers(shop)
  const shipped = await shop.call('POST', `/api/admin/orders/${orderId}/ship`, {
    cookie: shop.t.adminCookie,
    body: { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: `SF${orderId.replace(/[^A-Za-z0-9]/g, '').slice(-10)}` }] }
  })
  if (shipped.status !== 200) throw new Error(`ship ${orderId}: ${shipped.status} ${JSON.stringify(shipped.json)}`)
  if (to === 'completed') {
    const iso = at.toISOString()
    await shop.t.deps.db.updateTable('orders').set({ status: 'completed', completedAt: iso, updatedAt: iso }).where('id', '=', orderId).execute()
  }
}

export function afterSales(shop: Shop) {
  const admin = () => shop.t.adminCookie
  return {
    ask: (buyer: Shopper, orderId: string, body: unknown) => shop.call('POST', `/api/v1/orders/${orderId}/after-sales`, { token: buyer.token, body }),
    cancel: (buyer: Shopper, id: string) => shop.call('POST', `/api/v1/after-sales/${id}/cancel`, { token: buyer.token }),
    shipBack: (buyer: Shopper, id: string, body: unknown) => shop.call('POST', `/api/v1/after-sales/${id}/return-shipment`, { token: buyer.token, body }),
    approve: (id: string, body: unknown = {}, cookie = admin()) => shop.call('POST', `/api/admin/after-sales/${id}/approve`, { cookie, body }),
    reject: (id: string, body: unknown, cookie = admin()) => shop.call('POST', `/api/admin/after-sales/${id}/reject`, { cookie, body }),
    received: (id: string, cookie = admin()) => shop.call('POST', `/api/admin/after-sales/${id}/received`, { cookie, body: {} }),
    queue: (query = '', cookie = admin()) => shop.call('GET', `/api/admin/after-sales${query}`, { cookie }),
    order: async (buyer: Shopper, orderId: string): Promise<Json> => (await shop.call('GET', `/api/v1/orders/${orderId}`, { token: buyer.token })).json.order,
    /** The order once its request left `refunding` (the refund notification arrived). */
    settled: (buyer: Shopper, orderId: string) =>
      poll(async () => {
        const o = (await shop.call('GET', `/api/v1/orders/${orderId}`, { token: buyer.token })).json.order
        return o.afterSale && o.afterSale.status !== 'refunding' && o.status !== 'refunding' ? o : undefined
      }, { what: `the after-sales refund of ${orderId} to settle` })
  }
}

/** WeChat's carrier list, fetched once into the backend's cache (the shopper and staff pick from it). */
export async function seedCarriers(shop: Shop): Promise<void> {
  const res = await shop.call('GET', '/api/admin/carriers', { cookie: shop.t.adminCookie })
  if (res.status !== 200) throw new Error(`carriers: ${res.status} ${JSON.stringify(res.json)}`)
}
