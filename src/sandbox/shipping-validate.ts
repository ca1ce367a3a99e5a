import { isCarrier } from './carriers'
import { wxError, type WxError } from './mp-errors'
import type { Parcel } from './mp-store'

/** upload_shipping_info after every field check: what the rules of the order then decide on. */
export interface ShippingRequest {
  key: { transactionId: string } | { mchid: string; outTradeNo: string }
  logisticsType: 1 | 2 | 3 | 4
  deliveryMode: 1 | 2
  isAllDelivered: boolean
  parcels: Parcel[]
  uploadTime: string
  uploadMs: number
  openid: string
  /** The request without upload_time, to tell an unchanged repeat (10060023). */
  payload: string
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
const MAX_PARCELS = 10
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const filled = (v: unknown): v is string => typeof v === 'string' && v !== ''
const chars = (s: string): number => [...s].length

/** A phone number masked the way WeChat asks for SF: some `*`, the last four digits in clear. */
export const isMaskedPhone = (v: string): boolean => v.includes('*') && /\d{4}$/.test(v) && !/\d{5}$/.test(v)

function orderKey(v: unknown): ShippingRequest['key'] | WxError {
  if (!isObject(v)) return wxError(10060014, 'order_key is required')
  if (v.order_number_type === 2) return filled(v.transaction_id) ? { transactionId: v.transaction_id } : wxError(268485195)
  if (v.order_number_type === 1) {
    if (!filled(v.mchid)) return wxError(268485196)
    if (!filled(v.out_trade_no)) return wxError(268485197)
    return { mchid: v.mchid, outTradeNo: v.out_trade_no }
  }
  return wxError(268485194)
}

function parcel(v: unknown, i: number, logisticsType: number, uploadTime: string): Parcel | WxError {
  const at = `shipping_list[${i}]`
  if (!isObject(v)) return wxError(47001, `${at} must be an object`)
  if (!filled(v.item_desc)) return wxError(10060008, at)
  if (chars(v.item_desc) > 120) return wxError(10060009, `${at}.item_desc has ${chars(v.item_desc)} characters, at most 120`)
  if (logisticsType !== 1) return { goodsDesc: v.item_desc, uploadTime }
  if (!filled(v.tracking_no)) return wxError(268485226, at)
  if (Buffer.byteLength(v.tracking_no) > 128) return wxError(10060026, at)
  if (!filled(v.express_company)) return wxError(268485227, at)
  if (Buffer.byteLength(v.express_company) > 128) return wxError(10060025, at)
  if (!isCarrier(v.express_company)) return wxError(10060014, `${at}.express_company ${v.express_company} is not a delivery_id of get_delivery_list`)
  const contact = isObject(v.contact) ? v.contact : {}
  const consignor = filled(contact.consignor_contact) ? contact.consignor_contact : undefined
  const receiver = filled(contact.receiver_contact) ? contact.receiver_contact : undefined
  if (v.express_company === 'SF') {
    if (!consignor && !receiver) return wxError(10060014, `${at}.contact: SF needs consignor_contact or receiver_contact`)
    for (const phone of [consignor, receiver]) {
      if (phone && !isMaskedPhone(phone)) return wxError(10060014, `${at}.contact: mask the phone number and keep only its last 4 digits, e.g. 189****1234`)
    }
  }
  return {
    trackingNo: v.tracking_no,
    expressCompany: v.express_company,
    goodsDesc: v.item_desc,
    uploadTime,
    ...(consignor || receiver ? { contact: { ...(consignor ? { consignorContact: consignor } : {}), ...(receiver ? { receiverContact: receiver } : {}) } } : {})
  }
}

/** Every field rule of upload_shipping_info, in the order WeChat reports them. */
export function validateShipping(body: Record<string, unknown>): ShippingRequest | WxError {
  const key = orderKey(body.order_key)
  if ('errcode' in key) return key
  const logisticsType = body.logistics_type
  if (logisticsType !== 1 && logisticsType !== 2 && logisticsType !== 3 && logisticsType !== 4) return wxError(10060005)
  const deliveryMode = body.delivery_mode
  if (deliveryMode !== 1 && deliveryMode !== 2) return wxError(268485224, 'delivery_mode must be the number 1 or 2')
  if (deliveryMode === 2 && logisticsType !== 1) return wxError(10060006)
  if (deliveryMode === 2 && typeof body.is_all_delivered !== 'boolean') return wxError(10060007)
  const list = body.shipping_list
  if (!Array.isArray(list)) return wxError(47001, 'shipping_list must be an array')
  if (list.length === 0) return wxError(10060014, 'shipping_list must have 1 to 10 items')
  if (list.length > MAX_PARCELS) return wxError(10060024)
  if (deliveryMode === 1 && list.length !== 1) return wxError(268485228)
  const uploadTime = body.upload_time
  if (typeof uploadTime !== 'string' || !RFC3339.test(uploadTime) || Number.isNaN(Date.parse(uploadTime))) return wxError(268485216)
  const parcels: Parcel[] = []
  for (let i = 0; i < list.length; i++) {
    const p = parcel(list[i], i, logisticsType, uploadTime)
    if ('errcode' in p) return p
    parcels.push(p)
  }
  const payer = isObject(body.payer) ? body.payer : {}
  if (!filled(payer.openid)) return wxError(10060014, 'payer.openid is required')
  const isAllDelivered = deliveryMode === 1 ? true : (body.is_all_delivered as boolean)
  const payload = JSON.stringify([key, logisticsType, deliveryMode, isAllDelivered, parcels.map((p) => ({ ...p, uploadTime: undefined })), payer.openid])
  return { key, logisticsType, deliveryMode, isAllDelivered, parcels, uploadTime, uploadMs: Date.parse(uploadTime), openid: payer.openid, payload }
}
