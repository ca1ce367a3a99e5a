// The admin editor's live preview (src/core/live-preview.ts): the H5 content page in
// `?live=1` mode listens for drafts posted by its parent window, renders each one,
// and says LIVE_PREVIEW_READY to the parent once it listens. Only the H5 build has
// windows and frames; in the mini-program this does nothing.
import { useEffect, useRef } from 'react'
import { isLivePreviewDraft, LIVE_PREVIEW_READY, type LivePreviewDraft } from '@core/live-preview'
import type { Block } from '@core/content'
import { PENDING_PRODUCT } from '../components/blocks/shop-the-look-block'
import { renderableBlocks } from '../services/content-api'
import { platform } from '../services/env'
import { blockFrameId } from './use-block-views'

export function useLivePreview(enabled: boolean, onDraft: (draft: LivePreviewDraft) => void): void {
  const handler = useRef(onDraft)
  handler.current = onDraft
  useEffect(() => {
    if (!enabled || platform() !== 'h5' || typeof window === 'undefined') return
    const listen = (e: MessageEvent) => {
      // Only the page that framed us speaks to the preview (the window itself when opened alone).
      if (e.source !== null && e.source !== window.parent) return
      if (isLivePreviewDraft(e.data)) handler.current(e.data)
    }
    window.addEventListener('message', listen)
    window.parent.postMessage({ type: LIVE_PREVIEW_READY }, '*')
    return () => window.removeEventListener('message', listen)
  }, [enabled])
}

/**
 * Scrolls the block the editor is on into view: its frame, or the nearest rendered
 * block before it (a half-typed block is not rendered).
 */
export function scrollToBlock(focusIndex: number, rendered: readonly number[]): void {
  if (typeof document === 'undefined') return
  const target = [...rendered].filter((i) => i <= focusIndex).pop() ?? rendered[0]
  if (target === undefined) return
  const el = document.getElementById(blockFrameId(target))
  if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ behavior: 'smooth', block: 'start' })
}

/**
 * The live preview's blocks: as the editor holds them, with a dot placed before
 * its product is chosen kept (as PENDING_PRODUCT), so staff see where it sits.
 */
export function previewBlocks(raw: unknown): { blocks: Block[]; indexes: number[] } {
  const list = Array.isArray(raw) ? raw : []
  return renderableBlocks(
    list.map((block: unknown) => {
      const b = block as { type?: unknown; hotspots?: unknown } | null
      if (!b || b.type !== 'shop-the-look' || !Array.isArray(b.hotspots)) return block
      const hotspots = b.hotspots.map((h: unknown) => {
        const spot = h as { productId?: unknown } | null
        return spot && typeof spot === 'object' && (spot.productId === '' || spot.productId === undefined) ? { ...spot, productId: PENDING_PRODUCT } : h
      })
      return { ...b, hotspots }
    })
  )
}
