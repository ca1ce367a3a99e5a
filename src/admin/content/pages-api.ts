/** Staff content calls: drafts, publish/unpublish, preview links, versions. */
import { api } from '../api/client'
import type { AdminPage, PageVersion, Preview } from '@core/contract/admin-pages'
import type { Paged } from '@core/contract/common'
import type { PageBody } from './page-draft'

const one = (r: { page: AdminPage }) => r.page
const base = (id: string) => `/api/admin/pages/${encodeURIComponent(id)}`

export const pagesApi = {
  list: (cursor?: string) => api.get<Paged<AdminPage>>('/api/admin/pages', { cursor, limit: 100 }),
  get: (id: string) => api.get<{ page: AdminPage }>(base(id)).then(one),
  create: (body: PageBody) => api.post<{ page: AdminPage }>('/api/admin/pages', body).then(one),
  save: (id: string, body: PageBody) => api.put<{ page: AdminPage }>(base(id), body).then(one),
  publish: (id: string, at?: string) => api.post<{ page: AdminPage }>(`${base(id)}/publish`, at ? { at } : {}).then(one),
  unpublish: (id: string) => api.post<{ page: AdminPage }>(`${base(id)}/unpublish`).then(one),
  preview: (id: string) => api.post<Preview>(`${base(id)}/preview`),
  versions: (id: string) => api.get<Paged<PageVersion>>(`${base(id)}/versions`).then((r) => r.items),
  restore: (id: string, version: number) => api.post<{ page: AdminPage }>(`${base(id)}/versions/${version}/restore`).then(one)
}
