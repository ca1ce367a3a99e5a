/** Staff content calls: drafts, publish/unpublish, preview links, versions. */
import { api } from '../api/client'
import type { AdminPage, PageDiffResponse, PageTemplateDto, PageVersion, Preview } from '@core/contract/admin-pages'
import type { Paged } from '@core/contract/common'
import type { PageBody } from './page-draft'

const one = (r: { page: AdminPage }) => r.page
const base = (id: string) => `/api/admin/pages/${encodeURIComponent(id)}`

export const pagesApi = {
  list: (cursor?: string) => api.get<Paged<AdminPage>>('/api/admin/pages', { cursor, limit: 100 }),
  get: (id: string) => api.get<{ page: AdminPage }>(base(id)).then(one),
  create: (body: PageBody) => api.post<{ page: AdminPage }>('/api/admin/pages', body).then(one),
  save: (id: string, body: PageBody) => api.put<{ page: AdminPage }>(base(id), body).then(one),
  /** `unpublishAt`: an ISO time schedules the end, null clears it, undefined keeps the page's current end. */
  publish: (id: string, at?: string, unpublishAt?: string | null) =>
    api.post<{ page: AdminPage }>(`${base(id)}/publish`, { ...(at ? { at } : {}), ...(unpublishAt !== undefined ? { unpublishAt } : {}) }).then(one),
  unpublish: (id: string) => api.post<{ page: AdminPage }>(`${base(id)}/unpublish`).then(one),
  preview: (id: string) => api.post<Preview>(`${base(id)}/preview`),
  versions: (id: string) => api.get<Paged<PageVersion>>(`${base(id)}/versions`).then((r) => r.items),
  restore: (id: string, version: number) => api.post<{ page: AdminPage }>(`${base(id)}/versions/${version}/restore`).then(one),
  /** What changed from version `v` to `against` (a later version, or the current draft). */
  diff: (id: string, v: number, against: number | 'draft') => api.get<PageDiffResponse>(`${base(id)}/versions/${v}/diff/${against}`),
  duplicate: (id: string) => api.post<{ page: AdminPage }>(`${base(id)}/duplicate`).then(one),
  templates: () => api.get<{ items: PageTemplateDto[] }>('/api/admin/page-templates').then((r) => r.items),
  fromTemplate: (body: { templateId: string; slug: string; title?: string; productIds?: string[] }) =>
    api.post<{ page: AdminPage; notes: string[] }>('/api/admin/pages/from-template', body)
}
