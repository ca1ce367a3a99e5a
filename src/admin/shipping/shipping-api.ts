/** Staff shipping calls (admins only): WeChat's carrier list, ship one order, ship a CSV's rows. */
import type { BatchShipRequest, BatchShipResponse, Carrier, CarriersResponse, ShipRequest } from '@core/contract/shipping'
import { api } from '../api/client'
import type { Order } from '@core/contract/admin-orders'

export const shippingApi = {
  carriers: () => api.get<CarriersResponse>('/api/admin/carriers').then((r) => r.items as Carrier[]),
  ship: (orderId: string, body: ShipRequest) =>
    api.post<{ order: Order }>(`/api/admin/orders/${encodeURIComponent(orderId)}/ship`, body).then((r) => r.order),
  batch: (body: BatchShipRequest) => api.post<BatchShipResponse>('/api/admin/orders/shipments', body).then((r) => r.results),
  retryWechatTask: (taskId: string) => api.post<unknown>(`/api/admin/wechat-tasks/${encodeURIComponent(taskId)}/retry`, {})
}
