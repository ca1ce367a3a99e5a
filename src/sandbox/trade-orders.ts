import type { Deps } from './deps'
import { wxError, type WxError } from './mp-errors'
import type { TradeOrder } from './mp-store'
import type { Order } from './store'

const seconds = (ms: number): number => Math.floor(ms / 1000)

/** A paid WeChat Pay transaction becomes a trade-managed order waiting for shipping. */
export function recordPaidOrder(d: Deps, order: Order): TradeOrder {
  const now = d.o.now()
  const trade: TradeOrder = {
    transactionId: order.transactionId as string,
    mchid: order.mchid,
    outTradeNo: order.outTradeNo,
    openid: order.openid,
    description: order.description,
    paidFen: order.totalFen,
    createdAt: order.createdAt,
    paidAt: now,
    state: 1,
    reshipUsed: false
  }
  d.store.mp.orders.set(trade.transactionId, trade)
  return trade
}

/** Any transaction the sandbox has, whether or not WeChat has ingested it yet (control API, confirm page). */
export function findTradeOrder(d: Deps, key: { transactionId?: string; mchid?: string; outTradeNo?: string }): TradeOrder | undefined {
  if (key.transactionId) return d.store.mp.orders.get(key.transactionId)
  for (const o of d.store.mp.orders.values()) if (o.mchid === key.mchid && o.outTradeNo === key.outTradeNo) return o
  return undefined
}

/** Paid orders reach 发货信息管理 asynchronously: for the ingest delay after payment they do not exist. */
export function ingested(d: Deps, order: TradeOrder): boolean {
  return d.o.now() - order.paidAt >= d.store.mp.ingestDelayMs
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** `{transaction_id}` or `{merchant_id, merchant_trade_no}`, as get_order and notify_confirm_receive take it. */
export function orderByQuery(d: Deps, body: Record<string, unknown>): TradeOrder | WxError {
  const transactionId = str(body.transaction_id)
  const mchid = str(body.merchant_id)
  const outTradeNo = str(body.merchant_trade_no)
  if (!transactionId && !(mchid && outTradeNo)) return wxError(10060014, 'transaction_id or merchant_id + merchant_trade_no is required')
  const order = transactionId ? findTradeOrder(d, { transactionId }) : findTradeOrder(d, { mchid, outTradeNo })
  if (!order || !ingested(d, order)) return wxError(10060001)
  return order
}

/** The refund side: a trade-managed order whose money has all gone back becomes 已退款 (5). */
export function markRefunded(d: Deps, transactionId: string): void {
  const order = d.store.mp.orders.get(transactionId)
  if (order) order.state = 5
}

function contactView(c: { consignorContact?: string; receiverContact?: string } | undefined): Record<string, string> | undefined {
  if (!c) return undefined
  return { ...(c.consignorContact ? { consignor_contact: c.consignorContact } : {}), ...(c.receiverContact ? { receiver_contact: c.receiverContact } : {}) }
}

/** `order` as get_order answers it. */
export function orderView(o: TradeOrder): Record<string, unknown> {
  const s = o.shipping
  const goods = s ? s.parcels.map((p) => p.goodsDesc).join(';') : ''
  return {
    transaction_id: o.transactionId,
    merchant_id: o.mchid,
    sub_merchant_id: '',
    merchant_trade_no: o.outTradeNo,
    description: o.description.length > 120 ? o.description.slice(0, 117) + '...' : o.description,
    paid_amount: o.paidFen,
    openid: o.openid,
    trade_create_time: seconds(o.createdAt),
    pay_time: seconds(o.paidAt),
    in_complaint: false,
    order_state: o.state,
    shipping: {
      delivery_mode: s?.deliveryMode ?? 0,
      logistics_type: s?.logisticsType ?? 0,
      finish_shipping: s?.finished ?? false,
      finish_shipping_count: s?.finishCount ?? 0,
      goods_desc: goods.length > 120 ? goods.slice(0, 117) + '...' : goods,
      shipping_list: (s?.parcels ?? []).map((p) => ({
        tracking_no: p.trackingNo ?? '',
        express_company: p.expressCompany ?? '',
        goods_desc: p.goodsDesc,
        upload_time: p.uploadTime,
        ...(p.contact ? { contact: contactView(p.contact) } : {})
      }))
    }
  }
}
