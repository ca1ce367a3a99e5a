/**
 * The upload_shipping_info body for an order's parcels so far: by
 * transaction_id (order_number_type 2) when WeChat Pay told us one, else by
 * merchant id + out_trade_no; every parcel sent so far (a later upload of a
 * split delivery repeats the earlier parcels and carries a later upload_time);
 * item_desc from each parcel's items; SF parcels with the receiver's phone
 * masked to its last four digits.
 */
import type { Address, OrderItemDto } from '@core/contract/orders'
import type { LogisticsType } from '@core/contract/shipping'
import { CONTACT_CARRIERS, deliveryMode, itemDesc, LOGISTICS_TYPE_CODES, maskPhone, uploadTime } from '@core/shipping-upload'
import type { OrderRow } from '../../db/repos/order-repo'
import type { UploadShippingInfo } from '../../wechat/mp/trade-api'

export interface UploadParcel {
  carrierCode: string | null
  trackingNo: string | null
  items: Array<{ skuId: string; qty: number }>
}

export function uploadBody(
  order: OrderRow,
  v: { openid: string; mchId: string | null; logisticsType: LogisticsType; parcels: UploadParcel[]; allDelivered: boolean; at: Date }
): UploadShippingInfo | null {
  const orderKey: UploadShippingInfo['order_key'] | null = order.transactionId
    ? { order_number_type: 2, transaction_id: order.transactionId }
    : v.mchId
      ? { order_number_type: 1, mchid: v.mchId, out_trade_no: order.outTradeNo }
      : null
  if (!orderKey) return null
  const lines = new Map((JSON.parse(order.items) as OrderItemDto[]).map((l) => [l.skuId, l]))
  const phone = (JSON.parse(order.address) as Address).phone
  const mode = deliveryMode(v.parcels.length, v.allDelivered)
  return {
    order_key: orderKey,
    logistics_type: LOGISTICS_TYPE_CODES[v.logisticsType],
    delivery_mode: mode,
    ...(mode === 2 ? { is_all_delivered: v.allDelivered } : {}),
    shipping_list: v.parcels.map((p) => ({
      ...(v.logisticsType === 'express' && p.trackingNo ? { tracking_no: p.trackingNo } : {}),
      ...(v.logisticsType === 'express' && p.carrierCode ? { express_company: p.carrierCode } : {}),
      item_desc: itemDesc(p.items.map((i) => ({ title: lines.get(i.skuId)?.title ?? '商品', attrs: lines.get(i.skuId)?.attrs, qty: i.qty }))),
      ...(p.carrierCode && CONTACT_CARRIERS.has(p.carrierCode) ? { contact: { receiver_contact: maskPhone(phone) } } : {})
    })),
    upload_time: uploadTime(v.at.getTime()),
    payer: { openid: v.openid }
  }
}
