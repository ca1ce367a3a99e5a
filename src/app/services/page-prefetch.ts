// The first screen: when the app is opened straight on a content page, its answer is asked
// for as the app starts (H5: as app.js runs, before the page's own chunk has loaded; weapp:
// at launch), instead of after the page has drawn its placeholder. content-api's first
// getPage of that slug takes the answer (once); every later read asks again. Kept apart from
// content-api so the app chunk does not carry the block schemas.
import type { PageResponse } from '@core/contract/pages'
import { api } from './api'

const early = new Map<string, Promise<PageResponse>>()

/** Start reading the entry's content page (not a preview, not a live draft); once per slug. */
export function prefetchEntryPage(entry: { path: string; query: Record<string, string> }): void {
  const slug = entry.query.slug
  if (entry.path.replace(/^\//, '') !== 'pages/content/index' || !slug || entry.query.preview || entry.query.live || early.has(slug)) return
  const answer = api.get<PageResponse>(`/api/v1/pages/${encodeURIComponent(slug)}`, { query: {} })
  answer.catch(() => undefined) // the page's own getPage reports a failure
  early.set(slug, answer)
}

/** The prefetched answer for this slug, if any; handed out once. */
export function takePrefetchedPage(slug: string): Promise<PageResponse> | undefined {
  const answer = early.get(slug)
  early.delete(slug)
  return answer
}
