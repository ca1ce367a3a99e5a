/** The reports (docs/api.md "Report definitions"); from/to carry the staff's own UTC offset. */
import { api } from '../api/client'
import type { ContentReportRow, DailyRow, FunnelResponse, SharerReportRow } from '@core/contract/analytics'
import type { ChannelReportRow } from '@core/contract/rewards'

export interface Window {
  from: string
  to: string
}

export const analyticsApi = {
  funnel: (w: Window, contentSlug?: string) => api.get<FunnelResponse>('/api/admin/analytics/funnel', { ...w, contentSlug }).then((r) => r.steps),
  content: (w: Window) => api.get<{ rows: ContentReportRow[] }>('/api/admin/analytics/content', { ...w }).then((r) => r.rows),
  sharers: (w: Window) => api.get<{ rows: SharerReportRow[] }>('/api/admin/analytics/sharers', { ...w }).then((r) => r.rows),
  daily: (w: Window) => api.get<{ rows: DailyRow[] }>('/api/admin/analytics/daily', { ...w }).then((r) => r.rows),
  channels: (w: Window, contentSlug?: string) =>
    api.get<{ rows: ChannelReportRow[] }>('/api/admin/analytics/channels', { ...w, contentSlug }).then((r) => r.rows)
}
