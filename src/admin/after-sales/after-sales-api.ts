/** Staff after-sales calls and the shop settings (admins only). */
import type { AdminAfterSaleDto, AfterSaleStatus } from '@core/contract/after-sales'
import type { ShopSettings } from '@core/contract/settings'
import { api } from '../api/client'
import type { Paged } from '@core/contract/common'

const base = (id: string) => `/api/admin/after-sales/${encodeURIComponent(id)}`

export const afterSalesApi = {
  /** `open`: every request not finished yet, oldest first; `all`: open ones, then finished ones. */
  list: (q: { status: AfterSaleStatus | 'open' | 'all'; cursor?: string }) => api.get<Paged<AdminAfterSaleDto>>('/api/admin/after-sales', { ...q, limit: 50 }),
  approve: (id: string, restock: boolean) => api.post<unknown>(`${base(id)}/approve`, { restock }),
  reject: (id: string, reason: string) => api.post<unknown>(`${base(id)}/reject`, { reason }),
  received: (id: string) => api.post<unknown>(`${base(id)}/received`, {}),
  settings: () => api.get<{ settings: ShopSettings }>('/api/admin/settings').then((r) => r.settings),
  saveSettings: (s: Partial<ShopSettings>) => api.put<{ settings: ShopSettings }>('/api/admin/settings', s).then((r) => r.settings)
}
