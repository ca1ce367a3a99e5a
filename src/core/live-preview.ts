// The live preview's messages: the admin's editor posts the draft it holds to
// the H5 app's content page in an iframe (`#/pages/content/index?live=1`),
// which renders it with the shop's own block components as staff type. The
// draft is not saved and not read from the server; products are.
/** The one `type` both sides check before trusting a message's shape. */
export const LIVE_PREVIEW_MESSAGE = 'storefront:live-preview'
/** The iframe's hello once it listens, so the editor sends its first draft then. */
export const LIVE_PREVIEW_READY = 'storefront:live-preview-ready'

export interface LivePreviewDraft {
  type: typeof LIVE_PREVIEW_MESSAGE
  /** Blocks as the editor holds them, perhaps half-typed: the app renders them leniently (parseBlocksLenient). */
  page: { slug: string; title: string; cover: string | null; blocks: unknown[] }
  /** The block the editor is on: the preview scrolls it into view. */
  focusIndex?: number
}

export function isLivePreviewDraft(data: unknown): data is LivePreviewDraft {
  if (typeof data !== 'object' || data === null) return false
  const d = data as Partial<LivePreviewDraft>
  return d.type === LIVE_PREVIEW_MESSAGE && typeof d.page === 'object' && d.page !== null && Array.isArray(d.page.blocks)
}
