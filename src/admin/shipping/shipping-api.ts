/** Staff shipping calls (admins only): WeChat's carrier list, ship one order, ship a CSV's rows. */
import type { BatchShipRequest, BatchShipResponse, Carrier, CarriersResponse, ShipRequest } from '@core/api-types'
import { api } from '../api/client'
import type { Order, OrderSummary, Paged } from '../api/types'

/** How many paid orders resolveOrderIds reads at most (20 pages of 100). */
const MAX_PAID_ORDERS = 2000

export const shippingApi = {
  carriers: () => api.get<CarriersResponse>('/api/admin/carriers').then((r) => r.items as Carrier[]),
  ship: (orderId: string, body: ShipRequest) =>
    api.post<{ order: Order }>(`/api/admin/orders/${encodeURIComponent(orderId)}/ship`, body).then((r) => r.order),
  batch: (body: BatchShipRequest) => api.post<BatchShipResponse>('/api/admin/orders/shipments', body).then((r) => r.results),
  retryWechatTask: (taskId: string) => api.post<unknown>(`/api/admin/wechat-tasks/${encodeURIComponent(taskId)}/retry`, {}),
  /**
   * Staff write the 订单号 they see (the order's outTradeNo, also the export's
   * first column), while the batch call takes order ids: map each to the id
   * of the paid order carrying it. Values matching no paid order are kept as
   * they are, so an id works too and the server names anything unknown.
   */
  resolveOrderIds: async (values: readonly string[]): Promise<Map<string, string>> => {
    const wanted = new Set(values)
    const found = new Map<string, string>()
    let cursor: string | undefined
    let read = 0
    do {
      const page = await api.get<Paged<OrderSummary>>('/api/admin/orders', { status: 'paid', sort: 'oldest', limit: 100, cursor })
      for (const o of page.items) if (wanted.has(o.outTradeNo)) found.set(o.outTradeNo, o.id)
      read += page.items.length
      cursor = page.nextCursor ?? undefined
    } while (cursor && found.size < wanted.size && read < MAX_PAID_ORDERS)
    return new Map(values.map((v) => [v, found.get(v) ?? v]))
  }
}
