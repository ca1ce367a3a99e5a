/** Staff order calls (admins only). */
import { api } from '../api/client'
import type { Flag, Order, OrderStatus, OrderSummary, Paged } from '../api/types'

export interface OrderFilter {
  status?: OrderStatus
  from?: string
  to?: string
  cursor?: string
}

const base = (id: string) => `/api/admin/orders/${encodeURIComponent(id)}`

export const ordersApi = {
  list: (f: OrderFilter) => api.get<Paged<OrderSummary>>('/api/admin/orders', { ...f, limit: 50 }),
  get: (id: string) => api.get<{ order: Order }>(base(id)).then((r) => r.order),
  refund: (id: string, amountFen: number, reason: string) =>
    api.post<{ order: Order }>(`${base(id)}/refund`, { amountFen, reason }).then((r) => r.order),
  flags: () => api.get<Paged<Flag>>('/api/admin/flags', { limit: 50 }).then((r) => r.items)
}
