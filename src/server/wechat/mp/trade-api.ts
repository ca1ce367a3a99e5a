/**
 * WeChat's order-shipping (发货信息管理) APIs and the carrier list, as typed
 * calls over the MpClient. Field names are WeChat's (docs/wechat.md "Order shipping management").
 */
import type { MpAnswer, MpClient } from './client'

export interface UploadShippingInfo {
  order_key: { order_number_type: 2; transaction_id: string } | { order_number_type: 1; mchid: string; out_trade_no: string }
  logistics_type: 1 | 2 | 3 | 4
  delivery_mode: 1 | 2
  is_all_delivered?: boolean
  shipping_list: Array<{
    tracking_no?: string
    express_company?: string
    item_desc: string
    contact?: { consignor_contact?: string; receiver_contact?: string }
  }>
  upload_time: string
  payer: { openid: string }
}

export function uploadShippingInfo(mp: MpClient, body: UploadShippingInfo): Promise<MpAnswer> {
  return mp.post('/wxa/sec/order/upload_shipping_info', body)
}

/** order_state: 1 待发货, 2 已发货, 3 确认收货, 4 交易完成, 5 已退款, 6 资金待结算. */
export type TradeOrderState = 1 | 2 | 3 | 4 | 5 | 6
export interface TradeOrder {
  transactionId: string
  state: TradeOrderState
  inComplaint: boolean
}

export type TradeOrderAnswer = { ok: true; order: TradeOrder } | { ok: false; errcode: number | null; errmsg: string }

export async function getTradeOrder(
  mp: MpClient,
  key: { transactionId: string } | { mchid: string; outTradeNo: string }
): Promise<TradeOrderAnswer> {
  const body = 'transactionId' in key ? { transaction_id: key.transactionId } : { merchant_id: key.mchid, merchant_trade_no: key.outTradeNo }
  const answer = await mp.post('/wxa/sec/order/get_order', body)
  if (!answer.ok) return answer
  const order = answer.body.order as Record<string, unknown> | undefined
  const state = order?.order_state
  if (!order || typeof state !== 'number' || state < 1 || state > 6) {
    return { ok: false, errcode: null, errmsg: 'get_order answered without a known order_state' }
  }
  return {
    ok: true,
    order: {
      transactionId: String(order.transaction_id ?? ''),
      state: state as TradeOrderState,
      inComplaint: order.in_complaint === true
    }
  }
}

/** Shipped or further along at WeChat: the upload is there (2 已发货, 3, 4, 6). */
export function isShippedState(state: TradeOrderState): boolean {
  return state === 2 || state === 3 || state === 4 || state === 6
}

/** The shopper confirmed receipt, or the order settled (3 确认收货, 4 交易完成). */
export function isReceivedState(state: TradeOrderState): boolean {
  return state === 3 || state === 4
}

export function setMsgJumpPath(mp: MpClient, path: string): Promise<MpAnswer> {
  return mp.post('/wxa/sec/order/set_msg_jump_path', { path })
}

export function notifyConfirmReceive(mp: MpClient, transactionId: string, receivedTimeS: number): Promise<MpAnswer> {
  return mp.post('/wxa/sec/order/notify_confirm_receive', { transaction_id: transactionId, received_time: receivedTimeS })
}

export type CarrierListAnswer = { ok: true; items: Array<{ code: string; name: string }> } | { ok: false; errcode: number | null; errmsg: string }

export async function getDeliveryList(mp: MpClient): Promise<CarrierListAnswer> {
  const answer = await mp.post('/cgi-bin/express/delivery/open_msg/get_delivery_list', {})
  if (!answer.ok) return answer
  const list = answer.body.delivery_list
  if (!Array.isArray(list)) return { ok: false, errcode: null, errmsg: 'get_delivery_list answered without delivery_list' }
  const items = list
    .filter((c): c is { delivery_id: string; delivery_name: string } => typeof c?.delivery_id === 'string' && typeof c?.delivery_name === 'string')
    .map((c) => ({ code: c.delivery_id, name: c.delivery_name }))
  return { ok: true, items }
}

/** subscribeMessage.send (used by the subscription flows). */
export function sendSubscribeMessage(
  mp: MpClient,
  body: { touser: string; template_id: string; page?: string; data: Record<string, { value: string }>; miniprogram_state?: string; lang?: string }
): Promise<MpAnswer> {
  return mp.post('/cgi-bin/message/subscribe/send', body)
}
