/** Content pages through TanStack Query, and the slug → title lookup other screens use to name a page. */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { AdminPage } from '@core/contract/admin-pages'
import { keys } from '../query/query-client'
import { pagesApi } from './pages-api'

/** Every page, following cursors (a brand has dozens, not thousands). */
export async function listAllPages(): Promise<AdminPage[]> {
  const all: AdminPage[] = []
  let cursor: string | undefined
  for (let guard = 0; guard < 50; guard++) {
    const page = await pagesApi.list(cursor)
    all.push(...page.items)
    if (!page.nextCursor) return all
    cursor = page.nextCursor
  }
  throw new Error('More than 5,000 pages: the page list stopped following pages')
}

export function usePages() {
  return useQuery({ queryKey: keys.pages.list, queryFn: listAllPages })
}

export function usePage(id: string) {
  return useQuery({ queryKey: keys.pages.detail(id), queryFn: () => pagesApi.get(id) })
}

export function usePageVersions(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.pages.versions(id), queryFn: () => pagesApi.versions(id), enabled })
}

/**
 * A page's title by slug, for orders and reports that only carry the slug:
 * `titleOf('spring')` → '春季上新', or the slug itself while the list loads
 * or when the page was deleted.
 */
export function usePageTitles(): (slug: string | null | undefined) => string | null {
  const { data } = usePages()
  const bySlug = new Map((data ?? []).map((p) => [p.slug, p.title]))
  return (slug) => (slug ? (bySlug.get(slug) ?? slug) : null)
}

/** After a save, publish, unpublish or restore: the answer in the cache; the list and versions read again. */
export function usePageChanged(): (page: AdminPage) => void {
  const client = useQueryClient()
  return useCallback(
    (page: AdminPage) => {
      client.setQueryData(keys.pages.detail(page.id), page)
      void client.invalidateQueries({ queryKey: keys.pages.list })
      void client.invalidateQueries({ queryKey: keys.pages.versions(page.id) })
      void client.invalidateQueries({ queryKey: keys.audit })
    },
    [client]
  )
}
