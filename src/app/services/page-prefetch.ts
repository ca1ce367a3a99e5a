// The first screen: when the app is opened straight on a content page, its answer is asked
// for as the app starts instead of after the page has drawn its placeholder. H5: index.html
// starts that read before any script has loaded (config/first-screen.ts) and this adopts it;
// otherwise (weapp, or an entry the HTML does not read) it is asked for here, at launch.
// content-api's first getPage of that slug takes the answer (once); every later read asks
// again. An answer already here when the page first renders is drawn at once
// (takeSettledPage), with no placeholder frame. Kept apart from content-api so the app chunk
// does not carry the block schemas.
import type { PageResponse } from '@core/contract/pages'
import { api } from './api'
import { platform } from './env'

declare global {
  interface Window {
    /** Set by index.html's first-screen script (H5). */
    __FIRST_PAGE_READ__?: { slug: string; answer: Promise<Response> }
  }
}

const early = new Map<string, Promise<PageResponse>>()
const settled = new Map<string, PageResponse>()

const readPage = (slug: string) => api.get<PageResponse>(`/api/v1/pages/${encodeURIComponent(slug)}`, { query: {} })

/** The read index.html started for this slug, if any; anything but a 2xx JSON answer is asked again through api. */
function adoptHtmlRead(slug: string): Promise<PageResponse> | undefined {
  if (platform() !== 'h5' || typeof window === 'undefined') return undefined
  const read = window.__FIRST_PAGE_READ__
  if (!read || read.slug !== slug) return undefined
  window.__FIRST_PAGE_READ__ = undefined
  const again = () => readPage(slug)
  return read.answer.then((res) => (res.ok ? (res.json() as Promise<PageResponse>) : again())).catch(again)
}

/** Start reading the entry's content page (not a preview, not a live draft); once per slug. */
export function prefetchEntryPage(entry: { path: string; query: Record<string, string> }): void {
  const slug = entry.query.slug
  if (entry.path.replace(/^\//, '') !== 'pages/content/index' || !slug || entry.query.preview || entry.query.live || early.has(slug)) return
  const answer = adoptHtmlRead(slug) ?? readPage(slug)
  answer.then(
    (value) => {
      if (early.get(slug) === answer) settled.set(slug, value)
    },
    () => undefined // the page's own getPage reports a failure
  )
  early.set(slug, answer)
}

/** The prefetched answer for this slug, if any; handed out once. */
export function takePrefetchedPage(slug: string): Promise<PageResponse> | undefined {
  const answer = early.get(slug)
  early.delete(slug)
  settled.delete(slug)
  return answer
}

/** The prefetched answer for this slug if it has already arrived; handed out once (then takePrefetchedPage has nothing). */
export function takeSettledPage(slug: string): PageResponse | undefined {
  const value = settled.get(slug)
  if (value) {
    settled.delete(slug)
    early.delete(slug)
  }
  return value
}
