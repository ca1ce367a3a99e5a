/** Shopper actions the commerce suites repeat: place an order, get payment parameters, pay in the sandbox. */
import { randomUUID } from 'node:crypto'
import type { CallResult, Json } from '../../helpers/test-app'
import { seedProduct } from '../../helpers/seed'
import type { Shop, Shopper } from './shop'

export const ADDRESS = { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', detail: '南京东路 1 号' }

/** A product with one SKU of this price and stock; answers the SKU id. */
export async function seedSku(shop: Shop, priceFen: number, stock: number, title = '羊绒围巾'): Promise<{ productId: string; skuId: string }> {
  const product = await seedProduct(shop.t, { title, skus: [{ attrs: { 颜色: '驼色' }, priceFen, stock }] })
  return { productId: product.id, skuId: product.skus[0].id }
}

export function placeOrder(
  shop: Shop,
  buyer: Shopper,
  items: { skuId: string; qty: number }[],
  opts: { key?: string; body?: Record<string, unknown> } = {}
): Promise<CallResult> {
  return shop.call('POST', '/api/v1/orders', {
    token: buyer.token,
    headers: { 'idempotency-key': opts.key ?? randomUUID() },
    body: { items, address: ADDRESS, ...opts.body }
  })
}

export async function orderOf(shop: Shop, buyer: Shopper, items: { skuId: string; qty: number }[]): Promise<Json> {
  const res = await placeOrder(shop, buyer, items)
  if (res.status !== 201) throw new Error(`order failed: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json.order
}

/** POST /orders/:id/pay, then the sandbox's check of the paySign as wx.requestPayment would make it. */
export async function payParams(shop: Shop, buyer: Shopper, orderId: string): Promise<{ payment: Json; prepayId: string }> {
  const res = await shop.call('POST', `/api/v1/orders/${orderId}/pay`, { token: buyer.token })
  if (res.status !== 200) throw new Error(`pay failed: ${res.status} ${JSON.stringify(res.json)}`)
  const verify = await fetch(`${shop.sandbox.url}/sandbox/verify-pay-sign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ appId: shop.keys.appid, ...res.json.payment })
  })
  const checked = (await verify.json()) as { ok: boolean; prepayId?: string; errMsg?: string }
  if (!checked.ok || !checked.prepayId) throw new Error(`paySign refused by the sandbox: ${checked.errMsg}`)
  return { payment: res.json.payment, prepayId: checked.prepayId }
}

/** The shopper pays in the sandbox; resolves once WeChat's notifications had their first answer. */
export async function payInSandbox(shop: Shop, buyer: Shopper, orderId: string) {
  const { prepayId } = await payParams(shop, buyer, orderId)
  return shop.sandbox.confirmPayment(prepayId)
}

export async function stockOf(shop: Shop, skuId: string): Promise<number> {
  const row = await shop.t.deps.db.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow()
  return Number(row.stock)
}

export async function eventsOf(shop: Shop, orderId: string, type: string): Promise<number> {
  const rows = await shop.t.deps.db.selectFrom('events').select('id').where('orderId', '=', orderId).where('type', '=', type).execute()
  return rows.length
}
