// After-sales requests of the shopper: ask, send the goods back, withdraw.
// Amount and kind are checked by the server again; the app only guides.
import type { AfterSaleDto, AfterSaleRequest, AfterSaleResponse, ReturnShipmentRequest } from '@core/contract/after-sales'
import type { Carrier, CarriersResponse } from '@core/contract/shipping'
import { formatFen } from '@core/money'
import { api } from './api'

export async function requestAfterSale(orderId: string, body: AfterSaleRequest): Promise<AfterSaleDto> {
  const { afterSale } = await api.post<AfterSaleResponse>(`/api/v1/orders/${encodeURIComponent(orderId)}/after-sales`, body, { auth: 'required' })
  return afterSale
}

export async function sendReturnShipment(afterSaleId: string, body: ReturnShipmentRequest): Promise<AfterSaleDto> {
  const { afterSale } = await api.post<AfterSaleResponse>(`/api/v1/after-sales/${encodeURIComponent(afterSaleId)}/return-shipment`, body, { auth: 'required' })
  return afterSale
}

export async function cancelAfterSale(afterSaleId: string): Promise<AfterSaleDto> {
  const { afterSale } = await api.post<AfterSaleResponse>(`/api/v1/after-sales/${encodeURIComponent(afterSaleId)}/cancel`, {}, { auth: 'required' })
  return afterSale
}

/** WeChat's delivery companies, as the backend caches them. */
export async function listCarriers(): Promise<Carrier[]> {
  const { items } = await api.get<CarriersResponse>('/api/v1/carriers', { auth: 'required' })
  return items
}

// The server's refusals in words a shopper can act on; its own message (Chinese for
// form checks) when the code is not one of these.
const REFUSALS: Record<string, string> = {
  AFTER_SALE_OPEN: '这笔订单已有一个处理中的售后申请，请等待处理结果或先撤销它',
  AFTER_SALE_NOT_ALLOWED: '这笔订单暂不能申请售后',
  AFTER_SALE_KIND_NOT_ALLOWED: '订单尚未发货，只能申请仅退款',
  AFTER_SALE_EXPIRED: '已超过售后期限，如有问题请联系客服',
  REFUND_IN_PROGRESS: '这笔订单正在退款，请等退款完成后再申请',
  REFUND_EXCEEDS_PAID: '退款金额超过了可退金额，请修改金额',
  INVALID_AMOUNT: '请填写正确的退款金额',
  AFTER_SALE_CLOSED: '这个售后申请已结束，请刷新查看最新状态',
  INVALID_AFTER_SALE_TRANSITION: '售后状态已变化，请刷新查看最新状态',
  AFTER_SALE_NOT_FOUND: '找不到这个售后申请，请刷新后再试',
  CONFLICT: '售后状态刚刚有变化，请刷新后再试',
  ORDER_NOT_FOUND: '找不到这笔订单，请从「我的订单」进入',
  FILE_TOO_LARGE: '图片不能超过 5 MB，请换一张',
  UNSUPPORTED_FILE_TYPE: '只支持 JPG、PNG、WebP 图片'
}

export function refusalText(e: unknown): string {
  const code = (e as { code?: string })?.code
  if (code === 'REFUND_EXCEEDS_PAID') {
    const refundable = ((e as { details?: { refundableFen?: number } }).details ?? {}).refundableFen
    if (typeof refundable === 'number') return `最多可退 ${formatFen(refundable)}，请修改金额`
  }
  return (code && REFUSALS[code]) || (e as Error)?.message || '操作失败，请重试'
}
