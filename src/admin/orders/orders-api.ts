/** Staff order calls (admins only). */
import { api, withQuery } from '../api/client'
import type { Flag, Order, OrderSummary } from '@core/contract/admin-orders'
import type { OrderStatus } from '@core/contract/orders'
import type { Paged } from '@core/contract/common'

export interface OrderFilter {
  status?: OrderStatus
  from?: string
  to?: string
  cursor?: string
  /** `oldest`: oldest paid first (the 待发货 queue); newest first otherwise. */
  sort?: 'oldest'
}

const base = (id: string) => `/api/admin/orders/${encodeURIComponent(id)}`

export const ordersApi = {
  list: (f: OrderFilter) => api.get<Paged<OrderSummary>>('/api/admin/orders', { ...f, limit: 50 }),
  get: (id: string) => api.get<{ order: Order }>(base(id)).then((r) => r.order),
  refund: (id: string, amountFen: number, reason: string) =>
    api.post<{ order: Order }>(`${base(id)}/refund`, { amountFen, reason }).then((r) => r.order),
  /** The CSV for finance, with the list's current filters (the server sends a BOM so Excel reads UTF-8). */
  exportPath: (f: Pick<OrderFilter, 'status' | 'from' | 'to'>) => withQuery('/api/admin/orders/export', { status: f.status, from: f.from, to: f.to }),
  flags: () => api.get<Paged<Flag>>('/api/admin/flags', { limit: 50 }).then((r) => r.items)
}
